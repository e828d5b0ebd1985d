package dev.evident.core.report;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.Profile;

/**
 * The commands that collect a missing kind of evidence, in the runtime the existing profiles come
 * from: a Go service is profiled through net/http/pprof, a Node.js process with --cpu-prof, a
 * Python one with py-spy; everything else (and mixed input) gets the JVM commands.
 */
enum CollectCommands {
    JVM("asprof -e cpu -d 60 -f cpu.jfr <pid>   # or: jcmd <pid> JFR.start settings=profile duration=60s filename=cpu.jfr",
            "asprof -e wall -t -d 60 -f wall.jfr <pid>",
            "asprof -e alloc -d 60 -f alloc.jfr <pid>   # or: jcmd <pid> JFR.start settings=profile duration=60s filename=alloc.jfr",
            "asprof -e lock --lock 1ms -d 60 -f lock.jfr <pid>"),
    GO("curl -o cpu.pb.gz 'http://<host>:<port>/debug/pprof/profile?seconds=60'   # net/http/pprof",
            "curl -o block.pb.gz 'http://<host>:<port>/debug/pprof/block'   # after runtime.SetBlockProfileRate(...); Go has no built-in wall-clock profiler",
            "curl -o allocs.pb.gz 'http://<host>:<port>/debug/pprof/allocs'",
            "curl -o mutex.pb.gz 'http://<host>:<port>/debug/pprof/mutex'   # after runtime.SetMutexProfileFraction(5)"),
    NODE("node --cpu-prof --cpu-prof-dir=profiles app.js",
            "node --cpu-prof app.js   # V8 samples the JavaScript thread; its (idle) samples are the waiting",
            "node --heap-prof app.js   # sampled allocations (.heapprofile; not yet read by evident)",
            "no lock profile exists for Node.js: the event loop is single-threaded; see the CPU profile for blocking calls"),
    PYTHON("py-spy record --format raw -o cpu.txt --pid <pid> --duration 60",
            "py-spy record --idle --format raw -o wall.txt --pid <pid> --duration 60",
            "python -X tracemalloc ...   # no sampled allocation profile evident reads yet",
            "py-spy dump --pid <pid>   # shows threads waiting on locks; evident reads no lock profile for Python yet");

    final String cpu;
    final String wall;
    final String allocation;
    final String lock;

    CollectCommands(String cpu, String wall, String allocation, String lock) {
        this.cpu = cpu;
        this.wall = wall;
        this.allocation = allocation;
        this.lock = lock;
    }

    /** The runtime all profiles share, by the kind of most of their frames; JVM when mixed or unknown. */
    static CollectCommands of(EvidenceSet evidence) {
        CollectCommands found = null;
        for (Profile p : evidence.profiles()) {
            int[] kinds = new int[FrameKind.values().length];
            for (int i = 0; i < p.frames().size(); i++) {
                kinds[p.frames().kind(i).ordinal()]++;
            }
            CollectCommands mine = kinds[FrameKind.GO.ordinal()] > kinds[FrameKind.JAVA.ordinal()] ? GO
                    : kinds[FrameKind.JS.ordinal()] > kinds[FrameKind.JAVA.ordinal()] ? NODE
                    : kinds[FrameKind.PYTHON.ordinal()] > kinds[FrameKind.JAVA.ordinal()] ? PYTHON : JVM;
            if (found != null && found != mine) {
                return JVM;
            }
            found = mine;
        }
        return found == null ? JVM : found;
    }
}
