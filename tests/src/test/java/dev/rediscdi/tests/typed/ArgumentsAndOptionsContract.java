package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.KeyType;
import dev.rediscdi.ListSide;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.ZAddArgs;
import dev.rediscdi.ZRangeArgs;

/** How arguments and options reach Redis, and how replies that do not fit are reported. */
abstract class ArgumentsAndOptionsContract extends ProtocolContract {

    @Test
    void shouldSendAFloatArgumentAsTheDecimalTextOfTheFloat() throws Exception {
        await(redis.send("SET", key + "f", 0.1f));
        String echoed = await(redis.eval(RedisScript.of("return ARGV[1]"), ReplyType.STRING, List.of(), 2.2f));

        assertThat(server().command("GET", key + "f")).as("not the double nearest the float, 0.10000000149011612").isEqualTo("0.1");
        assertThat(echoed).isEqualTo("2.2");
    }

    @Test
    void shouldFailAScriptReplyTheReplyTypeCannotConvertWithADecodeErrorThatDoesNotQuoteTheReply() throws Exception {
        RedisScript echo = RedisScript.of("return ARGV[1]");

        Throwable direct = failure(redis.eval(echo, ReplyType.LONG, List.of(), "secret-token-123"));
        CommandResults piped = await(redis.pipeline(p -> p.eval(echo, ReplyType.LONG, List.of(), "secret-token-123")));

        assertThat(direct).isInstanceOf(RedisDecodeException.class);
        assertThat(messages(direct)).noneMatch(message -> message.contains("secret-token-123"));
        assertThat(piped.error(0)).isInstanceOf(RedisDecodeException.class);
        assertThat(messages(piped.error(0))).noneMatch(message -> message.contains("secret-token-123"));
    }

    /** The messages and string forms of an error and its causes. */
    static List<String> messages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null && messages.size() < 20; cause = cause.getCause()) {
            messages.add(String.valueOf(cause));
        }
        return messages;
    }

    @Test
    void shouldNameTheZaddOptionsThatCannotGoTogether() {
        assertThatThrownBy(() -> new ZAddArgs().nx().xx()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NX").hasMessageContaining("XX");
        assertThatThrownBy(() -> new ZAddArgs().gt().lt()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GT").hasMessageContaining("LT");
        assertThatThrownBy(() -> new ZAddArgs().gt().nx()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GT").hasMessageContaining("NX");
        assertThatThrownBy(() -> new ZAddArgs().nx().lt()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LT").hasMessageContaining("NX");
        assertThat(new ZAddArgs().xx().gt().ch().arguments()).as("XX goes with GT").containsExactly("XX", "GT", "CH");
    }

    @Test
    void shouldRefuseALimitOnARangeByRankAndSayWhatToDoInstead() throws Exception {
        String k = key + "z";
        await(redis.sortedSet(String.class).zadd(k, Map.of("a", 1.0, "b", 2.0, "c", 3.0)));

        assertThatThrownBy(() -> await(redis.sortedSet(String.class).zrange(k, 0, -1, new ZRangeArgs().limit(1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit").hasMessageContaining("zrangeByScore");
        assertThatThrownBy(() -> await(redis.sortedSet(String.class).zrangeWithScores(k, 0, -1, new ZRangeArgs().rev().limit(0, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void shouldRefuseATypeFilterOnTheScansOfOneKey() throws Exception {
        server().command("HSET", key + "h", "f", "v");
        server().command("SADD", key + "s", "m");
        server().command("ZADD", key + "z", "1", "m");
        ScanArgs hashes = new ScanArgs().type(KeyType.HASH);

        assertThatThrownBy(() -> await(redis.hash(String.class).hscan(key + "h", hashes).toList())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HSCAN").hasMessageContaining("type");
        assertThatThrownBy(() -> await(redis.set(String.class).sscan(key + "s", hashes).toList())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSCAN");
        assertThatThrownBy(() -> await(redis.sortedSet(String.class).zscan(key + "z", hashes).toList())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZSCAN");
    }

    @Test
    void shouldNameANullRangeSideUnitTrimOrIdleTimeInsteadOfThrowingANullPointerException() {
        String k = key + "x";

        assertThatThrownBy(() -> redis.sortedSet(String.class).zrangeByScore(k, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> redis.sortedSet(String.class).zcount(k, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> redis.sortedSet(String.class).zrangeByLex(k, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> redis.list(String.class).lmove(k, k + "2", null, ListSide.LEFT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from");
        assertThatThrownBy(() -> redis.list(String.class).blmove(k, k + "2", ListSide.LEFT, null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> redis.geo(String.class).geodist(k, "a", "b", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> redis.stream(String.class).xtrim(k, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trim");
        assertThatThrownBy(() -> redis.stream(String.class).xclaim(k, "g", "c", null, "0-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minIdle");
        assertThatThrownBy(() -> redis.stream(String.class).xautoclaim(k, "g", "c", null, "0-0", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minIdle");
    }
}
