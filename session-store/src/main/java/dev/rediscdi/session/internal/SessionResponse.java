package dev.rediscdi.session.internal;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Saves the session before the response is committed by a redirect, an error, an explicit flush or a body of a
 * declared length, so that the client's next request (perhaps on another instance) already finds the change. A
 * response that commits because its body outgrew the buffer is saved right after the application returns.
 */
final class SessionResponse extends HttpServletResponseWrapper {
    private final Runnable beforeCommit;
    private final Runnable afterReset;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /** @param afterReset writes the session cookie again, if this response carried one: a reset clears every header */
    SessionResponse(HttpServletResponse response, Runnable beforeCommit, Runnable afterReset) {
        super(response);
        this.beforeCommit = beforeCommit;
        this.afterReset = afterReset;
    }

    /**
     * A body that reaches its declared length completes the response, and the client may send its next request at
     * once: the session is saved when the length is declared, before any of that body is written (what changes after
     * is written when the request ends).
     */
    @Override
    public void setContentLength(int length) {
        beforeCommit.run();
        super.setContentLength(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        beforeCommit.run();
        super.setContentLengthLong(length);
    }

    @Override
    public void setHeader(String name, String value) {
        saveIfContentLength(name);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        saveIfContentLength(name);
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        saveIfContentLength(name);
        super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        saveIfContentLength(name);
        super.addIntHeader(name, value);
    }

    private void saveIfContentLength(String header) {
        if ("Content-Length".equalsIgnoreCase(header)) {
            beforeCommit.run();
        }
    }

    @Override
    public void reset() {
        super.reset();
        afterReset.run();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit.run();
        super.sendRedirect(location);
    }

    // The redirects of Servlet 6.1, without @Override: the store compiles against Servlet 6.0 (Jakarta EE 10, the API
    // of Undertow 2.3, of Jetty ee10 and the one Quarkus pins), and on a 6.1 API these override the wrapper's, which
    // would hand the redirect to the container's response and commit it before the session is saved. Compiling
    // against 6.1 instead would let a call to a 6.1-only method into code that must run on 6.0, unseen by the
    // compiler; so the wrapped response's 6.1 methods are called through method handles (Servlet61Redirects).

    public void sendRedirect(String location, int status) throws IOException {
        beforeCommit.run();
        Servlet61Redirects.send((HttpServletResponse) getResponse(), location, status);
    }

    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        beforeCommit.run();
        Servlet61Redirects.send((HttpServletResponse) getResponse(), location, clearBuffer);
    }

    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        beforeCommit.run();
        Servlet61Redirects.send((HttpServletResponse) getResponse(), location, status, clearBuffer);
    }

    @Override
    public void sendError(int status) throws IOException {
        beforeCommit.run();
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        beforeCommit.run();
        super.sendError(status, message);
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit.run();
        super.flushBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new SavingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(super.getWriter()) {
                @Override
                public void flush() {
                    beforeCommit.run();
                    super.flush();
                }

                @Override
                public void close() {
                    beforeCommit.run();
                    super.close();
                }
            };
        }
        return writer;
    }

    private final class SavingStream extends ServletOutputStream {
        private final ServletOutputStream delegate;

        SavingStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            delegate.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            beforeCommit.run();
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            beforeCommit.run();
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}
