package dev.rediscdi.tests.readme;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.ScoredValue;
import dev.rediscdi.SetArgs;
import dev.rediscdi.TypeRef;
import dev.rediscdi.ZRangeArgs;

@ApplicationScoped
public class Shop {

    @Inject
    RedisClient redis;

    public CompletionStage<Void> save(Order order) {
        return redis.value(Order.class).set("order:" + order.id(), order);           // stored as JSON
    }

    public CompletionStage<Order> find(String id) {
        return redis.value(Order.class).get("order:" + id);                          // null if missing
    }

    public CompletionStage<Boolean> hold(String sku, String customer) {              // false if already held
        return redis.value(String.class).set("hold:" + sku, customer, new SetArgs().nx().ex(Duration.ofMinutes(10)));
    }

    public CompletionStage<Double> score(String player, double points) {
        return redis.sortedSet(String.class).zincrby("leaderboard", points, player);
    }

    public CompletionStage<List<ScoredValue<String>>> top(int n) {
        return redis.sortedSet(String.class).zrangeWithScores("leaderboard", 0, n - 1, new ZRangeArgs().rev());
    }

    public CompletionStage<Boolean> addToCart(String customer, String list, List<Item> items) {
        return redis.hash(new TypeRef<List<Item>>() {}).hset("cart:" + customer, list, items);
    }

    public CompletionStage<Map<String, List<Item>>> cart(String customer) {
        return redis.hash(new TypeRef<List<Item>>() {}).hgetall("cart:" + customer);
    }

    public CompletionStage<Long> forget(String prefix) {                             // SCAN, page after page
        return redis.keys().scan(new ScanArgs().match(prefix + "*").count(500)).toList()
                .thenCompose(keys -> keys.isEmpty() ? CompletableFuture.completedFuture(0L)
                        : redis.keys().unlink(keys.toArray(String[]::new)));
    }
}
