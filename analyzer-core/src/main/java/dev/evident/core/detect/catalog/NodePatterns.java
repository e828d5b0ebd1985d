package dev.evident.core.detect.catalog;

import dev.evident.core.model.MetricKind;

import java.util.List;
import java.util.Set;

import static dev.evident.core.model.MetricKind.CPU;
import static dev.evident.core.model.MetricKind.WALL;

/**
 * Known causes of hot Node.js code, recognised by the Node.js and V8 functions a hot script
 * function calls. V8's CPU profiler shows Node's JavaScript internals and regular expressions
 * as frames but not builtins such as JSON.parse: their time lands in the calling function.
 */
public final class NodePatterns implements PatternSet {
    private static final Set<MetricKind> TIME = Set.of(CPU, WALL);

    @Override
    public List<AntiPattern> patterns() {
        return List.of(
                new AntiPattern("node-sync-crypto-on-event-loop", "js",
                        List.of("pbkdf2Sync", "scryptSync", "hkdfSync", "generateKeyPairSync", "generatePrimeSync",
                                "hashSync", "compareSync"),
                        TIME,
                        "synchronous crypto on the event loop",
                        "A *Sync key-derivation or hashing call runs on the event loop thread: while it works, no other "
                                + "request, timer or I/O callback of the process can run.",
                        "Call the asynchronous form in {anchorShort}{line} (crypto.pbkdf2, crypto.scrypt, or their "
                                + "util.promisify versions), which runs on libuv's thread pool, or move the work to "
                                + "worker_threads; then compare the event-loop share.",
                        """
                                ```js
                                // {anchorShort}: before — blocks the event loop for every call
                                const key = crypto.pbkdf2Sync(password, salt, 100000, 32, 'sha256');
                                // after — runs on the libuv thread pool
                                const pbkdf2 = util.promisify(crypto.pbkdf2);
                                const key = await pbkdf2(password, salt, 100000, 32, 'sha256');
                                ```
                                """),
                new AntiPattern("node-sync-fs-on-event-loop", "js",
                        List.of("readFileSync", "writeFileSync", "appendFileSync", "readdirSync", "statSync", "lstatSync",
                                "existsSync", "accessSync", "openSync", "readSync", "mkdirSync", "copyFileSync",
                                "realpathSync", "readlinkSync", "execSync", "execFileSync", "spawnSync"),
                        TIME,
                        "synchronous file or process I/O on the event loop",
                        "fs.*Sync and child_process.*Sync calls wait for the disk or the child on the event loop thread, "
                                + "so every other request waits with them.",
                        "Use the promise API in {anchorShort}{line} (fs.promises.readFile, fs.promises.stat, "
                                + "child_process.execFile with a callback), and cache what is read repeatedly (file "
                                + "contents, configuration) instead of reading it per request.",
                        """
                                ```js
                                // {anchorShort}: before
                                const tpl = fs.readFileSync(path.join(dir, 'invoice.html'), 'utf8');
                                // after — read once, without blocking
                                const tplPromise = fs.promises.readFile(path.join(dir, 'invoice.html'), 'utf8');
                                const tpl = await tplPromise;
                                ```
                                """),
                new AntiPattern("node-sync-zlib-on-event-loop", "js",
                        List.of("gzipSync", "gunzipSync", "deflateSync", "inflateSync", "unzipSync", "brotliCompressSync",
                                "brotliDecompressSync", "zlibBufferSync"),
                        TIME,
                        "synchronous compression on the event loop",
                        "zlib's *Sync functions compress on the event loop thread; large payloads stall every "
                                + "concurrent request for the duration.",
                        "Use zlib.gzip / zlib.brotliCompress (callback or promisified) in {anchorShort}{line}, or "
                                + "stream the response through zlib.createGzip().",
                        """
                                ```js
                                // {anchorShort}: before
                                res.end(zlib.gzipSync(body));
                                // after
                                res.end(await util.promisify(zlib.gzip)(body));
                                ```
                                """),
                new AntiPattern("node-json-dominating", "js",
                        List.of("JSON.parse", "JSON.stringify", "Builtin:JsonParse", "Builtin:JsonStringify",
                                "JsonParser*", "JsonStringifier*"),
                        TIME,
                        "JSON.parse / JSON.stringify dominating",
                        "Parsing and serializing JSON is synchronous work proportional to the payload; repeated on large "
                                + "or many payloads it occupies the event loop.",
                        "In {anchorShort}{line}, parse or serialize once per payload rather than per item, avoid "
                                + "round-trips that only clone (structuredClone or no copy), and stream very large "
                                + "documents instead of holding them as one string.",
                        """
                                ```js
                                // {anchorShort}: before — a JSON round-trip to copy an object
                                const copy = JSON.parse(JSON.stringify(order));
                                // after
                                const copy = structuredClone(order);
                                ```
                                """),
                new AntiPattern("node-regex-backtracking", "js",
                        List.of("RegExp: *"),
                        TIME,
                        "regular expression dominating (likely backtracking)",
                        "V8 shows regular-expression execution as its own frame; when one expression takes most of a "
                                + "function's time, it is usually backtracking: nested or adjacent quantifiers such as "
                                + "(a+)+ or (.*)* try exponentially many ways to fail on an input that does not match.",
                        "Rewrite the expression used in {anchorShort}{line} so that each character can be matched in "
                                + "only one way (remove the nested quantifier, anchor it, or use a possessive form via "
                                + "lookahead), and limit the input length before matching.",
                        """
                                ```js
                                // {anchorShort}: before — (x+)* backtracks exponentially on a near-miss
                                const ok = /^([a-zA-Z0-9]+)*@example\\.com$/.test(email);
                                // after — one way to match each character
                                const ok = /^[a-zA-Z0-9]+@example\\.com$/.test(email);
                                ```
                                """));
    }
}
