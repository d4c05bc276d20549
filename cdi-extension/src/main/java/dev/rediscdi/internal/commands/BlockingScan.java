package dev.rediscdi.internal.commands;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A {@code SCAN} iteration read page by page as the caller's loop advances, waiting for each page. */
final class BlockingScan<T> implements Iterable<T> {
    private final ScanCursor<T> scan;
    private final Await await;
    private final Duration maxWait;

    BlockingScan(ScanCursor<T> scan, Await await, Duration maxWait) {
        this.scan = scan;
        this.await = await;
        this.maxWait = maxWait;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Iterator<T> page = java.util.Collections.emptyIterator();
            private String next = ScanCursor.start();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && next != null) {
                    Await.checkThread();
                    ScanCursor.Page<T> fetched = await.result(scan.page(next), maxWait);
                    page = fetched.elements().iterator();
                    next = fetched.last() ? null : fetched.next();
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the scan is over");
                }
                return page.next();
            }
        };
    }
}
