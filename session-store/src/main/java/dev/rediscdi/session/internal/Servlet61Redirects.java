package dev.rediscdi.session.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Calls the redirects Servlet 6.1 added to {@link HttpServletResponse} on a response. The store compiles against
 * Servlet 6.0, which has none of them (see {@link SessionResponse}): each is a method handle, looked up once, absent
 * where the container's Servlet API is older.
 */
final class Servlet61Redirects {
    private static final MethodHandle WITH_STATUS = find(int.class);
    private static final MethodHandle WITH_CLEAR_BUFFER = find(boolean.class);
    private static final MethodHandle WITH_STATUS_AND_CLEAR_BUFFER = find(int.class, boolean.class);

    private Servlet61Redirects() {
    }

    static void send(HttpServletResponse response, String location, int status) throws IOException {
        invoke(WITH_STATUS, "sendRedirect(String, int)", response, location, status);
    }

    static void send(HttpServletResponse response, String location, boolean clearBuffer) throws IOException {
        invoke(WITH_CLEAR_BUFFER, "sendRedirect(String, boolean)", response, location, clearBuffer);
    }

    static void send(HttpServletResponse response, String location, int status, boolean clearBuffer) throws IOException {
        invoke(WITH_STATUS_AND_CLEAR_BUFFER, "sendRedirect(String, int, boolean)", response, location, status, clearBuffer);
    }

    private static void invoke(MethodHandle method, String signature, Object... arguments) throws IOException {
        if (method == null) { // only reflection reaches here: on a 6.0 API, no caller can name these methods
            throw new UnsupportedOperationException("HttpServletResponse." + signature
                    + " is Servlet 6.1, and the container's Servlet API is older: use sendRedirect(String)");
        }
        try {
            method.invokeWithArguments(arguments);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable undeclared) { // a checked exception the method does not declare, thrown all the same
            throw new UndeclaredThrowableException(undeclared, "HttpServletResponse." + signature + " failed");
        }
    }

    private static MethodHandle find(Class<?>... parameterTypes) {
        MethodType type = MethodType.methodType(void.class, String.class, parameterTypes);
        try {
            return MethodHandles.publicLookup().findVirtual(HttpServletResponse.class, "sendRedirect", type);
        } catch (NoSuchMethodException olderApi) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("HttpServletResponse.sendRedirect" + type + " is not public", e);
        }
    }
}
