package dev.evident.core.detect.catalog;

import dev.evident.core.model.MetricKind;

import java.util.List;
import java.util.Set;

import static dev.evident.core.model.MetricKind.ALLOCATION;
import static dev.evident.core.model.MetricKind.CPU;
import static dev.evident.core.model.MetricKind.LOCK;
import static dev.evident.core.model.MetricKind.WALL;

/**
 * Known causes of hot Go code, recognised by the standard-library and runtime functions a hot
 * function of the program calls (names as Go's runtime/pprof writes them).
 */
public final class GoPatterns implements PatternSet {
    private static final Set<MetricKind> TIME = Set.of(CPU, WALL);
    private static final Set<MetricKind> TIME_AND_ALLOCATION = Set.of(CPU, WALL, ALLOCATION);

    @Override
    public List<AntiPattern> patterns() {
        return List.of(
                new AntiPattern("go-regexp-compiled-per-call", "go",
                        List.of("regexp.Compile", "regexp.MustCompile", "regexp.compile", "regexp.CompilePOSIX",
                                "regexp.MustCompilePOSIX", "regexp.MatchString", "regexp.Match", "regexp/syntax.Parse",
                                "regexp/syntax.Compile"),
                        TIME_AND_ALLOCATION,
                        "regular expression compiled on every call",
                        "regexp.MustCompile (and the package-level regexp.MatchString) parse the pattern and build its "
                                + "automaton each time they run, which costs far more than matching one short string.",
                        "Compile the expression once at package level and reuse it from {anchorShort}{line}: a "
                                + "*regexp.Regexp is safe for concurrent use by many goroutines.",
                        """
                                ```go
                                // {anchorShort}: before — the pattern is compiled on every call
                                func {method}(s string) bool {
                                	re := regexp.MustCompile(`^[A-Z]{3}-[0-9]{4,6}$`)
                                	return re.MatchString(s)
                                }
                                // after — compiled once when the package is initialised
                                var skuPattern = regexp.MustCompile(`^[A-Z]{3}-[0-9]{4,6}$`)

                                func {method}(s string) bool {
                                	return skuPattern.MatchString(s)
                                }
                                ```
                                """),
                new AntiPattern("go-json-reflection", "go",
                        List.of("encoding/json.*"),
                        TIME_AND_ALLOCATION,
                        "encoding/json reflection",
                        "encoding/json walks every value through reflection, looks up struct fields by name and "
                                + "allocates for each string and interface{}; on a hot path that dominates the actual work.",
                        "In {anchorShort}{line}, decode into concrete struct types rather than map[string]interface{}, "
                                + "reuse one json.Decoder/json.Encoder on the stream instead of Marshal/Unmarshal per item, "
                                + "and avoid re-encoding data that is only passed through (json.RawMessage). If it stays "
                                + "hot, a code-generated or reflection-free codec removes the reflection cost.",
                        """
                                ```go
                                // {anchorShort}: before — one Unmarshal into a generic map per line
                                var m map[string]interface{}
                                if err := json.Unmarshal(line, &m); err != nil { return err }
                                // after — one decoder over the stream, concrete types, no per-item setup
                                dec := json.NewDecoder(r)
                                for {
                                	var o Order
                                	if err := dec.Decode(&o); err == io.EOF { break } else if err != nil { return err }
                                	handle(o)
                                }
                                ```
                                """),
                new AntiPattern("go-fmt-on-hot-path", "go",
                        List.of("fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "fmt.Fprintf", "fmt.Fprint", "fmt.Appendf",
                                "fmt.(*pp).*", "fmt.newPrinter"),
                        TIME_AND_ALLOCATION,
                        "fmt.Sprintf on a hot path",
                        "fmt parses the format string and boxes every argument into an interface on each call, then "
                                + "allocates the resulting string.",
                        "In {anchorShort}{line}, append numbers with strconv.AppendInt / strconv.AppendFloat into one "
                                + "reused []byte or a strings.Builder instead of formatting each value with fmt.Sprintf.",
                        """
                                ```go
                                // {anchorShort}: before — one fmt.Sprintf and one string per cell
                                cells = append(cells, fmt.Sprintf("%d", r.id), fmt.Sprintf("%.2f", r.price))
                                // after — appended into one reused buffer
                                buf = buf[:0]
                                buf = strconv.AppendInt(buf, int64(r.id), 10)
                                buf = append(buf, ',')
                                buf = strconv.AppendFloat(buf, r.price, 'f', 2, 64)
                                ```
                                """),
                new AntiPattern("go-map-access-on-hot-path", "go",
                        List.of("runtime.mapaccess*", "runtime.mapassign*", "runtime.mapdelete*", "runtime.mapiternext",
                                "runtime.mapiterinit"),
                        TIME,
                        "map lookups on a hot path",
                        "Every map access hashes the key and probes buckets; string keys are hashed in full, and a map "
                                + "that grows while being filled rehashes everything it holds.",
                        "In {anchorShort}{line}, look each key up once and keep the value in a local, size maps when "
                                + "they are created (make(map[K]V, n)), avoid building a string key per lookup, and for "
                                + "small dense integer keys use a slice indexed by the key instead of a map.",
                        """
                                ```go
                                // {anchorShort}: before — two lookups and a fresh key string per item
                                key := fmt.Sprint(it.sku, "/", it.store)
                                totals[key] = totals[key] + it.qty
                                // after — a struct key (no string building), one lookup, pre-sized map
                                type skuStore struct{ sku, store int }
                                totals := make(map[skuStore]int, len(items))
                                totals[skuStore{it.sku, it.store}] += it.qty
                                ```
                                """),
                new AntiPattern("go-mutex-contention", "go",
                        List.of("sync.(*Mutex).Lock", "sync.(*Mutex).lockSlow", "sync.(*Mutex).Unlock",
                                "sync.(*Mutex).unlockSlow", "sync.(*RWMutex).Lock", "sync.(*RWMutex).RLock",
                                "sync.(*RWMutex).Unlock", "sync.(*RWMutex).RUnlock", "sync.(*RWMutex).rUnlockSlow",
                                "runtime.semacquire*", "runtime.semrelease*"),
                        Set.of(LOCK, CPU, WALL),
                        "one sync.Mutex shared by all goroutines",
                        "Every goroutine that calls it queues on the same mutex, so work done while holding it runs one "
                                + "goroutine at a time. Go's mutex profile charges the wait to the goroutine that held the "
                                + "lock (at its Unlock); the block profile shows the waiters (at Lock).",
                        "Shorten the critical section in {anchorShort}{line}: compute outside the lock and hold it only "
                                + "to publish the result; or shard the state (one mutex per key range), or let each goroutine "
                                + "accumulate privately and merge once at the end. Then compare the mutex profile's delay.",
                        """
                                ```go
                                // {anchorShort}: before — the expensive part runs while the mutex is held
                                l.mu.Lock()
                                defer l.mu.Unlock()
                                l.entries[sku] += reprice(sku, qty)
                                // after — compute first, lock only to update the map
                                p := reprice(sku, qty)
                                l.mu.Lock()
                                l.entries[sku] += p
                                l.mu.Unlock()
                                ```
                                """),
                new AntiPattern("go-allocation-pressure", "go",
                        List.of("runtime.mallocgc", "runtime.newobject", "runtime.makeslice", "runtime.growslice",
                                "runtime.gcAssistAlloc", "runtime.gcAssistAlloc1", "runtime.makemap", "runtime.convT*",
                                "runtime.slicebytetostring", "runtime.rawstring*"),
                        TIME,
                        "allocation and GC assist on a hot path",
                        "Each heap allocation goes through runtime.mallocgc, and while the collector runs, goroutines "
                                + "that allocate are made to help mark (GC assist), so allocation-heavy code pays for the "
                                + "collection too.",
                        "Allocate less in {anchorShort}{line}: size slices when you create them (make([]T, 0, n)), "
                                + "reuse buffers across calls (a sync.Pool for per-request buffers), and keep short-lived "
                                + "values on the stack by passing them by value. Compare the CPU share of "
                                + "runtime.mallocgc and the GC worker afterwards.",
                        """
                                ```go
                                // {anchorShort}: before — the slice grows from zero capacity on every call
                                var cells []string
                                for _, v := range values { cells = append(cells, render(v)) }
                                // after — allocated once at the right size
                                cells := make([]string, 0, len(values))
                                for _, v := range values { cells = append(cells, render(v)) }
                                ```
                                """),
                new AntiPattern("go-string-concatenation-in-loop", "go",
                        List.of("runtime.concatstrings", "runtime.concatstring2", "runtime.concatstring3",
                                "runtime.concatstring4", "runtime.concatstring5"),
                        TIME_AND_ALLOCATION,
                        "string concatenation in a loop",
                        "A Go string is immutable: s += t copies everything built so far into a new string, so growing "
                                + "one in a loop copies it over and over.",
                        "Build the text in {anchorShort}{line} with one strings.Builder (Grow it when the size is known) "
                                + "and call String() once.",
                        """
                                ```go
                                // {anchorShort}: before
                                s := ""
                                for _, c := range cells { s += c + "," }
                                // after
                                var b strings.Builder
                                for _, c := range cells { b.WriteString(c); b.WriteByte(',') }
                                s := b.String()
                                ```
                                """));
    }
}
