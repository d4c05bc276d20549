package dev.rediscdi.session;

import java.io.IOException;

/**
 * Turns session attribute values into bytes and back. The store ships two ({@code redis-session.codec=java},
 * Java serialization behind an allow-list, and {@code jsonb}); name your own class instead to use it. It
 * needs a public no-argument constructor and must be thread-safe.
 *
 * <p>A value that {@link #decode} rejects never fails the request: the attribute is dropped or the session
 * invalidated, as {@code redis-session.on-unreadable-attribute} says.
 */
public interface SessionCodec {

    /** The bytes of a value given to {@code HttpSession.setAttribute}. */
    byte[] encode(Object value) throws IOException;

    /**
     * The value back from bytes {@link #encode} produced, possibly in another JVM or after a redeploy.
     *
     * @param classLoader the web application's class loader
     * @throws IOException or {@link ClassNotFoundException} when the bytes cannot, or may not, become a value
     */
    Object decode(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException;
}
