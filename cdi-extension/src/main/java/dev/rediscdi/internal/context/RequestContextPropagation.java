package dev.rediscdi.internal.context;

/** Carries the caller's CDI request context to the thread that runs its continuation, where the container allows it. */
interface RequestContextPropagation {

    /** Nothing to carry: the container offers no way, or no request context is active. */
    RequestContextPropagation NONE = new RequestContextPropagation() {
        @Override
        public Object capture() {
            return null;
        }

        @Override
        public void runWithin(Object captured, Runnable task) {
            task.run();
        }
    };

    /** The request context active on the calling thread, or {@code null} if none is. */
    Object capture();

    /** Runs the task with the captured request context active ({@code captured} may be {@code null}: none). */
    void runWithin(Object captured, Runnable task);
}
