package dev.rediscdi.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The data every client reads and writes: {@link #KEYS} keys holding 100-byte ASCII values, the same in both jars
 * (shared by both benchmark jars).
 */
public final class Data {
    public static final int KEYS = 1000;
    public static final int VALUE_BYTES = 100;
    public static final int CONCURRENCY = 64;
    public static final int BATCH = 100;

    private static final String[] KEY_NAMES = new String[KEYS];
    public static final String VALUE;

    static {
        for (int i = 0; i < KEYS; i++) {
            KEY_NAMES[i] = String.format("bench:key:%04d", i);
        }
        StringBuilder value = new StringBuilder(VALUE_BYTES);
        for (int i = 0; i < VALUE_BYTES; i++) {
            value.append((char) ('a' + i % 26));
        }
        VALUE = value.toString();
    }

    private Data() {
    }

    public static String key(int index) {
        return KEY_NAMES[Math.floorMod(index, KEYS)];
    }

    public static String randomKey() {
        return KEY_NAMES[ThreadLocalRandom.current().nextInt(KEYS)];
    }

    /** The Redis port: {@code -Dbench.redis.port} or {@code BENCH_REDIS_PORT}, set by run.sh. Never 6379. */
    public static int port() {
        String port = System.getProperty("bench.redis.port", System.getenv("BENCH_REDIS_PORT"));
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("set BENCH_REDIS_PORT (or -Dbench.redis.port) to the port of a redis-server you started;"
                    + " benchmarks/run.sh does it");
        }
        int value = Integer.parseInt(port.trim());
        if (value == 6379) {
            throw new IllegalStateException("refusing port 6379: start a throw-away redis-server on another port (run.sh does)");
        }
        return value;
    }

    public static String host() {
        return "127.0.0.1";
    }

    public static String uri() {
        return "redis://" + host() + ":" + port();
    }
}
