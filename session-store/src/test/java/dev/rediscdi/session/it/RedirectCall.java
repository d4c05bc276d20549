package dev.rediscdi.session.it;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The ways an application redirects, Servlet 6.1's among them, called as an application compiled against 6.1 calls
 * them: through the interface, whatever the response is. The tests compile against the 6.0 API, where three of them
 * do not exist, so the call is reflective (the same virtual call, resolved at run time).
 */
public enum RedirectCall {
    LOCATION(302, location -> new Object[] { location }, String.class),
    LOCATION_STATUS(303, location -> new Object[] { location, 303 }, String.class, int.class),
    LOCATION_CLEAR(302, location -> new Object[] { location, true }, String.class, boolean.class),
    LOCATION_STATUS_CLEAR(303, location -> new Object[] { location, 303, true }, String.class, int.class, boolean.class),
    /** Keeps what the response holds as the redirect's body (Servlet 6.1: {@code clearBuffer} false). */
    LOCATION_STATUS_KEEP(303, location -> new Object[] { location, 303, false }, String.class, int.class, boolean.class);

    /** The status the redirect answers. */
    public final int status;
    private final Function<String, Object[]> arguments;
    private final Class<?>[] parameterTypes;

    RedirectCall(int status, Function<String, Object[]> arguments, Class<?>... parameterTypes) {
        this.status = status;
        this.arguments = arguments;
        this.parameterTypes = parameterTypes;
    }

    /** Whether the Servlet API on the class path has this method. */
    public boolean exists() {
        try {
            method();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    void send(HttpServletResponse response, String location) throws IOException {
        try {
            method().invoke(response, arguments.apply(location));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(this + " failed", e.getCause());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(this + ": the Servlet API on the class path has no such method", e);
        }
    }

    private Method method() throws NoSuchMethodException {
        return HttpServletResponse.class.getMethod("sendRedirect", parameterTypes);
    }
}
