package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.rediscdi.GeoSearchArgs;
import dev.rediscdi.GeoUnit;
import dev.rediscdi.GetExArgs;
import dev.rediscdi.HashCommands;
import dev.rediscdi.LexRange;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.SetArgs;
import dev.rediscdi.SortedSetCommands;
import dev.rediscdi.StreamCommands;
import dev.rediscdi.StreamMessage;
import dev.rediscdi.StreamTrim;
import dev.rediscdi.XAddArgs;
import dev.rediscdi.XReadArgs;

/** What users hit at the edges of the typed commands: null and empty arguments, odd bytes, tiny timeouts, scans in a pipeline. */
abstract class EdgeCasesContract extends ProtocolContract {

    @Test
    void shouldRefuseANullHashFieldInsteadOfStoringTheFieldNull() throws Exception {
        HashCommands<String, String> hashes = redis.hash(String.class);
        String k = key + "h";

        assertThatThrownBy(() -> await(hashes.hset(k, null, "v"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
        assertThat(server().command("HEXISTS", k, "null")).as("no field named \"null\" written").isEqualTo("0");
    }

    @Test
    void shouldRefuseANullConsumerGroupName() throws Exception {
        StreamCommands<String, String> streams = redis.stream(String.class);
        String k = key + "s";

        assertThatThrownBy(() -> await(streams.xgroupCreate(k, null, "$", true))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group");
    }

    @Test
    void shouldRefuseEmptyFieldListsWithAClearError() {
        HashCommands<String, String> hashes = redis.hash(String.class);

        assertThatThrownBy(() -> await(hashes.hdel(key + "h"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> await(hashes.hmget(key + "h"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> await(redis.stream(String.class).xack(key + "s", "g"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> await(redis.value(String.class).mget(key + "a", null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MGET: a key is null; Redis has no null keys");
        assertThatThrownBy(() -> await(redis.value(String.class).mget((String[]) null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MGET: give at least one key");
    }

    @Test
    void shouldReportAWrongNumberOfArgumentsAsSuchWithoutTheirValues() throws Exception {
        Throwable error = failure(redis.send("SETEX", key + "x", "10", "secret-token-123", "extra"));

        assertThat(error).as("the driver refused it before sending: no connection was lost")
                .isNotInstanceOf(RedisConnectionLostException.class).hasMessageContaining("SETEX").hasMessageNotContaining("secret-token-123");
    }

    @Test
    void shouldRefuseAPexpireOfAFractionOfAMillisecondInsteadOfDeletingTheKey() {
        server().command("SET", key + "t", "v");

        assertThatThrownBy(() -> await(redis.keys().pexpire(key + "t", Duration.ofNanos(500_000)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0.0005S");
        assertThat(server().command("EXISTS", key + "t")).as("PEXPIRE 0 would have deleted it").isEqualTo("1");
    }

    @Test
    void shouldRefuseAMillisecondTimeToLiveWithAFractionInsteadOfCuttingItShort() {
        Duration ttl = Duration.ofNanos(1_500_000);

        assertThatThrownBy(() -> new SetArgs().px(ttl)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("px").hasMessageContaining("PT0.0015S").hasMessageContaining("whole number of milliseconds");
        assertThatThrownBy(() -> GetExArgs.px(ttl)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.0015S");
        assertThat(new SetArgs().px(Duration.ofMillis(1500)).arguments()).containsExactly("PX", 1500L);
    }

    @Test
    void shouldRefuseASecondShapeOrderOrCountOfAGeoSearchInsteadOfDroppingOne() {
        assertThatThrownBy(() -> GeoSearchArgs.fromPosition(2.35, 48.85).byRadius(5, GeoUnit.KM).byBox(1, 2, GeoUnit.KM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BYBOX cannot go with BYRADIUS 5.0 KM");
        assertThatThrownBy(() -> GeoSearchArgs.fromPosition(2.35, 48.85).ascending().descending())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DESC cannot go with ASC");
        assertThatThrownBy(() -> GeoSearchArgs.fromPosition(2.35, 48.85).count(3).count(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COUNT 5 cannot go with COUNT 3");
        assertThat(GeoSearchArgs.fromPosition(2.35, 48.85).count(3).descending().byBox(1, 2, GeoUnit.M).shapeAndOptions())
                .containsExactly("BYBOX", 1.0, 2.0, "M", "DESC", "COUNT", 3L);
    }

    @Test
    void shouldNameANullScoreOrTimeToLive() {
        Map<String, Double> scores = new java.util.HashMap<>();
        scores.put("m", null);

        assertThatThrownBy(() -> await(redis.sortedSet(String.class).zadd(key + "z", scores))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> await(redis.keys().expire(key + "z", null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
    }

    @Test
    void shouldEncodeExplicitIdsTrimmingAndNoAck() throws Exception {
        StreamCommands<String, String> streams = redis.stream(String.class);
        String k = key + "trim";
        for (int i = 1; i <= 5; i++) {
            assertThat(await(streams.xadd(k, new XAddArgs().id("7-" + i), Map.of("n", String.valueOf(i))))).isEqualTo("7-" + i);
        }
        assertThat(await(streams.xtrim(k, StreamTrim.minId("7-3")))).isEqualTo(2L);
        assertThat(await(streams.xrange(k, "-", "+", 10))).extracting(StreamMessage::id).containsExactly("7-3", "7-4", "7-5");
        assertThat(await(streams.xadd(k, new XAddArgs().trim(StreamTrim.maxLen(1).limit(100)), Map.of("n", "6")))).isNotNull();
        assertThat(await(streams.xlen(k))).as("MAXLEN ~ 1 removes whole nodes only: the one node stays").isEqualTo(4L);
        assertThat(await(streams.xtrim(k, StreamTrim.maxLen(1)))).isEqualTo(3L);
        assertThat(await(streams.xrange(k, "-", "+", 10))).extracting(StreamMessage::fields).containsExactly(Map.of("n", "6"));

        await(streams.xgroupCreate(k, "g", "0", false));
        List<StreamMessage<String, String>> read = await(streams.xreadgroup("g", "c", Map.of(k, ">"), new XReadArgs().noAck().count(5)));
        assertThat(read).extracting(StreamMessage::fields).containsExactly(Map.of("n", "6"));
        assertThat(await(streams.xpending(k, "g")).count()).as("NOACK: nothing pending").isZero();
    }

    @Test
    void shouldGiveBackAPendingEntryDeletedSinceItWasReadSoThatItCanBeAcknowledged() throws Exception {
        StreamCommands<String, String> streams = redis.stream(String.class);
        String k = key + "deleted";
        await(streams.xgroupCreate(k, "g", "$", true));
        String kept = await(streams.xadd(k, new XAddArgs(), Map.of("job", "kept")));
        String deleted = await(streams.xadd(k, new XAddArgs(), Map.of("job", "deleted")));
        assertThat(await(streams.xreadgroup("g", "c", Map.of(k, ">"), new XReadArgs().count(10)))).hasSize(2);
        assertThat(server().command("XDEL", k, deleted)).isEqualTo("1");

        List<StreamMessage<String, String>> pending = await(streams.xreadgroup("g", "c", Map.of(k, "0"), new XReadArgs()));

        assertThat(pending).extracting(StreamMessage::id).containsExactly(kept, deleted);
        assertThat(pending).extracting(StreamMessage::fields).containsExactly(Map.of("job", "kept"), Map.of());
        assertThat(await(streams.xack(k, "g", deleted))).isEqualTo(1L);
        assertThat(await(streams.xpending(k, "g")).count()).isEqualTo(1L);
    }

    @Test
    void shouldNameANullOptionsObjectAndOptionsThatDoNotApply() {
        assertThatThrownBy(() -> await(redis.sortedSet(String.class).zrange(key + "z", 0, -1, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zrange").hasMessageContaining("new ZRangeArgs()");
        assertThatThrownBy(() -> await(redis.value(String.class).set(key + "v", "x", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new SetArgs()");
        assertThatThrownBy(() -> await(redis.value(String.class).getex(key + "v", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetExArgs.ex");
        assertThatThrownBy(() -> await(redis.stream(String.class).xread(Map.of(key + "s", "0"), new XReadArgs().noAck())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xreadgroup");
        assertThatThrownBy(() -> GeoSearchArgs.fromPosition(2.35, 48.85).byRadius(Double.NaN, GeoUnit.KM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius is NaN");
        assertThatThrownBy(() -> GeoSearchArgs.fromPosition(2.35, 48.85).byBox(1, Double.POSITIVE_INFINITY, GeoUnit.KM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height is Infinity");
        assertThat(server().command("EXISTS", key + "v")).as("nothing written").isEqualTo("0");
    }

    @Test
    void shouldGiveTheStreamsOfOneReadInTheOrderTheyWereAskedFor() throws Exception {
        StreamCommands<String, String> streams = redis.stream(String.class);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : List.of("q", "c", "x", "a", "m", "b", "z", "e")) {
            String stream = key + "order:" + name;
            await(streams.xadd(stream, new XAddArgs(), Map.of("from", name)));
            ids.put(stream, "0");
        }

        List<StreamMessage<String, String>> read = await(streams.xread(ids, new XReadArgs()));

        assertThat(read).extracting(StreamMessage::stream).containsExactlyElementsOf(ids.keySet());
    }

    @Test
    void shouldNameABinaryKeyReadablyWhenItsValueCannotBeDecoded() throws Exception {
        byte[] binary = (key + "\u00ff").getBytes(StandardCharsets.ISO_8859_1); // ends in 0xff: not UTF-8
        byte[] text = (key + "text").getBytes(StandardCharsets.UTF_8);
        await(redis.value(byte[].class, String.class).set(binary, "not a number"));
        await(redis.value(byte[].class, String.class).set(text, "not a number"));

        assertThat(failure(redis.value(byte[].class, Long.class).get(binary))).isInstanceOf(RedisDecodeException.class)
                .hasMessageContaining("0x" + java.util.HexFormat.of().formatHex(binary)).hasMessageNotContaining("[B@");
        assertThat(failure(redis.value(byte[].class, Long.class).get(text))).hasMessageContaining("'" + key + "text'");
    }

    @Test
    void shouldFindEveryMemberStartingWithAPrefixWhateverFollowsIt() throws Exception {
        SortedSetCommands<String, String> names = redis.sortedSet(String.class);
        String k = key + "lex";
        Map<String, Double> members = new LinkedHashMap<>();
        for (String name : List.of("a", "ab", "a\uFFFD", "a\uD83D\uDE00", "b")) { // a😀: UTF-8 F0 9F 98 80 after the prefix
            members.put(name, 0.0);
        }
        await(names.zadd(k, members));

        assertThat(await(names.zrangeByLex(k, LexRange.startingWith("a")))).containsExactly("a", "ab", "a\uFFFD", "a\uD83D\uDE00");
    }

    @Test
    void shouldNameTheConflictingOptionsOfSet() {
        String k = key + "v";

        Throwable keepAndSet = catchThrowable(() -> await(redis.value(String.class).set(k, "v", new SetArgs().ex(Duration.ofSeconds(10)).keepTtl())));
        assertThat(keepAndSet).as("EX with KEEPTTL").hasMessageContaining("KEEPTTL").hasMessageContaining("EX");
        Throwable nxAndXx = catchThrowable(() -> await(redis.value(String.class).set(k, "v", new SetArgs().nx().xx())));
        assertThat(nxAndXx).as("NX with XX").hasMessageContaining("NX").hasMessageContaining("XX");
    }

    @Test
    void shouldAnswerABlockingPopWithATimeoutBelowAMillisecondInsteadOfWaitingForever() throws Exception {
        CompletionStage<?> pop = redis.list(String.class).blpop(Duration.ofNanos(500_000), key + "empty");

        assertThat(catchThrowable(() -> assertThat((Object) await(pop)).isNull())).as("BLPOP with a 0.5 ms timeout").isNull();
    }

    @Test
    void shouldAnswerAStreamReadBlockingBelowAMillisecondInsteadOfWaitingForever() throws Exception {
        await(redis.stream(String.class).xadd(key + "s", Map.of("f", "v")));
        CompletionStage<List<StreamMessage<String, String>>> read = redis.stream(String.class).xread(Map.of(key + "s", "$"),
                new XReadArgs().block(Duration.ofNanos(500_000)));

        assertThat(catchThrowable(() -> assertThat(await(read)).isEmpty())).as("XREAD BLOCK of 0.5 ms").isNull();
    }

    @Test
    void shouldTakeWhatRedisTakesAtTheEdgesOfHyperLogLogsGeoAndScans() throws Exception {
        var hll = redis.hyperLogLog(String.class);
        assertThat(await(hll.pfadd(key + "hll"))).as("PFADD with no element creates the key").isTrue();
        assertThat(server().command("TYPE", key + "hll")).isEqualTo("string");
        await(hll.pfmerge(key + "merged"));
        assertThat(server().command("EXISTS", key + "merged")).as("PFMERGE with no source creates the destination").isEqualTo("1");

        var geo = redis.geo(String.class);
        await(geo.geoadd(key + "g", 2.35, 48.85, "paris"));
        assertThat(await(geo.geosearch(key + "g", GeoSearchArgs.fromMember("paris").byRadius(0, GeoUnit.M))))
                .as("a radius of 0 finds the member at the center").extracting(r -> r.member()).containsExactly("paris");
        assertThat(GeoSearchArgs.fromPosition(2.35, 48.85).byBox(0, 0, GeoUnit.M).shapeAndOptions()).containsExactly("BYBOX", 0.0, 0.0, "M");
        assertThatThrownBy(() -> await(geo.geoadd(key + "g", Double.NaN, 48.85, "nowhere"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longitude is NaN");
        assertThatThrownBy(() -> GeoSearchArgs.fromPosition(2.35, Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latitude is -Infinity");

        assertThat(new ScanArgs().match("a:*").count(5).match("b:*").count(7).arguments()).as("a second match or count replaces the first")
                .containsExactly("MATCH", "b:*", "COUNT", 7L);

        server().command("SET", key + "v", "x");
        assertThatThrownBy(() -> await(redis.keys().expire(key + "v", Duration.ofSeconds(10), null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EXPIRE: the condition is null").hasMessageContaining("expire(key, ttl)");
        assertThat(server().command("TTL", key + "v")).as("no time to live set").isEqualTo("-1");
    }

    @Test
    void shouldEndAScanQueuedInAPipeline() throws Exception {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            server().command("SET", key + "p:" + i, "x");
            expected.add(key + "p:" + i);
        }
        AtomicReference<CompletionStage<List<String>>> scan = new AtomicReference<>();

        await(redis.pipeline(commands -> scan.set(commands.keys().scan(new ScanArgs().match(key + "p:*").count(10)).toList())));

        Throwable outcome = catchThrowable(() -> assertThat(new HashSet<>(await(scan.get()))).isEqualTo(expected));
        assertThat(outcome).as("the scan's stage completes, with every key or a clear error").isNotInstanceOf(TimeoutException.class);
    }

    @Test
    void shouldReadBackTheBinaryKeyOfAStream() throws Exception {
        byte[] prefix = (key + "bin:").getBytes(StandardCharsets.UTF_8);
        byte[] k = java.util.Arrays.copyOf(prefix, prefix.length + 3);
        k[prefix.length] = (byte) 0xFF; // not UTF-8
        k[prefix.length + 1] = (byte) 0xFE;
        k[prefix.length + 2] = 1;
        StreamCommands<byte[], String> streams = redis.stream(byte[].class, String.class);
        String id = await(streams.xadd(k, Map.of("f", "v")));

        List<StreamMessage<byte[], String>> read = await(streams.xread(Map.of(k, "0"), new XReadArgs()));
        List<byte[]> keys = new ArrayList<>();
        read.forEach(message -> keys.add(message.stream()));

        assertThat(read).extracting(StreamMessage::id).containsExactly(id);
        assertThat(keys.get(0)).as("the stream key as written").isEqualTo(k);

        // another key whose bytes read as the same text: the replies of the two could not be told apart
        byte[] twin = k.clone();
        twin[prefix.length] = (byte) 0xFE;
        Map<byte[], String> both = new java.util.LinkedHashMap<>();
        both.put(k, "0");
        both.put(twin, "0");
        assertThatThrownBy(() -> streams.xread(both, new XReadArgs())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XREAD: the stream keys").hasMessageContaining("read them in separate calls");
        await(redis.keys(byte[].class).del(k));
    }
}
