package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.rediscdi.ExpireCondition;
import dev.rediscdi.GetExArgs;
import dev.rediscdi.HashCommands;
import dev.rediscdi.KeyCommands;
import dev.rediscdi.KeyType;
import dev.rediscdi.KeyValue;
import dev.rediscdi.ListCommands;
import dev.rediscdi.ListSide;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.SetArgs;
import dev.rediscdi.SetCommands;
import dev.rediscdi.TypeRef;
import dev.rediscdi.ValueCommands;

/** Values, keys (SCAN included), hashes, lists and sets, asynchronous and blocking. */
abstract class DataTypesContract extends ProtocolContract {
    static final Order ORDER = new Order("o-1", 3, new BigDecimal("19.99"), List.of("gift", "express"));

    @Test
    void shouldStoreRecordsAndGenericCollectionsAsJson() throws Exception {
        await(redis.value(Order.class).set(key + "order", ORDER));
        assertThat(await(redis.value(Order.class).get(key + "order"))).isEqualTo(ORDER);
        assertThat(server().command("GET", key + "order")).contains("\"id\":\"o-1\"").contains("\"quantity\":3");

        ValueCommands<String, List<Order>> lists = redis.value(new TypeRef<List<Order>>() {
        });
        List<Order> orders = List.of(ORDER, new Order("o-2", 1, BigDecimal.ONE, List.of()));
        await(lists.set(key + "orders", orders));
        assertThat(await(lists.get(key + "orders"))).isEqualTo(orders).first().isInstanceOf(Order.class);

        Map<String, List<Order>> byCustomer = Map.of("alice", orders);
        blocking.value(new TypeRef<Map<String, List<Order>>>() {
        }).set(key + "by-customer", byCustomer);
        assertThat(blocking.value(new TypeRef<Map<String, List<Order>>>() {
        }).get(key + "by-customer")).isEqualTo(byCustomer);
        assertThat(blocking.value(Order.class).get(key + "missing")).isNull();
    }

