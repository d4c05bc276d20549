package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.rediscdi.AutoClaimResult;
import dev.rediscdi.BitmapCommands;
import dev.rediscdi.GeoCommands;
import dev.rediscdi.GeoPosition;
import dev.rediscdi.GeoResult;
import dev.rediscdi.GeoSearchArgs;
import dev.rediscdi.GeoUnit;
import dev.rediscdi.HyperLogLogCommands;
import dev.rediscdi.LexRange;
import dev.rediscdi.PendingMessage;
import dev.rediscdi.PendingSummary;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.ScoreRange;
import dev.rediscdi.ScoredValue;
import dev.rediscdi.SortedSetCommands;
import dev.rediscdi.StreamCommands;
import dev.rediscdi.StreamMessage;
import dev.rediscdi.StreamTrim;
import dev.rediscdi.XAddArgs;
import dev.rediscdi.XPendingArgs;
import dev.rediscdi.XReadArgs;
import dev.rediscdi.ZAddArgs;
import dev.rediscdi.ZRangeArgs;

/** Sorted sets, streams, HyperLogLogs, bitmaps and geo sets. */
abstract class SortedSetsStreamsContract extends ProtocolContract {

    @Test
    void shouldKeepALeaderboard() throws Exception {
        SortedSetCommands<String, String> board = redis.sortedSet(String.class);
        String k = key + "board";
        assertThat(await(board.zadd(k, 10, "alice"))).isTrue();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("bob", 20.0);
        scores.put("carol", 5.5);
        scores.put("alice", 12.0);
        assertThat(await(board.zadd(k, scores))).isEqualTo(2L);
        assertThat(await(board.zadd(k, new ZAddArgs().gt().ch(), Map.of("alice", 11.0, "bob", 25.0)))).as("GT: only bob rises").isEqualTo(1L);
        assertThat(await(board.zadd(k, new ZAddArgs().lt().ch(), Map.of("carol", 1.0)))).isEqualTo(1L);
        assertThat(await(board.zadd(k, new ZAddArgs().nx(), Map.of("carol", 100.0, "dave", 7.0)))).isEqualTo(1L);
        assertThat(await(board.zadd(k, new ZAddArgs().xx(), Map.of("erin", 1.0)))).isZero();
        assertThat(await(board.zaddIncr(k, new ZAddArgs(), 3, "dave"))).isEqualTo(10.0);
        assertThat(await(board.zaddIncr(k, new ZAddArgs().nx(), 3, "dave"))).as("NX on an existing member").isNull();
        assertThat(await(board.zincrby(k, 0.5, "carol"))).isEqualTo(1.5);

        assertThat(await(board.zrange(k, 0, -1))).containsExactly("carol", "dave", "alice", "bob");
        assertThat(await(board.zrange(k, 0, 1, new ZRangeArgs().rev()))).containsExactly("bob", "alice");
        assertThat(await(board.zrangeWithScores(k, 0, 1))).containsExactly(new ScoredValue<>("carol", 1.5), new ScoredValue<>("dave", 10.0));
        assertThat(await(board.zrangeWithScores(k, 0, 0, new ZRangeArgs().rev()))).containsExactly(new ScoredValue<>("bob", 25.0));
        assertThat(await(board.zrangeByScore(k, ScoreRange.closed(10, 12)))).containsExactly("dave", "alice");
        assertThat(await(board.zrangeByScore(k, ScoreRange.open(10, 25)))).containsExactly("alice");
        assertThat(await(board.zrangeByScore(k, ScoreRange.atLeast(10), new ZRangeArgs().rev().limit(0, 2)))).containsExactly("bob", "alice");
        assertThat(await(board.zrangeByScoreWithScores(k, ScoreRange.atMost(10), new ZRangeArgs().limit(1, 5))))
                .containsExactly(new ScoredValue<>("dave", 10.0));
        assertThat(await(board.zrank(k, "alice"))).isEqualTo(2L);
        assertThat(await(board.zrevrank(k, "alice"))).isEqualTo(1L);
        assertThat(await(board.zrank(k, "nobody"))).isNull();
        assertThat(await(board.zscore(k, "bob"))).isEqualTo(25.0);
        assertThat(await(board.zscore(k, "nobody"))).isNull();
        assertThat(await(board.zcard(k))).isEqualTo(4L);
        assertThat(await(board.zcount(k, ScoreRange.all()))).isEqualTo(4L);

        await(board.zadd(k, Double.POSITIVE_INFINITY, "infinite"));
        assertThat(await(board.zscore(k, "infinite"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(await(board.zpopmax(k))).isEqualTo(new ScoredValue<>("infinite", Double.POSITIVE_INFINITY));
        assertThat(await(board.zpopmin(k))).isEqualTo(new ScoredValue<>("carol", 1.5));
        assertThat(await(board.zpopmin(k, 1))).containsExactly(new ScoredValue<>("dave", 10.0));
        assertThat(await(board.zpopmax(k, 5))).containsExactly(new ScoredValue<>("bob", 25.0), new ScoredValue<>("alice", 12.0));
        assertThat(await(board.zpopmin(k))).isNull();
        assertThat(blocking.sortedSet(String.class).zrem(k, "nobody")).isZero();
    }

    @Test
    void shouldRangeByLexAndScanSortedSets() throws Exception {
        SortedSetCommands<String, String> names = redis.sortedSet(String.class);
        String k = key + "names";
        Map<String, Double> members = new LinkedHashMap<>();
        for (String name : List.of("anna", "bert", "bob", "carl", "dora")) {
            members.put(name, 0.0);
        }
        await(names.zadd(k, members));
        assertThat(await(names.zrangeByLex(k, LexRange.closed("b", "c")))).containsExactly("bert", "bob");
        assertThat(await(names.zrangeByLex(k, LexRange.startingWith("bo")))).containsExactly("bob");
        assertThat(await(names.zrangeByLex(k, LexRange.open("anna", "dora")))).containsExactly("bert", "bob", "carl");
        assertThat(await(names.zrangeByLex(k, LexRange.all(), new ZRangeArgs().rev().limit(0, 2)))).containsExactly("dora", "carl");
        assertThat(await(names.zrem(k, "anna", "dora"))).isEqualTo(2L);

        Map<Integer, Double> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put(i, i / 2.0);
        }
        await(redis.sortedSet(Integer.class).zadd(key + "big", many));
        Map<Integer, Double> scanned = await(redis.sortedSet(Integer.class).zscan(key + "big", new ScanArgs().count(40))
                .collect(Collectors.toMap(ScoredValue::value, ScoredValue::score)));
        assertThat(scanned).isEqualTo(many);
        assertThat(blocking.sortedSet(Integer.class).zscan(key + "big")).hasSize(300);
    }

    /** A consumer group's entry that cannot be decoded stays pending: the failure names it, so that it can be read otherwise and acknowledged. */
    @Test
    void shouldNameTheStreamEntryThatCannotBeDecoded() throws Exception {
        String k = key + "poisoned";
        await(redis.stream(Order.class).xgroupCreate(k, "workers", "$", true));
        String poisoned = server().command("XADD", k, "*", "order", "secret-token-123");

        Throwable failure = failure(redis.stream(Order.class).xreadgroup("workers", "w1", Map.of(k, ">"), new XReadArgs().count(10)));

        assertThat(failure).isInstanceOf(RedisDecodeException.class).hasMessageContaining("entry " + poisoned + " of the stream")
                .hasMessageNotContaining("secret-token-123");
        List<StreamMessage<String, byte[]>> asBytes = await(redis.stream(byte[].class).xreadgroup("workers", "w1", Map.of(k, "0"), new XReadArgs()));
        assertThat(asBytes).extracting(StreamMessage::id).containsExactly(poisoned);
        assertThat(await(redis.stream(byte[].class).xack(k, "workers", poisoned))).isEqualTo(1L);
        assertThat(await(redis.stream(Order.class).xreadgroup("workers", "w1", Map.of(k, "0"), new XReadArgs()))).isEmpty();
    }

    @Test
    void shouldRunAReliableWorkQueueOnAStream() throws Exception {
        StreamCommands<String, Order> jobs = redis.stream(Order.class);
        String k = key + "jobs";
        await(jobs.xgroupCreate(k, "workers", "$", true));
        String first = await(jobs.xadd(k, Map.of("order", DataTypesContract.ORDER)));
        await(jobs.xadd(k, Map.of("order", new Order("o-2", 1, java.math.BigDecimal.ONE, List.of()))));
        await(jobs.xadd(k, new XAddArgs().trim(StreamTrim.maxLen(1000).approximate()), Map.of("order", new Order("o-3", 1, java.math.BigDecimal.ONE, List.of()))));
        assertThat(await(jobs.xadd(key + "absent", new XAddArgs().noMkStream(), Map.of("order", DataTypesContract.ORDER)))).isNull();
        assertThat(await(jobs.xlen(k))).isEqualTo(3L);

        List<StreamMessage<String, Order>> delivered = await(jobs.xreadgroup("workers", "w1", Map.of(k, ">"), new XReadArgs().count(10)));
        assertThat(delivered).hasSize(3);
        assertThat(delivered.get(0)).isEqualTo(new StreamMessage<>(k, first, Map.of("order", DataTypesContract.ORDER)));
        assertThat(await(jobs.xack(k, "workers", first))).isEqualTo(1L);

        PendingSummary summary = await(jobs.xpending(k, "workers"));
        assertThat(summary.count()).isEqualTo(2L);
        assertThat(summary.lowestId()).isEqualTo(delivered.get(1).id());
        assertThat(summary.highestId()).isEqualTo(delivered.get(2).id());
        assertThat(summary.consumers()).containsExactly(Map.entry("w1", 2L));
        List<PendingMessage> pending = await(jobs.xpending(k, "workers", XPendingArgs.range("-", "+", 10).consumer("w1")));
        assertThat(pending).extracting(PendingMessage::id).containsExactly(delivered.get(1).id(), delivered.get(2).id());
        assertThat(pending.get(0).deliveries()).isEqualTo(1L);
        assertThat(await(jobs.xpending(k, "workers", XPendingArgs.range("-", "+", 10).idle(Duration.ofHours(1))))).isEmpty();

        // w1 died: w2 takes its work over
        List<StreamMessage<String, Order>> claimed = await(jobs.xclaim(k, "workers", "w2", Duration.ZERO, delivered.get(1).id()));
        assertThat(claimed).extracting(StreamMessage::id).containsExactly(delivered.get(1).id());
        AutoClaimResult<String, Order> auto = await(jobs.xautoclaim(k, "workers", "w3", Duration.ZERO, "0-0", 10));
        assertThat(auto.claimed()).extracting(StreamMessage::id).containsExactly(delivered.get(1).id(), delivered.get(2).id());
        assertThat(auto.nextId()).isEqualTo("0-0");
        assertThat(auto.deletedIds()).isEmpty();
        assertThat(await(jobs.xpending(k, "workers")).consumers()).containsExactly(Map.entry("w3", 2L));
        assertThat(await(jobs.xack(k, "workers", delivered.get(1).id(), delivered.get(2).id()))).isEqualTo(2L);
        assertThat(await(jobs.xpending(k, "workers")).count()).isZero();
        assertThat(await(jobs.xpending(k, "workers")).lowestId()).isNull();

        assertThat(await(jobs.xrange(k, "-", "+", 2))).hasSize(2);
        assertThat(await(jobs.xdel(k, first))).isEqualTo(1L);
        assertThat(await(jobs.xtrim(k, StreamTrim.maxLen(1)))).isEqualTo(1L);
        assertThat(blocking.stream(Order.class).xlen(k)).isEqualTo(1L);
    }

    @Test
    void shouldReadStreamsAndWaitForNewEntries() throws Exception {
        StreamCommands<String, String> events = redis.stream(String.class);
        String a = key + "a";
        String b = key + "b";
        await(events.xadd(a, Map.of("type", "created")));
        await(events.xadd(b, Map.of("type", "paid", "amount", "12")));
        Map<String, String> from = new LinkedHashMap<>();
        from.put(a, "0");
        from.put(b, "0");
        List<StreamMessage<String, String>> read = await(events.xread(from, new XReadArgs()));
        assertThat(read).extracting(StreamMessage::stream).containsExactlyInAnyOrder(a, b);
        assertThat(read).filteredOn(message -> message.stream().equals(b)).first()
                .extracting(StreamMessage::fields).isEqualTo(Map.of("type", "paid", "amount", "12"));

        CompletionStage<List<StreamMessage<String, String>>> waiting = events.xread(Map.of(a, "$"), new XReadArgs().block(Duration.ofSeconds(20)));
        for (int i = 0; i < 50; i++) {
            await(redis.value(String.class).set(key + "meanwhile", "x"));
        }
        assertThat(waiting.toCompletableFuture()).as("blocked until an entry arrives, not holding up the others").isNotDone();
        String id = await(events.xadd(a, Map.of("type", "shipped")));
        assertThat(await(waiting)).extracting(StreamMessage::id).containsExactly(id);
        assertThat(blocking.stream(String.class).xread(Map.of(a, "$"), new XReadArgs().block(Duration.ofMillis(100)))).as("timed out").isEmpty();
    }

    @Test
    void shouldCountDistinctElements() throws Exception {
        HyperLogLogCommands<String, String> visitors = redis.hyperLogLog(String.class);
        assertThat(await(visitors.pfadd(key + "mon", "a", "b", "c"))).isTrue();
        assertThat(await(visitors.pfadd(key + "mon", "a"))).isFalse();
        await(visitors.pfadd(key + "tue", "c", "d"));
        assertThat(await(visitors.pfcount(key + "mon"))).isEqualTo(3L);
        assertThat(await(visitors.pfcount(key + "mon", key + "tue"))).isEqualTo(4L);
        await(visitors.pfmerge(key + "week", key + "mon", key + "tue"));
        assertThat(blocking.hyperLogLog(String.class).pfcount(key + "week")).isEqualTo(4L);
    }

    @Test
    void shouldSetAndCountBits() throws Exception {
        BitmapCommands<String> bits = redis.bitmap();
        String k = key + "bits";
        assertThat(await(bits.setbit(k, 7, true))).isFalse();
        assertThat(await(bits.setbit(k, 7, true))).isTrue();
        await(bits.setbit(k, 9, true));
        assertThat(await(bits.getbit(k, 9))).isTrue();
        assertThat(await(bits.getbit(k, 100))).isFalse();
        assertThat(await(bits.bitcount(k))).isEqualTo(2L);
        assertThat(await(bits.bitcount(k, 1, 1))).isEqualTo(1L);
        assertThat(await(bits.bitpos(k, true))).isEqualTo(7L);
        assertThat(await(bits.bitpos(k, true, 1, -1))).isEqualTo(9L);
        assertThat(blocking.bitmap().bitpos(k, false)).isZero();
    }

    @Test
    void shouldSearchPlaces() throws Exception {
        GeoCommands<String, String> places = redis.geo(String.class);
        String k = key + "places";
        assertThat(await(places.geoadd(k, 2.2945, 48.8584, "eiffel"))).isTrue();
        Map<String, GeoPosition> more = new LinkedHashMap<>();
        more.put("louvre", new GeoPosition(2.3376, 48.8606));
        more.put("versailles", new GeoPosition(2.1204, 48.8049));
        assertThat(await(places.geoadd(k, more))).isEqualTo(2L);
        List<GeoPosition> positions = await(places.geopos(k, "eiffel", "nowhere"));
        assertThat(positions.get(0).longitude()).isCloseTo(2.2945, within(0.0001));
        assertThat(positions.get(0).latitude()).isCloseTo(48.8584, within(0.0001));
        assertThat(positions.get(1)).isNull();
        assertThat(await(places.geodist(k, "eiffel", "louvre", GeoUnit.KM))).isCloseTo(3.16, within(0.05));
        assertThat(await(places.geodist(k, "eiffel", "nowhere", GeoUnit.KM))).isNull();

        List<GeoResult<String>> near = await(places.geosearch(k, GeoSearchArgs.<String>fromMember("eiffel").byRadius(5, GeoUnit.KM).ascending()));
        assertThat(near).extracting(GeoResult::member).containsExactly("eiffel", "louvre");
        assertThat(near.get(1).distance()).isCloseTo(3.16, within(0.05));
        assertThat(near.get(1).position().longitude()).isCloseTo(2.3376, within(0.0001));
        List<GeoResult<String>> farthest = blocking.geo(String.class)
                .geosearch(k, GeoSearchArgs.<String>fromPosition(2.35, 48.85).byBox(60, 60, GeoUnit.KM).descending().count(1));
        assertThat(farthest).extracting(GeoResult::member).containsExactly("versailles");
    }
}
