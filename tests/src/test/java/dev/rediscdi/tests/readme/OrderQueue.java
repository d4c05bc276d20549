package dev.rediscdi.tests.readme;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.StreamMessage;
import dev.rediscdi.StreamTrim;
import dev.rediscdi.XAddArgs;
import dev.rediscdi.XReadArgs;

@ApplicationScoped
public class OrderQueue {

    @Inject
    BlockingRedisClient redis;

    public void createGroup() {
        try {
            redis.stream(Order.class).xgroupCreate("orders", "shipping", "0", true);
        } catch (RedisReplyException e) {
            if (!"BUSYGROUP".equals(e.code())) {                                     // BUSYGROUP: it exists already
                throw e;
            }
        }
    }

    public String submit(Order order) {
        return redis.stream(Order.class)
                .xadd("orders", new XAddArgs().trim(StreamTrim.maxLen(100_000).approximate()), Map.of("order", order));
    }

    /** Up to 10 orders for this worker, waiting at most 5 s for some (on a connection of its own). */
    public List<StreamMessage<String, Order>> next(String worker) {
        return redis.stream(Order.class)
                .xreadgroup("shipping", worker, Map.of("orders", ">"), new XReadArgs().count(10).block(Duration.ofSeconds(5)));
    }

    public void shipped(StreamMessage<String, Order> message) {
        redis.stream(Order.class).xack("orders", "shipping", message.id());
    }

    /** Takes over the orders a crashed worker left unacknowledged for a minute. */
    public List<StreamMessage<String, Order>> rescue(String worker) {
        return redis.stream(Order.class).xautoclaim("orders", "shipping", worker, Duration.ofMinutes(1), "0-0", 100).claimed();
    }
}
