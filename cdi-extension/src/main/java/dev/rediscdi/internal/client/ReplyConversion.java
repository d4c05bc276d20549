package dev.rediscdi.internal.client;

import java.util.Locale;

import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.RedisException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.internal.codec.WithheldMessage;
import io.vertx.redis.client.Response;

/** Converts a reply with the caller's {@link ReplyType}, wherever the reply comes from (a command, a script, a pipeline). */
public final class ReplyConversion {
    private ReplyConversion() {
    }

    /**
     * A reply the type cannot convert (a reply type that does not fit the command) fails as a decoding error naming
     * the command, never the value, which may be a secret.
     */
    public static <T> T convert(String clientLabel, ReplyType<T> type, Response reply, String command) {
        try {
            return type.convert(reply);
        } catch (RedisException e) {
            throw e;
        } catch (RuntimeException e) {
            String name = command.toUpperCase(Locale.ROOT);
            throw new RedisDecodeException(clientLabel + ": the reply to " + name + " cannot be converted by the reply type given ("
                    + e.getClass().getSimpleName() + "); does that type fit what " + name + " answers?", WithheldMessage.of(e));
        }
    }
}
