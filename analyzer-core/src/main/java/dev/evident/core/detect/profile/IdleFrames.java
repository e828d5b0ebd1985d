package dev.evident.core.detect.profile;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameTable;

import java.util.Set;

/**
 * Frames where a thread waits for work rather than doing or blocking on it. Wall-clock profiles
 * sample every thread, so pool threads waiting for tasks would otherwise dominate; lock waits and
 * I/O waits are not idle and are never listed here.
 */
final class IdleFrames {
    /** Frames that mean "waiting for work" wherever they appear on a stack (JVM, Go, V8). */
    private static final Set<String> IDLE_JAVA = Set.of(
            "java.lang.Thread.sleep",
            "java.lang.Thread.sleep0",
            "java.lang.Thread.sleepNanos",
            "java.lang.Thread.join",
            "java.lang.Object.wait",
            "java.lang.Object.wait0",
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ThreadPoolExecutor.awaitTermination",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
            "java.util.concurrent.CountDownLatch.await",
            "java.util.concurrent.FutureTask.get",
            "java.util.concurrent.CompletableFuture.get",
            "java.util.concurrent.CompletableFuture.join",
            "java.lang.ref.Reference.waitForReferencePendingList",
            "java.lang.ref.ReferenceQueue.remove",
            "sun.nio.ch.EPoll.wait",
            "sun.nio.ch.SelectorImpl.select",
            "sun.nio.ch.ServerSocketChannelImpl.accept",
            "sun.nio.ch.NioSocketImpl.accept",
            "java.net.ServerSocket.accept",
            // Go: a goroutine waiting for others to finish, or sleeping
            "sync.(*WaitGroup).Wait",
            "time.Sleep",
            // V8: the event loop with nothing to run
            "(idle)");

    /** Kernel or libc waits: idle when the stack has no application or library code at all. */
    private static final Set<String> WAIT_CALLS = Set.of(
            "futex_wait", "__futex_abstimed_wait_common", "__futex_abstimed_wait_common64",
            "pthread_cond_wait", "pthread_cond_timedwait", "__pthread_cond_wait", "__pthread_cond_timedwait",
            "___pthread_cond_wait", "___pthread_cond_timedwait", "epoll_wait", "__GI_epoll_wait", "poll",
            "__poll", "__GI___poll", "nanosleep", "clock_nanosleep", "__GI___clock_nanosleep", "__clock_nanosleep",
            "__nanosleep", "__GI___nanosleep", "usleep",
            // the attach listener and other JVM-internal servers wait for connections in accept
            "accept", "accept4", "__GI_accept", "__libc_accept", "__GI___libc_accept",
            "PlatformMonitor::wait",
            "Monitor::wait", "Monitor::wait_without_safepoint_check", "PlatformEvent::park", "Parker::park");

    private IdleFrames() {
    }

    /**
     * For every node, whether its self weight is idle waiting: an idle frame is on its path, or the
     * stack never reaches application or library code and ends in a kernel or libc wait.
     */
    static boolean[] idleSelf(CallTree tree, FrameTable frames, FrameClassifier classifier) {
        int size = tree.size();
        boolean[] idlePath = new boolean[size];
        boolean[] codeOnPath = new boolean[size];
        boolean[] idle = new boolean[size];
        for (int n = 1; n < size; n++) {
            int p = tree.parent(n);
            int f = tree.frame(n);
            idlePath[n] = idlePath[p] || isIdleFrame(frames.name(f));
            codeOnPath[n] = codeOnPath[p] || classifier.isApplication(f) || classifier.isLibrary(f);
            idle[n] = idlePath[n] || (!codeOnPath[n] && isWaitCall(frames.name(f)));
        }
        return idle;
    }

    static boolean isIdleFrame(String name) {
        return IDLE_JAVA.contains(name);
    }

    static boolean isWaitCall(String name) {
        return WAIT_CALLS.contains(name);
    }
}
