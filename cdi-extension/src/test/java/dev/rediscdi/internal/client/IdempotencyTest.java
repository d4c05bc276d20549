package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdempotencyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "GET k, true",
            "SET k v, true",
            "SET k v EX 10, true",
            "SET k v NX, false",
            "SET k v nx PX 100, false",
            "SET k v GET, false",
            "HSET h f v, true",
            "DEL k, true",
            "EXPIRE k 10, true",
            "EXPIRE k 10 NX, false",
            "EXPIREAT k 1900000000, true",
            "EXPIREAT k 1900000000 GT, false",
            "PEXPIREAT k 1900000000000 NX, false",
            "SETBIT k 7 1, false",
            "SMOVE jobs taken job-1, false",
            "SORT_RO list LIMIT 0 10, true",
            "ZINTERCARD 2 a b, true",
            "ZADD z 1 m, true",
            "ZADD z INCR 1 m, false",
            "SADD s m, true",
            "INCR k, false",
            "INCRBY k 2, false",
            "LPUSH l v, false",
            "RPOP l, false",
            "XADD s * f v, false",
            "EVAL return 0, false",
            "EVALSHA abc 0, false",
            "PUBLISH c m, false",
            "XGROUP CREATE s g $, false",
            "GETDEL k, false",
            "APPEND k v, false" })
    void shouldKnowWhichCommandsMayRunTwice(String command, boolean idempotent) {
        String[] words = command.split(" ");
        Object[] args = new Object[words.length - 1];
        System.arraycopy(words, 1, args, 0, args.length);

        assertThat(Idempotency.of(Requests.of(words[0], args))).isEqualTo(idempotent);
    }
}
