package dev.evident.core.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented table of fix types: speedup ranges on the part of the time a fix addresses, and
 * effort in hours. Every row is also in docs/planner.md; a test keeps them in step. A finding names
 * its fix type in {@code Finding.remedy}; unknown types fall back to {@link #GENERIC}.
 */
public final class RemedyTable {
    public static final Remedy GENERIC = new Remedy("optimize-code", "make the hot code do less work",
            new Remedy.Speedup(1.25, 2, 4), 16,
            "evident: without a known cause, assume a modest rewrite of the hot method; wide range on purpose");

    public static final List<Remedy> ALL = List.of(
            GENERIC,
            new Remedy("java-linear-list-search", "replace the list lookup with a hash lookup",
                    new Remedy.Speedup(10, 50, 200), 2,
                    "asymptotic: a hash probe replaces a scan of n/2 elements; for the thousands of elements a hot scan "
                            + "implies, 10× is a floor"),
            new Remedy("java-regex-compiled-per-call", "compile the regular expression once",
                    new Remedy.Speedup(3, 8, 20), 1, "compiling parses the expression and builds its matcher program on every "
                    + "call; for the short inputs typical of per-request matching that costs several times the match"),
            new Remedy("java-string-format-in-loop", "format with a reused builder instead of String.format",
                    new Remedy.Speedup(2, 5, 10), 3, "String.format parses its pattern and allocates per call; appends avoid both"),
            new Remedy("java-string-concatenation-in-loop", "build strings with one StringBuilder",
                    new Remedy.Speedup(2, 5, 20), 2, "repeated concatenation copies the growing string: quadratic in its length"),
            new Remedy("java-exceptions-as-control-flow", "stop throwing on expected outcomes",
                    new Remedy.Speedup(10, 50, 100), 3, "filling in a stack trace costs microseconds; a check costs nanoseconds"),
            new Remedy("java-eager-log-formatting", "format log messages only when the level is on",
                    new Remedy.Speedup(10, 50, 100), 2, "with the level off, parameterized logging skips the formatting entirely"),
            new Remedy("java-boxing-on-hot-path", "keep the values in primitive arrays", new Remedy.Speedup(1.5, 3, 6), 4,
                    "boxing allocates per value and adds indirection; primitive arrays remove both"),
            new Remedy("java-reflection-on-hot-path", "look members up once and call them directly",
                    new Remedy.Speedup(2, 5, 20), 3, "lookups copy member tables per call; a cached handle is a direct call"),
            new Remedy("java-object-mapper-per-call", "share one configured mapper", new Remedy.Speedup(5, 20, 50), 1,
                    "a new mapper rebuilds its serializer cache for every call"),
            new Remedy("java-xml-factory-per-call", "create the XML factory once", new Remedy.Speedup(5, 20, 50), 1,
                    "the factory lookup scans the class path per call"),
            new Remedy("java-crypto-instance-per-call", "keep one crypto instance per thread", new Remedy.Speedup(2, 4, 10), 1,
                    "provider lookup per call dominates short digests"),
            new Remedy("java-date-format-per-call", "use one DateTimeFormatter constant", new Remedy.Speedup(2, 5, 10), 1,
                    "creating a SimpleDateFormat loads locale data per call"),
            new Remedy("java-hashmap-collisions", "give the key a well-spread hashCode", new Remedy.Speedup(2, 10, 50), 2,
                    "tree bins turn O(1) probes into O(log n) comparisons"),
            new Remedy("java-synchronized-collection", "replace the shared lock with a concurrent structure",
                    new Remedy.Speedup(2, 4, 10), 4, "per-key locking lets the threads proceed in parallel; the gain is "
                    + "bounded by the thread count and by the work left inside the update"),
            new Remedy("java-securerandom-contention", "stop sharing one SecureRandom", new Remedy.Speedup(2, 5, 10), 2,
                    "removes the serialization on the generator's lock"),
            new Remedy("java-class-loading-at-runtime", "resolve classes and proxies once", new Remedy.Speedup(5, 20, 100), 3,
                    "class definition per request is orders of magnitude slower than a cached instance"),
            new Remedy("java-jdbc-row-mapping", "let the database filter and aggregate", new Remedy.Speedup(3, 10, 50), 6,
                    "fewer rows cross the wire and get mapped; the ratio of rows fetched to rows needed bounds it"),
            new Remedy("java-bigdecimal-arithmetic", "compute in long minor units", new Remedy.Speedup(2, 5, 10), 8,
                    "primitive arithmetic avoids an allocation per operation"),
            new Remedy("java-stream-pipeline-in-tight-loop", "replace per-iteration streams with a loop or an index",
                    new Remedy.Speedup(1.5, 3, 10), 3, "removes pipeline set-up per iteration"),
            new Remedy("java-collection-regrowth", "presize the collection", new Remedy.Speedup(1.2, 1.5, 2), 1,
                    "removes the repeated copies of a growing backing array"),
            new Remedy("java-string-intern", "drop String.intern", new Remedy.Speedup(2, 5, 10), 1,
                    "removes the global string-table lookup"),
            new Remedy("java-http-client-per-call", "share one HTTP client", new Remedy.Speedup(2, 5, 20), 2,
                    "connection and TLS set-up per call disappear with a pooled client"),
            new Remedy("java-jdbc-connection-per-call", "take connections from a pool", new Remedy.Speedup(2, 5, 20), 3,
                    "connection set-up (round trips, authentication) disappears from each call"),
            new Remedy("java-connection-pool-starvation", "hold connections only around queries and size the pool",
                    new Remedy.Speedup(2, 4, 8), 4, "waiting for a connection disappears when connections are held for the "
                    + "query only; bounded by how much of the hold time was not database work"),
            new Remedy("java-compression-object-per-call", "reuse compressor objects", new Remedy.Speedup(1.5, 3, 5), 2,
                    "removes native zlib set-up per message"),
            new Remedy("go-regexp-compiled-per-call", "compile the regular expression once (package-level regexp.MustCompile)",
                    new Remedy.Speedup(3, 8, 20), 1, "as for Java: parsing and compiling per call costs several times the match"),
            new Remedy("go-json-reflection", "use a generated or streaming JSON codec for the hot type",
                    new Remedy.Speedup(1.5, 3, 6), 6, "code generation removes the per-field reflection encoding/json does"),
            new Remedy("go-fmt-on-hot-path", "build strings with strconv and a reused buffer",
                    new Remedy.Speedup(2, 4, 10), 2, "fmt parses its format and boxes every argument into an interface"),
            new Remedy("go-map-access-on-hot-path", "index by slice or precomputed key instead of map lookups",
                    new Remedy.Speedup(1.5, 3, 5), 4, "hashing and probing per lookup become an array index"),
            new Remedy("go-mutex-contention", "shard the lock or keep per-goroutine state",
                    new Remedy.Speedup(2, 4, 10), 4, "waiting shrinks with the goroutines that share one mutex"),
            new Remedy("go-allocation-pressure", "allocate less on the hot path (reuse buffers, avoid interface conversions)",
                    new Remedy.Speedup(1.5, 2, 4), 8, "GC assist and allocation time fall with the allocation rate"),
            new Remedy("go-string-concatenation-in-loop", "build strings with strings.Builder",
                    new Remedy.Speedup(2, 5, 20), 2, "repeated concatenation copies the growing string"),
            new Remedy("python-regex-compiled-per-call", "compile the pattern once at module level",
                    new Remedy.Speedup(2, 5, 10), 1, "re caches compiled patterns, but only up to its cache size; a "
                    + "module-level pattern skips the lookup and recompilation"),
            new Remedy("python-json-dominating", "use a faster JSON library or send less JSON",
                    new Remedy.Speedup(1.5, 3, 6), 4, "C-accelerated codecs such as orjson parse several times faster "
                    + "than the standard module"),
            new Remedy("python-deepcopy-dominating", "copy only what changes (or use immutable data)",
                    new Remedy.Speedup(3, 10, 50), 4, "deepcopy visits every reachable object in pure Python"),
            new Remedy("python-pure-python-numerics", "vectorize the loop (NumPy, built-ins)",
                    new Remedy.Speedup(5, 20, 100), 8, "the loop body moves from the interpreter into compiled code"),
            new Remedy("node-sync-crypto-on-event-loop", "use the asynchronous crypto API",
                    new Remedy.Speedup(2, 5, 20), 2, "the work moves to libuv's thread pool, so the event loop serves other "
                    + "requests meanwhile"),
            new Remedy("node-sync-fs-on-event-loop", "use the asynchronous fs API", new Remedy.Speedup(2, 5, 20), 2,
                    "file system calls stop blocking the event loop"),
            new Remedy("node-sync-zlib-on-event-loop", "use the asynchronous zlib API", new Remedy.Speedup(2, 5, 20), 2,
                    "compression moves to the thread pool"),
            new Remedy("node-json-dominating", "send and parse less JSON, or stream it", new Remedy.Speedup(1.5, 3, 6), 4,
                    "JSON.parse and JSON.stringify are linear in the payload; smaller payloads shrink them in proportion"),
            new Remedy("node-regex-backtracking", "rewrite the regular expression without nested quantifiers",
                    new Remedy.Speedup(5, 50, 1000), 2, "catastrophic backtracking is exponential in the input; a linear "
                    + "expression removes it"),
            new Remedy("reduce-retained-memory", "keep less data in memory", new Remedy.Speedup(1.5, 2, 4), 8,
                    "a smaller live set shortens every full collection and lowers the memory needed"),
            new Remedy("reduce-allocation", "allocate less on the hot path", new Remedy.Speedup(1.5, 2, 4), 8,
                    "GC pause time falls roughly in proportion to the allocation rate (young collections run per "
                            + "filled eden)"),
            new Remedy("narrow-lock", "shorten or split the critical section", new Remedy.Speedup(2, 4, 10), 6,
                    "waiting shrinks with the time the lock is held"),
            new Remedy("add-index", "add the index the plan is missing", new Remedy.Speedup(5, 20, 100), 1,
                    "an index turns a scan of the table into a lookup of the matching rows; the plan's rows removed by "
                            + "the filter bound it"),
            new Remedy("batch-queries", "fetch the rows of the N+1 loop in one query", new Remedy.Speedup(2, 10, 100), 4,
                    "n round trips become one, so the loop gets up to n times faster; N+1 loops repeat 10–100 times, "
                            + "and the batched query's own work keeps it below n"),
            new Remedy("push-aggregation-to-database", "compute the aggregate in SQL", new Remedy.Speedup(3, 10, 50), 4,
                    "only the result rows leave the database instead of every input row"),
            new Remedy("cache-results", "cache results that repeat", new Remedy.Speedup(5, 20, 100), 6,
                    "a hit replaces a database round trip with a memory lookup; the cited fraction already counts only "
                            + "the executions that would have been hits at the suggested TTL"),
            new Remedy("refresh-statistics",
                    "refresh the planner's statistics (ANALYZE; extended statistics, histograms or column statistics)",
                    new Remedy.Speedup(1, 2, 10), 1, "a right row estimate lets the planner choose another plan; whether "
                    + "that plan is faster is only known once it runs, so the conservative point is no gain"),
            new Remedy("vacuum-table", "vacuum the table and tune autovacuum for it", new Remedy.Speedup(1.2, 2, 4), 2,
                    "index-only scans stop visiting the heap once the visibility map is current"),
            new Remedy("tune-jit", "stop JIT-compiling this cheap statement", new Remedy.Speedup(10, 50, 100), 1,
                    "with jit off or jit_above_cost raised, the compilation time disappears entirely"),
            new Remedy("tune-parallel-workers", "size the parallel worker pools", new Remedy.Speedup(1, 1.5, 3), 2,
                    "plans get the workers they were costed for; the gain is bounded by the workers that were missing"),
            new Remedy("tune-work-mem", "give the sort or hash enough memory", new Remedy.Speedup(1.5, 3, 5), 1,
                    "an in-memory sort avoids writing and reading temporary files"),
            new Remedy("fix-leak", "stop retaining objects that are no longer needed", new Remedy.Speedup(2, 5, 20), 8,
                    "a bounded live set ends the growth; the gain is in GC work and in the out-of-memory error avoided"),
            new Remedy("remove-explicit-gc", "stop calling System.gc()", new Remedy.Speedup(2, 10, 100), 1,
                    "every explicit call is a full collection the collector did not need; -XX:+DisableExplicitGC "
                            + "removes them without a code change"),
            new Remedy("bound-threads", "reuse threads from a bounded pool", new Remedy.Speedup(1.5, 2, 5), 4,
                    "a fixed pool ends the growth of stacks and scheduling work"),
            new Remedy("remote-calls", "batch, parallelize or cache the slow remote calls", new Remedy.Speedup(2, 4, 10), 8,
                    "the waiting is bounded by how many calls can be combined or overlapped"));

    private static final Map<String, Remedy> BY_ID = new HashMap<>();

    static {
        for (Remedy r : ALL) {
            BY_ID.put(r.id(), r);
        }
    }

    private RemedyTable() {
    }

    /** The remedy of this id, or {@link #GENERIC} when the id is null or unknown. */
    public static Remedy of(String id) {
        return id == null ? GENERIC : BY_ID.getOrDefault(id, GENERIC);
    }
}
