package dev.rediscdi.internal.client;

import java.util.List;

import io.vertx.redis.client.Request;

/**
 * Several commands on their way in one go (a batch or a pipeline): one pipelining slot per command, and a failure
 * of the whole that speaks of all of them (may they have run, are they all safe to send again).
 *
 * @param <T> the reply type
 */
abstract class PendingCommands<T> extends Pending<T> {
    final List<Request> requests;

    PendingCommands(List<Request> requests, long deadlineNanos, Failures failures) {
        super(deadlineNanos, failures);
        this.requests = requests;
    }

    @Override
    final int weight() {
        return requests.size();
    }

    @Override
    final Request firstRequest() {
        return requests.get(0);
    }

    @Override
    final RuntimeException failure(Throwable cause, boolean sent) {
        return failures.translateBatch(cause, requests, sent);
    }

    @Override
    final RuntimeException timedOut() {
        return failures.timedOut(requests);
    }
}
