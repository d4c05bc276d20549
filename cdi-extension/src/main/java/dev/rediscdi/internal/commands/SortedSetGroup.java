package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.LexRange;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.ScanIteration;
import dev.rediscdi.ScoreRange;
import dev.rediscdi.ScoredValue;
import dev.rediscdi.SortedSetCommands;
import dev.rediscdi.ZAddArgs;
import dev.rediscdi.ZRangeArgs;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class SortedSetGroup<K, V> extends Group<K, V> implements SortedSetCommands<K, V> {
    private static final ZAddArgs NO_OPTIONS = new ZAddArgs();
    private static final ZRangeArgs NO_RANGE_OPTIONS = new ZRangeArgs();

    SortedSetGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @Override
    public CompletionStage<Boolean> zadd(K key, double score, V member) {
        Request request = on(Command.ZADD, key).arg(number(score));
        values.add(request, member);
        return send(request, Replies::toBoolean);
    }

    @Override
    public CompletionStage<Long> zadd(K key, Map<V, Double> scores) {
        return zadd(key, NO_OPTIONS, scores);
    }

    @Override
    public CompletionStage<Long> zadd(K key, ZAddArgs args, Map<V, Double> scores) {
        requireArgs("zadd", args, "new ZAddArgs() for no options");
        if (scores == null || scores.isEmpty()) {
            throw new IllegalArgumentException("ZADD: scores are empty; give at least one member and score");
        }
        Request request = options(on(Command.ZADD, key), args.arguments());
        scores.forEach((member, score) -> {
            if (score == null) {
                throw new IllegalArgumentException("ZADD: a score is null; give each member a number");
            }
            request.arg(number(score));
            values.add(request, member);
        });
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<Double> zaddIncr(K key, ZAddArgs args, double increment, V member) {
        requireArgs("zaddIncr", args, "new ZAddArgs() for no options");
        Request request = options(on(Command.ZADD, key), args.arguments()).arg("INCR").arg(number(increment));
        values.add(request, member);
        return send(request, Replies::toDouble);
    }

    @Override
    public CompletionStage<Double> zincrby(K key, double increment, V member) {
        Request request = on(Command.ZINCRBY, key).arg(number(increment));
        values.add(request, member);
        return send(request, Replies::toDouble);
    }

    @Override
    public CompletionStage<List<V>> zrange(K key, long start, long stop) {
        return zrange(key, start, stop, NO_RANGE_OPTIONS);
    }

    @Override
    public CompletionStage<List<V>> zrange(K key, long start, long stop, ZRangeArgs args) {
        requireArgs("zrange", args, "new ZRangeArgs() for no options");
        return send(range(key, String.valueOf(start), String.valueOf(stop), null, args), reply -> members(reply, key));
    }

    @Override
    public CompletionStage<List<ScoredValue<V>>> zrangeWithScores(K key, long start, long stop) {
        return zrangeWithScores(key, start, stop, NO_RANGE_OPTIONS);
    }

    @Override
    public CompletionStage<List<ScoredValue<V>>> zrangeWithScores(K key, long start, long stop, ZRangeArgs args) {
        requireArgs("zrangeWithScores", args, "new ZRangeArgs() for no options");
        return send(range(key, String.valueOf(start), String.valueOf(stop), null, args).arg("WITHSCORES"), reply -> scored(reply, key));
    }

    @Override
    public CompletionStage<List<V>> zrangeByScore(K key, ScoreRange range) {
        return zrangeByScore(key, range, NO_RANGE_OPTIONS);
    }

    @Override
    public CompletionStage<List<V>> zrangeByScore(K key, ScoreRange range, ZRangeArgs args) {
        requireArgs("zrangeByScore", args, "new ZRangeArgs() for no options");
        return send(range(key, scores(range).min(), range.max(), "BYSCORE", args), reply -> members(reply, key));
    }

    @Override
    public CompletionStage<List<ScoredValue<V>>> zrangeByScoreWithScores(K key, ScoreRange range, ZRangeArgs args) {
        requireArgs("zrangeByScoreWithScores", args, "new ZRangeArgs() for no options");
        return send(range(key, scores(range).min(), range.max(), "BYSCORE", args).arg("WITHSCORES"), reply -> scored(reply, key));
    }

    @Override
    public CompletionStage<List<V>> zrangeByLex(K key, LexRange range) {
        return zrangeByLex(key, range, NO_RANGE_OPTIONS);
    }

    @Override
    public CompletionStage<List<V>> zrangeByLex(K key, LexRange range, ZRangeArgs args) {
        requireArgs("zrangeByLex", args, "new ZRangeArgs() for no options");
        return send(range(key, required("ZRANGE", "range", range, "a LexRange, such as LexRange.all()").min(), range.max(), "BYLEX", args),
                reply -> members(reply, key));
    }

    /** {@code ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT..]}; with {@code REV} Redis wants the bounds high to low. */
    private Request range(K key, String min, String max, String by, ZRangeArgs args) {
        if (by == null && args.arguments().contains("LIMIT")) { // Redis refuses it with a bare syntax error
            throw new IllegalArgumentException("ZRANGE: " + args + " has a limit, which applies to ranges by score or lex only "
                    + "(zrangeByScore, zrangeByLex); by rank, narrow start and stop instead");
        }
        boolean swap = args.reversed() && by != null;
        Request request = on(Command.ZRANGE, key).arg(swap ? max : min).arg(swap ? min : max);
        if (by != null) {
            request.arg(by);
        }
        return options(request, args.arguments());
    }

    private static ScoreRange scores(ScoreRange range) {
        return required("ZRANGE", "range", range, "a ScoreRange, such as ScoreRange.all()");
    }

    private List<V> members(Response reply, K key) {
        List<V> members = new ArrayList<>();
        Replies.elements(reply).forEach(member -> members.add(value(member, key)));
        return members;
    }

    private List<ScoredValue<V>> scored(Response reply, Object key) {
        List<ScoredValue<V>> scored = new ArrayList<>();
        Replies.forEachPair(reply, (member, score) -> scored.add(new ScoredValue<>(value(member, key), Replies.toDouble(score))));
        return scored;
    }

    @Override
    public CompletionStage<Long> zrank(K key, V member) {
        return memberCommand(Command.ZRANK, key, member, Replies::toLong);
    }

    @Override
    public CompletionStage<Long> zrevrank(K key, V member) {
        return memberCommand(Command.ZREVRANK, key, member, Replies::toLong);
    }

    @Override
    public CompletionStage<Double> zscore(K key, V member) {
        return memberCommand(Command.ZSCORE, key, member, Replies::toDouble);
    }

    private <T> CompletionStage<T> memberCommand(Command command, K key, V member, java.util.function.Function<Response, T> decode) {
        Request request = on(command, key);
        values.add(request, member);
        return send(request, decode);
    }

    @Override
    public CompletionStage<Long> zcard(K key) {
        return send(on(Command.ZCARD, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> zcount(K key, ScoreRange range) {
        return send(on(Command.ZCOUNT, key).arg(scores(range).min()).arg(range.max()), Replies::toLong);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> zrem(K key, V... members) {
        Request request = on(Command.ZREM, key);
        values.addAll(request, members);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<ScoredValue<V>> zpopmin(K key) {
        return send(on(Command.ZPOPMIN, key), removing(Command.ZPOPMIN, reply -> first(scored(reply, key)), SortedSetGroup::members));
    }

    @Override
    public CompletionStage<List<ScoredValue<V>>> zpopmin(K key, long count) {
        return send(on(Command.ZPOPMIN, key).arg(count), removing(Command.ZPOPMIN, reply -> scored(reply, key), SortedSetGroup::members));
    }

    @Override
    public CompletionStage<ScoredValue<V>> zpopmax(K key) {
        return send(on(Command.ZPOPMAX, key), removing(Command.ZPOPMAX, reply -> first(scored(reply, key)), SortedSetGroup::members));
    }

    @Override
    public CompletionStage<List<ScoredValue<V>>> zpopmax(K key, long count) {
        return send(on(Command.ZPOPMAX, key).arg(count), removing(Command.ZPOPMAX, reply -> scored(reply, key), SortedSetGroup::members));
    }

    /** The members of a reply of members and their scores, in either protocol's shape. */
    private static List<Response> members(Response reply) {
        List<Response> members = new ArrayList<>();
        Replies.forEachPair(reply, (member, score) -> members.add(member));
        return members;
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    @Override
    public ScanIteration<ScoredValue<V>> zscan(K key) {
        return zscan(key, new ScanArgs());
    }

    @Override
    public ScanIteration<ScoredValue<V>> zscan(K key, ScanArgs args) {
        elementScan("ZSCAN", args);
        return new ScanCursor<>(cursor -> send(options(on(Command.ZSCAN, key).arg(cursor), args.arguments()),
                reply -> ScanCursor.page(reply, (elements, out) -> out.addAll(scored(elements, key)))));
    }
}
