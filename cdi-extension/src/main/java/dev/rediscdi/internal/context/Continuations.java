package dev.rediscdi.internal.context;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.inject.spi.BeanManager;

import dev.rediscdi.SubscriptionListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * Where the continuations of a client's stages run: never on the event loops that read Redis' replies, so that
 * a continuation that blocks cannot freeze the client, and with what the code that registered them had.
 *
 * <ul>
 * <li>Registered on a Vert.x event loop (a Quarkus reactive endpoint, a verticle): on that same context, as
 * reactive code expects; blocking there is the caller's own loop, and Vert.x warns about it.</li>
 * <li>Registered on a Vert.x worker thread (a Quarkus {@code @Blocking} endpoint): on a worker of that
 * context.</li>
 * <li>Anywhere else (a servlet, an EJB, a plain thread): on a thread of the client's own, in batches
 * ({@link WorkerLane} on {@link ElasticThreads}), with the client's Vert.x context current.</li>
 * </ul>
 * In every case the registering thread's context class loader, and where the container allows it its CDI
 * request context, are active while the continuation runs.
 */
public final class Continuations implements AutoCloseable {
    private final VertxInternal vertx;
    /** The continuation threads, in batches. */
    private final WorkerLane workers;
    /** The Vert.x context current while a continuation runs on a worker: code that asks for it finds the client's Vert.x. */
    private final ContextInternal home;
    private final RequestContextPropagation requests;
    private final ListenerThreads listenerThreads;
    /** How threads that wait for this client's replies wait (one per client: each learns its own Redis' pace). */
    private final BriefWait briefWait = new BriefWait();
    /** Threads of the client's own for continuations (see {@link ElasticThreads}), in batches through {@link #workers}. */
    private final ExecutorService continuationThreads = ElasticThreads.create("redis-continuation-");

    private Continuations(VertxInternal vertx, RequestContextPropagation requests) {
        this.vertx = vertx;
        this.home = vertx.createEventLoopContext();
        this.workers = new WorkerLane(continuationThreads, home);
        this.listenerThreads = new ListenerThreads(home);
        this.requests = requests;
    }

    /**
     * @param beanManager the container's, to carry request contexts where it is Weld's; {@code null} for none
     */
    public static Continuations of(Vertx vertx, BeanManager beanManager) {
        return new Continuations((VertxInternal) vertx, requestContexts(beanManager));
    }

    private static RequestContextPropagation requestContexts(BeanManager beanManager) {
        if (beanManager == null) {
            return RequestContextPropagation.NONE;
        }
        try {
            Class.forName("org.jboss.weld.manager.api.WeldManager", false, Continuations.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notWeld) {
            return RequestContextPropagation.NONE;
        }
        return WeldRequests.of(beanManager);
    }

    /** The stage to give the caller: completes as {@code stage} does; its continuations run as this class says. */
    public <T> CompletionStage<T> handOver(CompletionStage<T> stage) {
        ContinuationFuture<T> caller = new ContinuationFuture<>(this);
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                caller.complete(value);
            } else {
                caller.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
        return caller;
    }

    /** A completed stage for the caller. */
    public <T> CompletionStage<T> completed(T value) {
        ContinuationFuture<T> caller = new ContinuationFuture<>(this);
        caller.complete(value);
        return caller;
    }

    /**
     * The listener as a subscription calls it: on a lane of its own ({@link ListenerThreads}), one message at a time in order,
     * with the subscriber's class loader (a subscription outlives the request that made it: no request context).
     * A listener this method returned before keeps its line: given to two subscriptions, their messages still
     * reach it one at a time, in the order they were read; each subscription stops its own calls. What waits on a
     * line is bounded ({@link ListenerBacklog}): past it messages are dropped, and the listener told of the gap.
     *
     * @param label names the client and the subscription in what the listener and the log are told of dropped messages
     */
    public OrderedListener ordered(SubscriptionListener listener, String label) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null: give a SubscriptionListener");
        }
        if (listener instanceof OrderedListener alreadyOrdered) {
            return alreadyOrdered.alongside(alreadyOrdered.listener(), label);
        }
        return new OrderedListener(listener, listenerThreads.lane(), new ListenerBacklog(), Thread.currentThread().getContextClassLoader(), label);
    }

    /** Lets the listeners' and continuations' idle threads go; no listener call starts after this. */
    @Override
    public void close() {
        listenerThreads.close();
        continuationThreads.shutdown();
    }

    BriefWait briefWait() {
        return briefWait;
    }

    /** An executor that runs tasks where this class says, with what the calling thread has now. */
    public Executor here() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Object request = requests.capture();
        Context context = Vertx.currentContext();
        if (context != null && Context.isOnEventLoopThread()) {
            return task -> {
                if (Vertx.currentContext() == context) {
                    run(loader, request, task);
                } else {
                    context.runOnContext(ignored -> run(loader, request, task));
                }
            };
        }
        if (context != null && Context.isOnWorkerThread()) {
            return task -> context.executeBlocking(() -> {
                run(loader, request, task);
                return null;
            }, false);
        }
        return task -> workers.execute(() -> home.dispatch(ignored -> run(loader, request, task)));
    }

    private void run(ClassLoader loader, Object request, Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            requests.runWithin(request, task);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Kept apart so that Weld's classes are loaded only where they exist. */
    private static final class WeldRequests {
        static RequestContextPropagation of(BeanManager beanManager) {
            return beanManager instanceof org.jboss.weld.manager.api.WeldManager weld
                    ? new WeldRequestContextPropagation(weld) : RequestContextPropagation.NONE;
        }
    }
}
