package dev.rediscdi.internal.client;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Which commands are idempotent: running one twice leaves Redis as running it once did. A count in the reply may
 * differ (DEL answers 0 the second time), but no command whose reply is a decision the caller acts on (SET NX,
 * SET GET, EXPIRE NX) is idempotent here. Only these are sent again after a lost connection or a timeout, when
 * Redis may have run them already. The list is explicit: a command missing from it counts as not idempotent
 * (INCR, LPUSH, XADD, PUBLISH, EVAL, XGROUP CREATE and the like).
 */
final class Idempotency {
    private static final Set<Command> ALWAYS = commands(
            // reads
            "GET", "MGET", "GETRANGE", "STRLEN", "EXISTS", "TYPE", "TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME",
            "HGET", "HMGET", "HGETALL", "HKEYS", "HVALS", "HLEN", "HEXISTS", "HSTRLEN", "HRANDFIELD",
            "LRANGE", "LLEN", "LINDEX", "LPOS", "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD", "SINTER", "SUNION",
            "SDIFF", "SINTERCARD", "SRANDMEMBER", "ZSCORE", "ZMSCORE", "ZRANGE", "ZRANGEBYSCORE", "ZRANGEBYLEX",
            "ZREVRANGE", "ZREVRANGEBYSCORE", "ZREVRANGEBYLEX", "ZRANK", "ZREVRANK", "ZCARD", "ZCOUNT", "ZLEXCOUNT",
            "ZRANDMEMBER", "ZINTER", "ZUNION", "ZDIFF", "XRANGE", "XREVRANGE", "XLEN", "XPENDING", "XINFO", "XREAD",
            "PFCOUNT", "GETBIT", "BITCOUNT", "BITPOS", "BITFIELD_RO", "GEOPOS", "GEODIST", "GEOHASH", "GEOSEARCH",
            "GEORADIUS_RO", "GEORADIUSBYMEMBER_RO", "SCAN", "HSCAN", "SSCAN", "ZSCAN", "KEYS", "DBSIZE", "RANDOMKEY",
            "PING", "ECHO", "TIME", "INFO", "MEMORY", "OBJECT", "DUMP", "LCS", "SUBSTR", "EVAL_RO", "EVALSHA_RO",
            "FCALL_RO", "PUBSUB", "SORT_RO", "ZINTERCARD",
            // writes whose repetition changes nothing and answers the same
            "SETEX", "PSETEX", "MSET", "SETRANGE", "HSET", "HMSET", "HDEL", "DEL", "UNLINK", "PERSIST",
            "LSET", "LTRIM", "SADD", "SREM", "ZREM", "ZREMRANGEBYRANK", "ZREMRANGEBYSCORE",
            "ZREMRANGEBYLEX", "PFADD", "PFMERGE", "GEOADD", "XACK", "XDEL", "SINTERSTORE",
            "SUNIONSTORE", "SDIFFSTORE", "ZINTERSTORE", "ZUNIONSTORE", "ZDIFFSTORE", "ZRANGESTORE", "GEOSEARCHSTORE",
            "TOUCH");

    /** Idempotent unless one of the {@link #FLAGS_THAT_BREAK_IT} is among their arguments. */
    private static final Set<Command> UNLESS_FLAGGED = commands("SET", "ZADD", "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT");

    /**
     * SET ... GET answers the previous value, which the first run replaced; SET ... NX answers nil the second time;
     * ZADD ... INCR adds twice; EXPIRE(AT) ... NX/XX/GT/LT and ZADD ... GT/LT decide on state the first run changed.
     * Not idempotent at all for the same reason: SETBIT answers the previous bit, SMOVE whether it moved the member
     * (a job claimed by SMOVE would be reported lost when run twice).
     */
    private static final Set<String> FLAGS_THAT_BREAK_IT = Set.of("GET", "NX", "XX", "GT", "LT", "INCR");

    private Idempotency() {
    }

    static boolean of(Request request) {
        Command command = request.command();
        if (ALWAYS.contains(command)) {
            return true;
        }
        return UNLESS_FLAGGED.contains(command) && !hasFlag(request);
    }

    static boolean all(List<Request> requests) {
        return requests.stream().allMatch(Idempotency::of);
    }

    private static boolean hasFlag(Request request) {
        // Request keeps its arguments RESP-encoded, without an accessor; read only on a failure, never on the hot path.
        // A value that happens to equal a flag makes the command count as not idempotent: the safe side.
        String encoded = request.toString().toUpperCase(Locale.ROOT);
        return FLAGS_THAT_BREAK_IT.stream().anyMatch(flag -> encoded.contains("\r\n$" + flag.length() + "\r\n" + flag + "\r\n"));
    }

    private static Set<Command> commands(String... names) {
        return Stream.of(names).map(Command::create).collect(Collectors.toUnmodifiableSet());
    }
}
