package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.KeyValue;
import dev.rediscdi.ListCommands;
import dev.rediscdi.ListSide;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

// The blocking pops need nothing special here: the client routes BLPOP, BRPOP and BLMOVE to a pooled connection
// of their own, without deadline.
@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class ListGroup<K, V> extends Group<K, V> implements ListCommands<K, V> {

    ListGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> lpush(K key, V... values) {
        Request request = on(Command.LPUSH, key);
        this.values.addAll(request, values);
        return send(request, Replies::toLong);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> rpush(K key, V... values) {
        Request request = on(Command.RPUSH, key);
        this.values.addAll(request, values);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<V> lpop(K key) {
        return send(on(Command.LPOP, key), removing(Command.LPOP, reply -> value(reply, key), Group::itself));
    }

    @Override
    public CompletionStage<V> rpop(K key) {
        return send(on(Command.RPOP, key), removing(Command.RPOP, reply -> value(reply, key), Group::itself));
    }

    @Override
    public CompletionStage<List<V>> lpop(K key, long count) {
        return send(on(Command.LPOP, key).arg(count), removing(Command.LPOP, reply -> list(reply, key), Replies::elements));
    }

    @Override
    public CompletionStage<List<V>> rpop(K key, long count) {
        return send(on(Command.RPOP, key).arg(count), removing(Command.RPOP, reply -> list(reply, key), Replies::elements));
    }

    @Override
    public CompletionStage<List<V>> lrange(K key, long start, long stop) {
        return send(on(Command.LRANGE, key).arg(start).arg(stop), reply -> list(reply, key));
    }

    private List<V> list(Response reply, K key) {
        List<V> all = new ArrayList<>();
        Replies.elements(reply).forEach(value -> all.add(value(value, key)));
        return all;
    }

    @Override
    public CompletionStage<Long> llen(K key) {
        return send(on(Command.LLEN, key), Replies::toLong);
    }

    @Override
    public CompletionStage<V> lindex(K key, long index) {
        return send(on(Command.LINDEX, key).arg(index), reply -> value(reply, key));
    }

    @Override
    public CompletionStage<Void> lset(K key, long index, V value) {
        Request request = on(Command.LSET, key).arg(index);
        values.add(request, value);
        return send(request, Replies::none);
    }

    @Override
    public CompletionStage<Long> lrem(K key, long count, V value) {
        Request request = on(Command.LREM, key).arg(count);
        values.add(request, value);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<Void> ltrim(K key, long start, long stop) {
        return send(on(Command.LTRIM, key).arg(start).arg(stop), Replies::none);
    }

    @Override
    public CompletionStage<Long> lpos(K key, V value) {
        Request request = on(Command.LPOS, key);
        values.add(request, value);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<V> lmove(K source, K destination, ListSide from, ListSide to) {
        Request request = on(Command.LMOVE, source);
        keys.add(request, destination);
        sides(request, "LMOVE", from, to);
        return send(request, reply -> value(reply, source));
    }

    @SafeVarargs
    @Override
    public final CompletionStage<KeyValue<K, V>> blpop(Duration timeout, K... keys) {
        return blockingPop(Command.BLPOP, timeout, keys);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<KeyValue<K, V>> brpop(Duration timeout, K... keys) {
        return blockingPop(Command.BRPOP, timeout, keys);
    }

    @SafeVarargs
    private CompletionStage<KeyValue<K, V>> blockingPop(Command command, Duration timeout, K... keys) {
        Request request = Request.cmd(command);
        this.keys.addAll(request, keys);
        request.arg(seconds(timeout));
        return send(request, removing(command, reply -> {
            if (reply == null) {
                return null;
            }
            K key = this.keys.decode(reply.get(0), "(popped)");
            return new KeyValue<>(key, value(reply.get(1), key));
        }, reply -> List.of(reply.get(1))));
    }

    @Override
    public CompletionStage<V> blmove(K source, K destination, ListSide from, ListSide to, Duration timeout) {
        Request request = on(Command.BLMOVE, source);
        keys.add(request, destination);
        sides(request, "BLMOVE", from, to).arg(seconds(timeout));
        return send(request, reply -> value(reply, source));
    }

    private static Request sides(Request request, String command, ListSide from, ListSide to) {
        String either = "ListSide.LEFT or ListSide.RIGHT";
        return request.arg(required(command, "from", from, either).name()).arg(required(command, "to", to, either).name());
    }

    /**
     * Redis 6+ takes blocking timeouts in seconds with decimals, to the millisecond: a part of a millisecond is
     * rounded up, since 0 would mean waiting forever.
     */
    private static String seconds(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout is " + timeout + ": give zero (wait forever) or more");
        }
        long millis = timeout.toMillis();
        if (timeout.getNano() % 1_000_000 != 0) {
            millis++;
        }
        return java.math.BigDecimal.valueOf(millis, 3).toPlainString();
    }
}
