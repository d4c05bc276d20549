package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.ExpireCondition;
import dev.rediscdi.KeyCommands;
import dev.rediscdi.KeyType;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.ScanIteration;
import dev.rediscdi.internal.client.LibraryClient;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class KeyGroup<K> extends Group<K, Void> implements KeyCommands<K> {

    KeyGroup(CommandSink sink, Codecs codecs, Type keyType) {
        super(sink, codecs, keyType, null);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> del(K... keys) {
        return send(many(Command.DEL, keys), Replies::toLong);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> unlink(K... keys) {
        return send(many(Command.UNLINK, keys), Replies::toLong);
    }

    @Override
    public CompletionStage<Boolean> exists(K key) {
        return send(on(Command.EXISTS, key), Replies::toBoolean);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> countExisting(K... keys) {
        return send(many(Command.EXISTS, keys), Replies::toLong);
    }

    @SafeVarargs
    private Request many(Command command, K... keys) {
        Request request = Request.cmd(command);
        this.keys.addAll(request, keys);
        return request;
    }

    @Override
    public CompletionStage<Boolean> expire(K key, Duration ttl) {
        return expiry(Command.EXPIRE, key, seconds(ttl), null);
    }

    @Override
    public CompletionStage<Boolean> expire(K key, Duration ttl, ExpireCondition condition) {
        return expiry(Command.EXPIRE, key, seconds(ttl), required("EXPIRE", condition, "expire(key, ttl)"));
    }

    @Override
    public CompletionStage<Boolean> pexpire(K key, Duration ttl) {
        return expiry(Command.PEXPIRE, key, millis(ttl), null);
    }

    @Override
    public CompletionStage<Boolean> pexpire(K key, Duration ttl, ExpireCondition condition) {
        return expiry(Command.PEXPIRE, key, millis(ttl), required("PEXPIRE", condition, "pexpire(key, ttl)"));
    }

    @Override
    public CompletionStage<Boolean> expireat(K key, Instant at) {
        return expiry(Command.EXPIREAT, key, instant("EXPIREAT", at).getEpochSecond(), null);
    }

    @Override
    public CompletionStage<Boolean> expireat(K key, Instant at, ExpireCondition condition) {
        return expiry(Command.EXPIREAT, key, instant("EXPIREAT", at).getEpochSecond(), required("EXPIREAT", condition, "expireat(key, at)"));
    }

    @Override
    public CompletionStage<Boolean> pexpireat(K key, Instant at) {
        return expiry(Command.PEXPIREAT, key, instant("PEXPIREAT", at).toEpochMilli(), null);
    }

    private static long seconds(Duration ttl) {
        if (ttl == null) {
            throw new IllegalArgumentException("EXPIRE: ttl is null; give a duration");
        }
        if (ttl.getNano() != 0) {
            throw new IllegalArgumentException("EXPIRE: ttl is " + ttl + ", not a whole number of seconds; use pexpire(..) for milliseconds");
        }
        return ttl.getSeconds();
    }

    /** Whole milliseconds: a part of one would be cut off, and a ttl below one millisecond would delete the key at once. */
    private static long millis(Duration ttl) {
        if (ttl == null) {
            throw new IllegalArgumentException("PEXPIRE: ttl is null; give a duration");
        }
        if (ttl.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("PEXPIRE: ttl is " + ttl + ", not a whole number of milliseconds; Redis takes milliseconds");
        }
        return ttl.toMillis();
    }

    /** A condition given as null is refused: running the command without one would set a time to live it may have been meant to keep. */
    private static ExpireCondition required(String command, ExpireCondition condition, String unconditional) {
        if (condition == null) {
            throw new IllegalArgumentException(command + ": the condition is null; give NX, XX, GT or LT, or call " + unconditional + " for none");
        }
        return condition;
    }

    private static Instant instant(String command, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException(command + ": the instant is null; give one");
        }
        return at;
    }

    private CompletionStage<Boolean> expiry(Command command, K key, long amount, ExpireCondition condition) {
        Request request = on(command, key).arg(amount);
        if (condition != null) {
            request.arg(condition.name());
        }
        return send(request, Replies::toBoolean);
    }

    @Override
    public CompletionStage<Long> ttl(K key) {
        return send(on(Command.TTL, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> pttl(K key) {
        return send(on(Command.PTTL, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Boolean> persist(K key) {
        return send(on(Command.PERSIST, key), Replies::toBoolean);
    }

    @Override
    public CompletionStage<KeyType> type(K key) {
        return send(on(Command.TYPE, key), reply -> KeyType.of(reply.toString()));
    }

    @Override
    public CompletionStage<Void> rename(K key, K newKey) {
        Request request = on(Command.RENAME, key);
        keys.add(request, newKey);
        return send(request, Replies::none);
    }

    @Override
    public CompletionStage<Boolean> renamenx(K key, K newKey) {
        Request request = on(Command.RENAMENX, key);
        keys.add(request, newKey);
        return send(request, Replies::toBoolean);
    }

    @Override
    public CompletionStage<Boolean> copy(K source, K destination, boolean replace) {
        Request request = on(Command.COPY, source);
        keys.add(request, destination);
        if (replace) {
            request.arg("REPLACE");
        }
        return send(request, Replies::toBoolean);
    }

    @Override
    public ScanIteration<K> scan() {
        return scan(new ScanArgs());
    }

    @Override
    public ScanIteration<K> scan(ScanArgs args) {
        requireArgs("scan", args, "new ScanArgs() for no options");
        Function<String, Request> request = cursor -> options(Request.cmd(Command.SCAN).arg(cursor), args.arguments());
        LibraryClient cluster = sink.cluster();
        if (cluster != null) { // SCAN has no key: each primary is scanned in turn
            return new ScanCursor<>(ClusterScan.pages(cluster, request, this::scanned));
        }
        return new ScanCursor<>(cursor -> send(request.apply(cursor), reply -> new ScanCursor.Page<>(reply.get(0).toString(), scanned(reply.get(1)))));
    }

    private List<K> scanned(Response elements) {
        List<K> found = new ArrayList<>(elements.size());
        elements.forEach(key -> found.add(keys.decode(key, "(scanned)")));
        return found;
    }
}