    /**
     * A pop, GETDEL or SET .. GET removes from Redis what it answers: when one of those values cannot be decoded, the
     * failure hands back the bytes of every value removed (the good ones too), so that the application can keep them
     * rather than lose them; as always, never in the message.
     */
    @Test
    void shouldHandBackTheRemovedValuesWhenAPopCannotDecodeThem() throws Exception {
        String good = "{\"id\":\"o-9\",\"quantity\":1,\"price\":1,\"tags\":[]}";
        server().command("RPUSH", key + "queue", "secret-token-123", good);
        server().command("RPUSH", key + "one", "secret-token-123");
        server().command("SADD", key + "set", "secret-token-123");
        server().command("SET", key + "value", "secret-token-123");
        server().command("ZADD", key + "z", "1", "secret-token-123");

        List<Throwable> failures = List.of(failure(redis.list(Order.class).lpop(key + "queue", 5)),
                failure(redis.list(Order.class).rpop(key + "one")),
                failure(redis.set(Order.class).spop(key + "set", 3)),
                failure(redis.value(Order.class).getdel(key + "value")),
                failure(redis.sortedSet(Order.class).zpopmin(key + "z")));
        for (Throwable failure : failures) {
            assertThat(failure).isInstanceOf(RedisDecodeException.class).hasMessageContaining("removedValues()")
                    .hasMessageNotContaining("secret-token-123");
            assertThat(((RedisDecodeException) failure).removedValues()).as(failure.getMessage()).isNotEmpty()
                    .allSatisfy(bytes -> assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isIn("secret-token-123", good));
        }
        assertThat(((RedisDecodeException) failures.get(0)).removedValues()).as("both popped values, in order")
                .extracting(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).containsExactly("secret-token-123", good);
        assertThat(server().command("EXISTS", key + "queue")).as("Redis no longer holds them").isEqualTo("0");

        server().command("RPUSH", key + "blocked", "secret-token-123");
        RedisDecodeException blocked = (RedisDecodeException) failure(redis.list(Order.class).blpop(Duration.ofSeconds(1), key + "blocked"));
        assertThat(blocked.removedValues()).extracting(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("secret-token-123");
        server().command("SET", key + "replaced", "secret-token-123");
        RedisDecodeException replaced = (RedisDecodeException) failure(redis.value(Order.class).setGet(key + "replaced", ORDER, new SetArgs()));
        assertThat(replaced.removedValues()).hasSize(1);
        assertThat(await(redis.value(Order.class).get(key + "replaced"))).as("the SET itself ran").isEqualTo(ORDER);

        RedisDecodeException read = (RedisDecodeException) failure(redis.value(Order.class).get(key + "replaced-not").thenCompose(
                absent -> redis.value(Long.class).get(key + "replaced")));
        assertThat(read.removedValues()).as("a plain read removes nothing").isEmpty();
    }

    @Test
    void shouldNameKeyAndTypeWhenAValueCannotBeDecoded() {
        server().command("SET", key + "broken", "secret-token-123 is not json");

        assertThatThrownBy(() -> blocking.value(Order.class).get(key + "broken")).isInstanceOf(RedisDecodeException.class)
                .hasMessageContaining(key + "broken").hasMessageContaining(Order.class.getName())
                .hasMessageNotContaining("secret-token-123");
        assertThatThrownBy(() -> blocking.value(Long.class).get(key + "broken")).isInstanceOf(RedisDecodeException.class)
                .hasMessageContaining("java.lang.Long");
        // nor in the causes, which a logged stack trace prints (JSON-B and Long.parseLong quote what they read)
        for (Throwable failure : List.of(catchThrowable(() -> blocking.value(Order.class).get(key + "broken")),
                catchThrowable(() -> blocking.value(Long.class).get(key + "broken")))) {
            java.io.StringWriter trace = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain("secret-token-123").contains("Caused by");
        }
        assertThat(catchThrowable(() -> blocking.value(Long.class).get(key + "broken")).getCause())
                .hasMessageContaining(NumberFormatException.class.getName());
    }

    @Test
    void shouldSetWithOptions() throws Exception {
        ValueCommands<String, String> values = redis.value(String.class);
        String k = key + "v";
        assertThat(await(values.set(k, "one", new SetArgs().nx()))).isTrue();
        assertThat(await(values.set(k, "two", new SetArgs().nx()))).isFalse();
        assertThat(await(values.set(key + "absent", "x", new SetArgs().xx()))).isFalse();
        assertThat(await(values.setGet(k, "three", new SetArgs().ex(Duration.ofSeconds(100))))).isEqualTo("one");
        assertThat(await(redis.keys().ttl(k))).isBetween(1L, 100L);
        assertThat(await(values.set(k, "four", new SetArgs().xx().keepTtl()))).isTrue();
        assertThat(await(redis.keys().pttl(k))).isBetween(1L, 100_000L);
        await(values.set(k, "five", new SetArgs().px(Duration.ofMillis(90_000))));
        assertThat(await(redis.keys().pttl(k))).isBetween(1L, 90_000L);
        await(values.set(k, "six", new SetArgs().pxAt(Instant.now().plusSeconds(50))));
        assertThat(await(redis.keys().ttl(k))).isBetween(1L, 50L);
        await(values.set(k, "plain"));
        assertThat(await(redis.keys().ttl(k))).isEqualTo(-1L);
        assertThat(blocking.value(String.class).get(k)).isEqualTo("plain");
    }

    @Test
    void shouldReadAndWriteManyCountAndSlice() throws Exception {
        ValueCommands<String, String> values = redis.value(String.class);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(key + "a", "1");
        entries.put(key + "b", "2");
        await(values.mset(entries));
        Map<String, String> read = await(values.mget(key + "b", key + "missing", key + "a"));
        assertThat(new ArrayList<>(read.keySet())).containsExactly(key + "b", key + "missing", key + "a");
        assertThat(read).containsEntry(key + "b", "2").containsEntry(key + "missing", null).containsEntry(key + "a", "1");
        assertThat(await(values.msetnx(Map.of(key + "a", "x", key + "c", "3")))).isFalse();
        assertThat(await(values.msetnx(Map.of(key + "c", "3", key + "d", "4")))).isTrue();

        ValueCommands<String, Long> counters = redis.value(Long.class);
        assertThat(await(counters.incr(key + "n"))).isEqualTo(1L);
        assertThat(await(counters.incrby(key + "n", 10))).isEqualTo(11L);
        assertThat(await(counters.decr(key + "n"))).isEqualTo(10L);
        assertThat(await(counters.decrby(key + "n", 4))).isEqualTo(6L);
        assertThat(await(counters.get(key + "n"))).isEqualTo(6L);
        assertThat(await(redis.value(Double.class).incrbyfloat(key + "f", 1.5))).isEqualTo(1.5);
        assertThat(await(redis.value(BigDecimal.class).get(key + "f"))).isEqualByComparingTo("1.5");

        assertThat(await(values.append(key + "s", "Hello"))).isEqualTo(5L);
        assertThat(await(values.append(key + "s", " world"))).isEqualTo(11L);
        assertThat(await(values.setrange(key + "s", 6, "Redis"))).isEqualTo(11L);
        assertThat(await(values.getrange(key + "s", 0, 4))).isEqualTo("Hello");
        assertThat(await(values.getrange(key + "s", -5, -1))).isEqualTo("Redis");
        assertThat(await(values.strlen(key + "s"))).isEqualTo(11L);
        assertThat(await(values.getex(key + "s", GetExArgs.ex(Duration.ofSeconds(30))))).isEqualTo("Hello Redis");
        assertThat(await(redis.keys().ttl(key + "s"))).isBetween(1L, 30L);
        assertThat(await(values.getex(key + "s", GetExArgs.persist()))).isEqualTo("Hello Redis");
        assertThat(await(redis.keys().ttl(key + "s"))).isEqualTo(-1L);
        assertThat(await(values.getdel(key + "s"))).isEqualTo("Hello Redis");
        assertThat(await(values.get(key + "s"))).isNull();

        byte[] binary = { 0, -1, 42, 13, 10 };
        await(redis.value(byte[].class).set(key + "bin", binary));
        assertThat(await(redis.value(byte[].class).get(key + "bin"))).isEqualTo(binary);
    }

    @Test
    void shouldExpireRenameCopyAndDelete() throws Exception {
        KeyCommands<String> keys = redis.keys();
        String k = key + "k";
        await(redis.value(String.class).set(k, "v"));
        assertThat(await(keys.exists(k))).isTrue();
        assertThat(await(keys.countExisting(k, k, key + "none"))).isEqualTo(2L);
        assertThat(await(keys.type(k))).isEqualTo(KeyType.STRING);
        assertThat(await(keys.type(key + "none"))).isEqualTo(KeyType.NONE);

        assertThat(await(keys.expire(k, Duration.ofSeconds(100), ExpireCondition.XX))).as("XX: no TTL yet").isFalse();
        assertThat(await(keys.expire(k, Duration.ofSeconds(100), ExpireCondition.NX))).isTrue();
        assertThat(await(keys.expire(k, Duration.ofSeconds(50), ExpireCondition.GT))).as("GT: 50 s is earlier").isFalse();
        assertThat(await(keys.expire(k, Duration.ofSeconds(50), ExpireCondition.LT))).isTrue();
        assertThat(await(keys.ttl(k))).isBetween(1L, 50L);
        assertThat(await(keys.pexpire(k, Duration.ofMillis(40_000)))).isTrue();
        assertThat(await(keys.pttl(k))).isBetween(1L, 40_000L);
        assertThat(await(keys.pexpire(k, Duration.ofMillis(90_000), ExpireCondition.GT))).isTrue();
        assertThat(await(keys.expireat(k, Instant.now().plusSeconds(30)))).isTrue();
        assertThat(await(keys.ttl(k))).isBetween(1L, 30L);
        assertThat(await(keys.expireat(k, Instant.now().plusSeconds(300), ExpireCondition.LT))).isFalse();
        assertThat(await(keys.pexpireat(k, Instant.now().plusSeconds(20)))).isTrue();
        assertThat(await(keys.persist(k))).isTrue();
        assertThat(await(keys.ttl(k))).isEqualTo(-1L);
        assertThat(await(keys.ttl(key + "none"))).isEqualTo(-2L);
        assertThatThrownBy(() -> keys.expire(k, Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pexpire");

        await(keys.rename(k, key + "renamed"));
        assertThat(server().command("GET", key + "renamed")).isEqualTo("v");
        assertThat(failure(keys.rename(key + "none", key + "x"))).isInstanceOf(RedisReplyException.class);
        await(redis.value(String.class).set(key + "other", "o"));
        assertThat(await(keys.renamenx(key + "renamed", key + "other"))).isFalse();
        assertThat(await(keys.copy(key + "renamed", key + "other", false))).isFalse();
        assertThat(await(keys.copy(key + "renamed", key + "other", true))).isTrue();
        assertThat(server().command("GET", key + "other")).isEqualTo("v");
        assertThat(await(keys.del(key + "renamed", key + "none"))).isEqualTo(1L);
        assertThat(await(keys.unlink(key + "other"))).isEqualTo(1L);
        assertThat(blocking.keys().exists(key + "other")).isFalse();
    }

    @Test
    void shouldScanMorePagesThanOne() throws Exception {
        int count = 250;
        List<CompletionStage<Void>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(redis.value(Integer.class).set(key + "scan:" + i, i));
        }
        CompletableFuture.allOf(writes.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new)).get();
        ScanArgs args = new ScanArgs().match(key + "scan:*").count(20);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < count; i++) {
            expected.add(key + "scan:" + i);
        }

        assertThat(new HashSet<>(await(redis.keys().scan(args).toList()))).isEqualTo(expected);
        assertThat(await(redis.keys().scan(new ScanArgs().match(key + "scan:*").type(KeyType.STRING)).collect(Collectors.toSet()))).isEqualTo(expected);
        List<String> seen = new ArrayList<>();
        await(redis.keys().scan(args).forEach(seen::add));
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        Set<String> blockingSeen = new HashSet<>();
        blocking.keys().scan(args).forEach(blockingSeen::add);
        assertThat(blockingSeen).isEqualTo(expected);
        assertThat(await(redis.keys().scan(new ScanArgs().match(key + "nothing:*")).toList())).isEmpty();
    }

