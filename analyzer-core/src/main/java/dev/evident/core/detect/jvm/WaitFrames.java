package dev.evident.core.detect.jvm;

import dev.evident.core.model.DatabaseDrivers;

import java.util.List;

/** Frames that show what kind of waiting a stack is in: a lock, I/O, or a database driver call. */
final class WaitFrames {
    private static final List<String> LOCK = List.of(
            "ObjectMonitor::enter", "ObjectMonitor::EnterI", "ObjectSynchronizer::", "JavaThread::block_if_vm_exited",
            "java.util.concurrent.locks.LockSupport.park", "jdk.internal.misc.Unsafe.park",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire");
    private static final List<String> IO = List.of(
            "sun.nio.ch.SocketDispatcher.", "sun.nio.ch.NioSocketImpl.read", "sun.nio.ch.NioSocketImpl.write",
            "sun.nio.ch.NioSocketImpl.timedRead", "sun.nio.ch.NioSocketImpl.park", "sun.nio.ch.Net.poll",
            "java.net.SocketInputStream.socketRead", "java.net.SocketOutputStream.socketWrite",
            "sun.nio.ch.FileDispatcherImpl.", "sun.nio.ch.UnixFileDispatcherImpl.", "java.io.FileInputStream.read",
            "java.io.FileOutputStream.write", "java.io.RandomAccessFile.read", "java.io.RandomAccessFile.write",
            "recv", "__libc_recv", "recvfrom", "__libc_read", "read", "__libc_write", "write", "send", "__libc_send",
            "sendto", "connect", "__libc_connect", "poll", "__poll", "__GI___poll");

    private WaitFrames() {
    }

    static boolean lock(String frame) {
        return matches(LOCK, frame);
    }

    static boolean io(String frame) {
        return matches(IO, frame);
    }

    static boolean databaseDriver(String frame) {
        return DatabaseDrivers.isDriverFrame(frame);
    }

    /** Entries ending in "." or "::" are prefixes; others match the whole name or a name followed by '('. */
    private static boolean matches(List<String> names, String frame) {
        for (String n : names) {
            if (n.endsWith(".") || n.endsWith("::") ? frame.startsWith(n) || frame.contains(n)
                    : frame.equals(n) || frame.startsWith(n + "(") || (n.contains(".") && frame.startsWith(n))) {
                return true;
            }
        }
        return false;
    }
}
