package dev.rediscdi.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

import dev.rediscdi.ScanIteration;
import io.vertx.redis.client.Response;

/** Drives a {@code SCAN}-family cursor page after page until Redis answers cursor 0. */
final class ScanCursor<T> implements ScanIteration<T> {
    private static final String START = "0";
    private final Function<String, CompletionStage<Page<T>>> fetch;

    ScanCursor(Function<String, CompletionStage<Page<T>>> fetch) {
        this.fetch = fetch;
    }

    /** One page: the elements and the cursor of the next page ({@code 0}: none). */
    record Page<T>(String next, List<T> elements) {
        boolean last() {
            return START.equals(next);
        }
    }

    /** Reads a {@code [cursor, [elements...]]} reply; {@code read} turns the element list into the page's elements. */
    static <T> Page<T> page(Response reply, BiConsumer<Response, List<T>> read) {
        List<T> elements = new ArrayList<>();
        read.accept(reply.get(1), elements);
        return new Page<>(reply.get(0).toString(), elements);
    }

    /** The first page, for the blocking iteration. */
    CompletionStage<Page<T>> page(String cursor) {
        return fetch.apply(cursor);
    }

    static String start() {
        return START;
    }

    @Override
    public CompletionStage<Void> forEach(Consumer<? super T> action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        next(START, action, done);
        return done;
    }

    // Each page is asked for from the completion of the previous one; a page that is already complete when the
    // next one is asked for would recurse, so the loop goes on in place instead.
    private void next(String cursor, Consumer<? super T> action, CompletableFuture<Void> done) {
        String current = cursor;
        while (true) {
            CompletableFuture<Page<T>> page = fetch.apply(current).toCompletableFuture();
            if (!page.isDone()) {
                page.whenComplete((result, error) -> {
                    String following = handle(result, error, action, done);
                    if (following != null) {
                        try {
                            next(following, action, done);
                        } catch (RuntimeException refused) { // thrown here, it would be lost and the iteration never end
                            done.completeExceptionally(refused);
                        }
                    }
                });
                return;
            }
            Page<T> result = null;
            Throwable error = null;
            try {
                result = page.join();
            } catch (RuntimeException e) {
                error = e.getCause() != null ? e.getCause() : e;
            }
            current = handle(result, error, action, done);
            if (current == null) {
                return;
            }
        }
    }

    /** The next cursor, or {@code null} when the iteration is over (completed or failed). */
    private static <T> String handle(Page<T> page, Throwable error, Consumer<? super T> action, CompletableFuture<Void> done) {
        if (error != null) {
            done.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error);
            return null;
        }
        try {
            page.elements().forEach(action);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return null;
        }
        if (page.last()) {
            done.complete(null);
            return null;
        }
        return page.next();
    }

    @Override
    public CompletionStage<List<T>> toList() {
        List<T> all = new ArrayList<>();
        return forEach(all::add).thenApply(none -> all);
    }

    @Override
    public <R, A> CompletionStage<R> collect(Collector<? super T, A, R> collector) {
        A container = collector.supplier().get();
        return forEach(element -> collector.accumulator().accept(container, element)).thenApply(none -> collector.finisher().apply(container));
    }
}