    @Test
    void shouldStopAScanAtTheFirstErrorOfTheAction() throws Exception {
        for (int i = 0; i < 5; i++) {
            server().command("SET", key + "stop:" + i, "x");
        }
        Throwable error = failure(redis.keys().scan(new ScanArgs().match(key + "stop:*")).forEach(k -> {
            throw new IllegalStateException("action failed on " + k);
        }));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("action failed on");
    }

    @Test
    void shouldWorkWithHashes() throws Exception {
        HashCommands<String, Order> carts = redis.hash(Order.class);
        String k = key + "cart";
        assertThat(await(carts.hset(k, "o-1", ORDER))).isTrue();
        assertThat(await(carts.hset(k, "o-1", ORDER))).isFalse();
        Order second = new Order("o-2", 2, BigDecimal.TEN, List.of("x"));
        Map<String, Order> more = new LinkedHashMap<>();
        more.put("o-2", second);
        more.put("o-3", ORDER);
        assertThat(await(carts.hset(k, more))).isEqualTo(2L);
        assertThat(await(carts.hsetnx(k, "o-2", ORDER))).isFalse();
        assertThat(await(carts.hget(k, "o-2"))).isEqualTo(second);
        assertThat(await(carts.hget(k, "none"))).isNull();
        assertThat(await(carts.hmget(k, "o-2", "none", "o-1"))).containsExactly(Map.entry("o-2", second), entry("none", null), Map.entry("o-1", ORDER));
        assertThat(await(carts.hgetall(k))).containsOnly(Map.entry("o-1", ORDER), Map.entry("o-2", second), Map.entry("o-3", ORDER));
        assertThat(await(carts.hgetall(key + "none"))).isEmpty();
        assertThat(await(carts.hkeys(k))).containsExactlyInAnyOrder("o-1", "o-2", "o-3");
        assertThat(await(carts.hvals(k))).containsExactlyInAnyOrder(ORDER, second, ORDER);
        assertThat(await(carts.hlen(k))).isEqualTo(3L);
        assertThat(await(carts.hexists(k, "o-3"))).isTrue();
        assertThat(await(carts.hdel(k, "o-3", "none"))).isEqualTo(1L);
        assertThat(blocking.hash(Order.class).hexists(k, "o-3")).isFalse();

        HashCommands<String, Long> counters = redis.hash(Long.class);
        assertThat(await(counters.hincrby(key + "stats", "views", 5))).isEqualTo(5L);
        assertThat(await(redis.hash(Double.class).hincrbyfloat(key + "stats", "score", 0.25))).isEqualTo(0.25);
        assertThat(await(counters.hget(key + "stats", "views"))).isEqualTo(5L);

        Map<String, Integer> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("f" + i, i);
        }
        await(redis.hash(Integer.class).hset(key + "big", many));
        Map<String, Integer> scanned = new LinkedHashMap<>();
        await(redis.hash(Integer.class).hscan(key + "big", new ScanArgs().count(25)).forEach(e -> scanned.put(e.getKey(), e.getValue())));
        assertThat(scanned).isEqualTo(many);
        Map<String, Integer> blockingScanned = new LinkedHashMap<>();
        blocking.hash(Integer.class).hscan(key + "big").forEach(e -> blockingScanned.put(e.getKey(), e.getValue()));
        assertThat(blockingScanned).isEqualTo(many);
    }

    private static <K, V> Map.Entry<K, V> entry(K key, V value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    @Test
    void shouldWorkWithLists() throws Exception {
        ListCommands<String, String> lists = redis.list(String.class);
        String k = key + "list";
        assertThat(await(lists.rpush(k, "b", "c"))).isEqualTo(2L);
        assertThat(await(lists.lpush(k, "a"))).isEqualTo(3L);
        assertThat(await(lists.lrange(k, 0, -1))).containsExactly("a", "b", "c");
        assertThat(await(lists.llen(k))).isEqualTo(3L);
        assertThat(await(lists.lindex(k, -1))).isEqualTo("c");
        await(lists.lset(k, 1, "B"));
        assertThat(await(lists.lpos(k, "B"))).isEqualTo(1L);
        assertThat(await(lists.lpos(k, "none"))).isNull();
        await(lists.rpush(k, "a", "a"));
        assertThat(await(lists.lrem(k, 0, "a"))).isEqualTo(3L);
        assertThat(await(lists.lrange(k, 0, -1))).containsExactly("B", "c");
        await(lists.rpush(k, "d", "e"));
        await(lists.ltrim(k, 0, 2));
        assertThat(await(lists.lrange(k, 0, -1))).containsExactly("B", "c", "d");
        assertThat(await(lists.lmove(k, key + "other", ListSide.LEFT, ListSide.RIGHT))).isEqualTo("B");
        assertThat(await(lists.lpop(k))).isEqualTo("c");
        assertThat(await(lists.rpop(key + "other"))).isEqualTo("B");
        assertThat(await(lists.rpop(key + "none"))).isNull();
        await(lists.rpush(k, "e", "f", "g"));
        assertThat(await(lists.lpop(k, 2))).containsExactly("d", "e");
        assertThat(await(lists.rpop(k, 5))).containsExactly("g", "f");
        assertThat(await(lists.lpop(key + "none", 2))).isEmpty();

        ListCommands<String, Order> orders = redis.list(Order.class);
        await(orders.rpush(key + "orders", ORDER));
        assertThat(blocking.list(Order.class).lrange(key + "orders", 0, -1)).containsExactly(ORDER);
    }

    @Test
    void shouldBlockInPopsWithoutHoldingUpOtherCommands() throws Exception {
        ListCommands<String, String> lists = redis.list(String.class);
        CompletionStage<KeyValue<String, String>> waiting = lists.blpop(Duration.ofSeconds(20), key + "q1", key + "q2");
        CompletionStage<String> moving = lists.blmove(key + "q3", key + "moved", ListSide.RIGHT, ListSide.LEFT, Duration.ofSeconds(20));

        List<CompletableFuture<Long>> others = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            others.add(redis.value(Long.class).incr(key + "others").toCompletableFuture());
        }
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get();
        assertThat(await(redis.value(Long.class).get(key + "others"))).isEqualTo(200L);
        assertThat(waiting.toCompletableFuture()).as("still waiting for an element").isNotDone();
        assertThat(moving.toCompletableFuture()).isNotDone();

        await(lists.rpush(key + "q2", "job"));
        assertThat(await(waiting)).isEqualTo(new KeyValue<>(key + "q2", "job"));
        await(lists.rpush(key + "q3", "x", "y"));
        assertThat(await(moving)).isEqualTo("y");
        assertThat(await(lists.lrange(key + "moved", 0, -1))).containsExactly("y");

        assertThat(blocking.list(String.class).brpop(Duration.ofMillis(100), key + "empty")).as("nil on timeout").isNull();
        await(lists.rpush(key + "ready", "r1", "r2"));
        assertThat(blocking.list(String.class).brpop(Duration.ofSeconds(1), key + "ready")).isEqualTo(new KeyValue<>(key + "ready", "r2"));
    }

    @Test
    void shouldWorkWithSets() throws Exception {
        SetCommands<String, String> sets = redis.set(String.class);
        String a = key + "a";
        String b = key + "b";
        assertThat(await(sets.sadd(a, "x", "y", "z", "x"))).isEqualTo(3L);
        assertThat(await(sets.sadd(b, "y", "w"))).isEqualTo(2L);
        assertThat(await(sets.smembers(a))).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(await(sets.smembers(key + "none"))).isEmpty();
        assertThat(await(sets.sismember(a, "x"))).isTrue();
        assertThat(await(sets.smismember(a, "x", "w", "z"))).containsExactly(true, false, true);
        assertThat(await(sets.scard(a))).isEqualTo(3L);
        assertThat(await(sets.sinter(a, b))).containsExactly("y");
        assertThat(await(sets.sunion(a, b))).containsExactlyInAnyOrder("x", "y", "z", "w");
        assertThat(await(sets.sdiff(a, b))).containsExactlyInAnyOrder("x", "z");
        assertThat(await(sets.sinterstore(key + "i", a, b))).isEqualTo(1L);
        assertThat(await(sets.sunionstore(key + "u", a, b))).isEqualTo(4L);
        assertThat(await(sets.sdiffstore(key + "d", a, b))).isEqualTo(2L);
        assertThat(await(sets.srandmember(a, 2))).hasSize(2).isSubsetOf("x", "y", "z");
        assertThat(await(sets.smove(a, b, "x"))).isTrue();
        assertThat(await(sets.srem(a, "z", "none"))).isEqualTo(1L);
        assertThat(await(sets.spop(a))).isEqualTo("y");
        assertThat(await(sets.spop(a))).isNull();
        assertThat(await(sets.spop(b, 10))).containsExactlyInAnyOrder("x", "y", "w");

        Set<Integer> many = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            many.add(i);
        }
        await(redis.set(Integer.class).sadd(key + "big", many.toArray(Integer[]::new)));
        assertThat(await(redis.set(Integer.class).sscan(key + "big", new ScanArgs().count(30)).collect(Collectors.toSet()))).isEqualTo(many);
        assertThat(blocking.set(Integer.class).smembers(key + "big")).isEqualTo(many);
    }
}
