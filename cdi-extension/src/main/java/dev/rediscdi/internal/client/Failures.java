package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.List;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.internal.config.Secrets;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;

/** Turns the driver's failures into {@link RedisException}s that say whether the command may have run. */
final class Failures {
    private static final java.util.regex.Pattern BATCH_ERROR = java.util.regex.Pattern.compile("ERR \\[\\d+\\] (\\S+)");
    /** Redis' error codes are capitals: ERR, WRONGTYPE, NOSCRIPT, MOVED... */
    private static final java.util.regex.Pattern REDIS_ERROR_CODE = java.util.regex.Pattern.compile("[A-Z][A-Z_]*");
    private static final String INVALID_ARITY = "Redis command is not valid";
    /** The driver's refusal, unwritten, of work that would put more than maxWaitingHandlers commands in flight on its connection. */
    private static final String WAITING_QUEUE_FULL = "Redis waiting queue is full";
    /**
     * Codes with which Redis refuses every command, unrun, while it cannot serve: loading its data set after a start
     * ({@code LOADING}), running a script past {@code busy-reply-threshold} ({@code BUSY}), a replica cut off from its
     * primary ({@code MASTERDOWN}). Unlike the refusal of a command itself, the same command may run a moment later.
     */
    private static final java.util.Set<String> NOT_SERVING = java.util.Set.of("LOADING", "BUSY", "MASTERDOWN");
    private final String clientLabel;
    private final Duration timeout;

    Failures(String clientLabel, Duration timeout) {
        this.clientLabel = clientLabel;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Converts a reply with the caller's reply type. A reply it cannot convert (a reply type that does not fit the
     * command) fails as a decoding error naming the command, never the value, which may be a secret.
     */
    <T> T convert(ReplyType<T> type, Response reply, Request request) {
        return ReplyConversion.convert(clientLabel, type, reply, request.command().toString());
    }

    RedisException translate(Throwable cause, Request request, boolean sent) {
        if (cause instanceof RedisException redis) {
            return redis;
        }
        String command = request == null ? "command" : request.command().toString().toUpperCase(java.util.Locale.ROOT);
        if (cause.getMessage() != null && cause.getMessage().contains("CROSSSLOT")) {
            // from Redis, or from the driver, whose text would show the whole request, values included
            return new RedisReplyException("CROSSSLOT", clientLabel + ": the keys of " + command
                    + " map to different hash slots of the cluster, and the command cannot be split over them. "
                    + "Fix: give the keys a common hash tag, such as {user:42}:cart and {user:42}:orders", null);
        }
        if (cause.getMessage() != null && cause.getMessage().startsWith(INVALID_ARITY)) {
            // the driver checks the number of arguments against the command's arity and refuses it unsent; its text
            // shows the whole request, values included: say what Redis would say instead
            return new RedisReplyException("ERR", clientLabel + ": wrong number of arguments for " + command
                    + " (refused before it was sent; see https://redis.io/commands/" + command.toLowerCase(java.util.Locale.ROOT) + ")", null);
        }
        if (cause instanceof ConnectionPoolTooBusyException) {
            return poolFull(cause);
        }
        if (WAITING_QUEUE_FULL.equals(cause.getMessage())) {
            return waitingQueueFull(command);
        }
        // Not sent: the connection could not be opened. The driver reports a handshake that failed (a proxy whose
        // Redis is down accepts and closes: CONNECTION_CLOSED; WRONGPASS; NOAUTH) as an error reply, but no command
        // of the caller's was refused.
        // Not a ClosedChannelException: the driver fails every command waiting for a reply with the error of the one
        // write that failed, so it may come to a command Redis ran.
        if (!sent) {
            return notSent(cause);
        }
        boolean idempotent = request != null && Idempotency.of(request);
        if (cause instanceof ErrorType error) {
            String text = error.getMessage() == null ? "" : error.getMessage();
            String code = text.contains(" ") ? text.substring(0, text.indexOf(' ')) : text;
            if ("CONNECTION_CLOSED".equals(code)) {
                return connectionLost(command, cause, idempotent);
            }
            if (NOT_SERVING.contains(code)) {
                return notServing(command, error);
            }
            return new RedisReplyException(code, clientLabel + ": Redis refused " + command + ": " + text, error);
        }
        return connectionLost(command, cause, idempotent);
    }

