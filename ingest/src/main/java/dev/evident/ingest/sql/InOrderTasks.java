package dev.evident.ingest.sql;

import java.util.ArrayDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Work handed to other cores whose results are taken back in the order it was handed out. Tasks
 * run in the fork-join pool of the calling thread (so {@code evident analyze --threads} bounds
 * them) or in the common pool. The caller never waits idle on a task nobody has started: it runs
 * such a task itself, and while an older task is still running elsewhere it runs the newer ones
 * that are not started yet. So a pool with no free thread (one core, {@code --threads 1}) simply
 * means everything runs in the caller, in order.
 *
 * <p>Used by one thread; the tasks themselves may run anywhere.
 */
final class InOrderTasks<T> {
    private final ArrayDeque<Task<T>> queue = new ArrayDeque<>();

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void submit(Supplier<T> work) {
        Task<T> task = new Task<>(work);
        queue.add(task);
        if (ForkJoinTask.inForkJoinPool()) {
            ForkJoinTask.adapt(task).fork();
        } else {
            ForkJoinPool.commonPool().execute(task);
        }
    }

    /** The result of the oldest task, which is removed. Rethrows what the task threw. */
    T next() {
        Task<T> head = queue.remove();
        head.run(); // a no-op when another thread has claimed it
        if (!head.done) {
            for (Task<T> later : queue) {
                if (head.done) {
                    break;
                }
                later.run();
            }
            while (!head.done) {
                head.waiter = Thread.currentThread();
                if (!head.done) {
                    LockSupport.park(this);
                }
            }
        }
        if (head.failure instanceof RuntimeException e) {
            throw e;
        }
        if (head.failure instanceof Error e) {
            throw e;
        }
        return head.result;
    }

    private static final class Task<T> implements Runnable {
        private final Supplier<T> work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile boolean done;
        private volatile Thread waiter;
        private T result;          // written before done is set, read after done is seen
        private Throwable failure;

        Task(Supplier<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                done = true;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
