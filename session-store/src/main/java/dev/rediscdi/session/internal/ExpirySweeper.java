package dev.rediscdi.session.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires {@code sessionDestroyed} for expired sessions without keyspace notifications (which need
 * {@code CONFIG SET}, refused by managed Redis, and are lost while no instance listens). Every
 * {@code sweep-interval} each instance asks each shard's index for the sessions past their deadline; the
 * script hands each one to a single instance, with its attributes, and deletes it.
 */
final class ExpirySweeper {
    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class.getName());
    private static final int BATCH = 100;

    private final SessionStore store;
    private final ScheduledExecutorService scheduler;
    private volatile boolean failing;

    ExpirySweeper(SessionStore store) {
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "redis-session-sweeper" + store.context().getContextPath().replace('/', '-'));
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long interval = store.settings().sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop() {
        scheduler.shutdownNow();
    }

    private void sweepQuietly() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(store.classLoader());
        try {
            sweep();
            failing = false;
        } catch (RuntimeException | LinkageError e) {
            // the first failure in a row is a warning, the repeats are noise
            LOG.log(failing ? Level.FINE : Level.WARNING, "Session expiry sweep failed, retried every "
                    + store.settings().sweepInterval() + ": " + e, e);
            failing = true;
            return;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** One pass over every shard; returns how many sessions this instance claimed. */
    int sweep() {
        SessionRepository repository = store.repository();
        List<CompletableFuture<List<StoredSession>>> claims = new ArrayList<>();
        for (char shard : SessionKeys.shards()) {
            claims.add(repository.sweep(shard, BATCH).toCompletableFuture());
        }
        int claimed = 0;
        for (CompletableFuture<List<StoredSession>> claim : claims) {
            for (StoredSession expired : claim.join()) {
                claimed++;
                destroy(expired);
            }
        }
        return claimed;
    }

    private void destroy(StoredSession expired) {
        RedisHttpSession session = RedisHttpSession.loaded(store, expired, () -> {
        });
        try {
            store.listeners().destroyed(session);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A session listener failed for expired session " + SessionIds.forLog(expired.id()), e);
        }
        try {
            // CDI: the session context is destroyed after the session listeners were called
            store.weld().ifPresent(weld -> weld.destroyBeans(session));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The @SessionScoped beans of expired session " + SessionIds.forLog(expired.id()) + " could not be destroyed", e);
        }
        try {
            session.unbindAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A binding or attribute listener failed for expired session " + SessionIds.forLog(expired.id()), e);
        }
    }
}
