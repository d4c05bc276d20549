package dev.rediscdi.tests.readme;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;

@ApplicationScoped
public class Inventory {
    static final RedisScript RELEASE = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end");

    @Inject
    RedisClient redis;

    /** Takes one item if any is left; runs again if another buyer changed the stock in between. */
    public CompletionStage<Boolean> take(String sku) {
        String stock = "stock:" + sku;
        return redis.transaction(List.of(stock), 10,
                        reads -> reads.value(Long.class).get(stock),
                        (left, tx) -> {
                            if (left != null && left > 0) {
                                tx.value(Long.class).decr(stock);
                                tx.list(String.class).lpush("sold", sku);
                            }
                        })
                .thenApply(results -> results.size() > 0);
    }

    /** Three reads in one round trip; one failing loses nothing of the others. */
    public CompletionStage<CommandResults> dashboard() {
        return redis.pipeline(p -> {
            p.value(Long.class).get("visits");
            p.sortedSet(String.class).zcard("leaderboard");
            p.hash(Long.class).hgetall("stats");
        });
    }

    public CompletionStage<Boolean> release(String lock, String owner) {
        return redis.eval(RELEASE, ReplyType.LONG, List.of(lock), owner).thenApply(deleted -> deleted == 1);
    }
}