    /**
     * The driver fails a whole batch with one error, {@code ERR [index] <error>} per failed command, one a line;
     * the replies of the other commands are lost.
     */
    RedisException translateBatch(Throwable cause, List<Request> requests, boolean sent) {
        int size = requests.size();
        if (!sent) { // nothing of it reached Redis: an error is the connection's, not a reply to one of its commands
            return translate(cause, requests.get(0), false);
        }
        if (WAITING_QUEUE_FULL.equals(cause.getMessage())) {
            return waitingQueueFull("a batch of " + size + " commands");
        }
        if (!(cause instanceof ErrorType error)) {
            if (cause instanceof RedisException || cause instanceof ConnectionPoolTooBusyException) {
                return translate(cause, requests.get(0), sent);
            }
            return connectionLost("a batch of " + size + " commands", cause, Idempotency.all(requests));
        }
        String text = error.getMessage() == null ? "" : error.getMessage();
        if (text.contains("CONNECTION_CLOSED")) {
            return connectionLost("a batch of " + size + " commands", cause, Idempotency.all(requests));
        }
        java.util.regex.Matcher inner = BATCH_ERROR.matcher(text);
        String code = null;
        int notServing = 0;
        while (inner.find()) {
            code = code == null ? inner.group(1) : code;
            notServing += NOT_SERVING.contains(inner.group(1)) ? 1 : 0;
        }
        if (notServing == size) {
            return notServing("a batch of " + size + " commands", error);
        }
        code = code == null ? "ERR" : code;
        if (!REDIS_ERROR_CODE.matcher(code).matches()) {
            // the driver reports a failed connection the same way, one "ERR [i] java.io.IOException: ..." per command
            return connectionLost("a batch of " + size + " commands", cause, Idempotency.all(requests));
        }
        return new RedisReplyException(code, clientLabel + ": Redis refused commands of a batch of " + size
                + " (the others ran, their replies are lost): " + text, error);
    }

    private RedisOverloadedException waitingQueueFull(String what) {
        return new RedisOverloadedException(clientLabel + ": " + what + " would have put more than max-waiting-handlers commands "
                + "in flight on one connection, and the driver refused it: nothing was sent. Fix: send fewer commands at once "
                + "on that connection, or raise max-waiting-handlers");
    }

    /** Redis refused the command unrun because it cannot serve now (see {@link #NOT_SERVING}): safe to repeat. */
    private RedisConnectionException notServing(String command, Throwable cause) {
        return new RedisConnectionException(clientLabel + ": Redis cannot serve " + command + " now and did not run it ("
                + describe(cause) + "); repeating it is safe", cause);
    }

    RedisException notSent(Throwable cause) {
        return new RedisConnectionException(clientLabel + ": cannot connect to Redis: " + describe(cause), cause);
    }

    /** The driver's pool refused a lease: as many callers as {@code max-pool-waiting} already wait. */
    RedisOverloadedException poolFull(Throwable cause) {
        return new RedisOverloadedException(clientLabel + ": every pooled connection is in use and the driver's waiting line is full ("
                + describe(cause) + "); the command was not sent. withConnection and transactions take their connections "
                + "from max-pool-size, BLPOP and the like from max-blocking-connections: raise those, or max-pool-waiting, if this "
                + "load is expected");
    }

    /**
     * A blocking command's deadline ({@code deadline}: its block timeout plus the client's) passed while it waited
     * in the client's line for a connection, or for that connection to open: it was not sent.
     */
    RedisTimeoutException timedOutInLine(Request request, Duration deadline) {
        return new RedisTimeoutException(clientLabel + ": " + request.command().toString().toUpperCase(java.util.Locale.ROOT)
                + " waited " + deadline.toMillis() + " ms (its block timeout plus the timeout) for a blocking-command connection"
                + " and was not sent; if this many commands block at once, raise max-blocking-connections", deadline, true);
    }

    /** The client's own line for a connection lease is full: {@code waiting} callers already wait. */
    RedisOverloadedException leaseLineFull(String usedFor, int waiting, String connectionsKey) {
        return new RedisOverloadedException(clientLabel + ": every connection for " + usedFor + " is in use and " + waiting
                + " callers already wait for one, as many as max-pool-waiting allows; nothing was sent. Raise max-pool-waiting "
                + "(each caller waits at most the timeout) or " + connectionsKey + " if this load is expected");
    }

    RedisConnectionLostException connectionLost(String command, Throwable cause, boolean idempotent) {
        return new RedisConnectionLostException(clientLabel + ": the connection closed while " + command
                + " was in flight; it may or may not have run (" + describe(cause) + ")", cause, idempotent);
    }

    RedisTimeoutException timedOut(Request request) {
        return new RedisTimeoutException(clientLabel + ": no reply to " + request.command().toString().toUpperCase(java.util.Locale.ROOT)
                + " within " + timeout.toMillis() + " ms; it may or may not have run", timeout, Idempotency.of(request));
    }

    RedisTimeoutException timedOut(List<Request> batch) {
        return new RedisTimeoutException(clientLabel + ": no reply to a batch of " + batch.size() + " commands within "
                + timeout.toMillis() + " ms; they may or may not have run", timeout, Idempotency.all(batch));
    }

    /**
     * Work whose deadline passed before it was written: it waited for a pipelining slot ({@code max-waiting-handlers}
     * in flight) or for a connection to open. Nothing reached Redis, so it is safe to send again.
     */
    RedisTimeoutException timedOutUnsent(Request first, int commands) {
        String what = commands == 1 ? first.command().toString().toUpperCase(java.util.Locale.ROOT) : "a batch of " + commands + " commands";
        return new RedisTimeoutException(clientLabel + ": " + what + " waited " + timeout.toMillis() + " ms (the timeout) for a "
                + "connection to open or a place in its pipeline, and was not sent", timeout, true);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return Secrets.maskUris(message);
    }
}
