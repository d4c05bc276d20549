package dev.rediscdi.internal.commands;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.internal.client.LibraryClient;
import dev.rediscdi.internal.client.ReplyConversion;
import dev.rediscdi.internal.client.Requests;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Runs a script by digest ({@code EVALSHA}); on {@code NOSCRIPT} (Redis restarted, failed over, or flushed its
 * scripts) sends it in full with {@code EVAL}, which also loads it for the next calls.
 */
final class Scripts {
    private Scripts() {
    }

    static <T> CompletionStage<T> eval(RedisClient client, String label, RedisScript script, ReplyType<T> replyType, List<String> keys, Object... args) {
        check(script, replyType, keys);
        // this library's client: the continuations below are the library's, and the caller gets the last stage
        LibraryClient library = client instanceof LibraryClient own ? own : null;
        Function<Request, CompletionStage<Response>> sender = library != null ? library::sendInternally : client::send;
        CompletionStage<T> result = sender.apply(Requests.of("EVALSHA", arguments(script.sha1(), keys, args))).handle((reply, error) -> {
            if (error == null) {
                return CompletableFuture.completedStage(reply);
            }
            Throwable cause = Transactions.unwrap(error);
            if (cause instanceof RedisReplyException refused && "NOSCRIPT".equals(refused.code())) {
                return sender.apply(Requests.of("EVAL", arguments(script.source(), keys, args)));
            }
            return CompletableFuture.<Response>failedStage(cause);
        }).thenCompose(reply -> reply).thenApply(converting(replyType, label));
        return library != null ? library.handOver(result) : result;
    }

    /** Converts a script's reply; one the reply type cannot convert fails as a {@link dev.rediscdi.RedisDecodeException} that does not quote it. */
    static <T> Function<Response, T> converting(ReplyType<T> replyType, String label) {
        return reply -> ReplyConversion.convert(label, replyType, reply, "EVAL");
    }

    static void check(RedisScript script, ReplyType<?> replyType, List<String> keys) {
        if (script == null || replyType == null || keys == null) {
            throw new IllegalArgumentException("eval: script, replyType and keys are required (keys may be an empty list)");
        }
    }

    static Object[] arguments(String script, List<String> keys, Object[] args) {
        Object[] all = new Object[2 + keys.size() + (args == null ? 0 : args.length)];
        all[0] = script;
        all[1] = keys.size();
        for (int i = 0; i < keys.size(); i++) {
            all[2 + i] = keys.get(i);
        }
        if (args != null) {
            System.arraycopy(args, 0, all, 2 + keys.size(), args.length);
        }
        return all;
    }
}
