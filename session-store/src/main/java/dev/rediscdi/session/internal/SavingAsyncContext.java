package dev.rediscdi.session.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The asynchronous context the application gets: {@link #complete()} and {@link #dispatch} first write what the
 * asynchronous work changed in the session, so that the response (or the dispatched request, perhaps on another
 * instance) never goes out before the session is saved. The container's own listeners run after the response
 * was sent, too late for that.
 */
final class SavingAsyncContext implements AsyncContext {
    private final AsyncContext delegate;
    private final Runnable save;

    SavingAsyncContext(AsyncContext delegate, Runnable save) {
        this.delegate = delegate;
        this.save = save;
    }

    @Override
    public void complete() {
        save.run();
        delegate.complete();
    }

    @Override
    public void dispatch() {
        save.run();
        delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
        save.run();
        delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        save.run();
        delegate.dispatch(context, path);
    }

    @Override
    public ServletRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void start(Runnable run) {
        delegate.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        delegate.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        delegate.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return delegate.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        delegate.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return delegate.getTimeout();
    }
}
