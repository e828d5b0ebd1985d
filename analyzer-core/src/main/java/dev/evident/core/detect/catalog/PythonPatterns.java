package dev.evident.core.detect.catalog;

import dev.evident.core.model.MetricKind;

import java.util.List;
import java.util.Set;

import static dev.evident.core.model.MetricKind.ALLOCATION;
import static dev.evident.core.model.MetricKind.CPU;
import static dev.evident.core.model.MetricKind.WALL;

/**
 * Known causes of hot Python code. Python frames are named {@code module.function} after the file
 * they come from ({@code re._compile} from {@code re/__init__.py}), so the markers are module
 * paths; py-spy and other samplers see only Python-level functions, not C code called from them.
 */
public final class PythonPatterns implements PatternSet {
    private static final Set<MetricKind> TIME = Set.of(CPU, WALL);
    private static final Set<MetricKind> TIME_AND_ALLOCATION = Set.of(CPU, WALL, ALLOCATION);

    @Override
    public List<AntiPattern> patterns() {
        return List.of(
                new AntiPattern("python-regex-compiled-per-call", "python",
                        List.of("re._compile", "re.compile", "re._compiler.compile", "re._parser.parse",
                                "sre_compile.compile", "sre_parse.parse", "re._compiler._code", "sre_compile._code"),
                        TIME_AND_ALLOCATION,
                        "regular expression compiled on every call",
                        "re.match, re.search and re.sub with a pattern string look it up in a small cache on every "
                                + "call and compile it again whenever it fell out; compiling is far slower than matching.",
                        "Compile the pattern once at module level and call its methods in {anchorShort}{line}.",
                        """
                                ```python
                                # {anchorShort}: before — the pattern string is looked up (and recompiled) per call
                                def {method}(sku):
                                    return re.match(r"^[A-Z]{3}-[0-9]{4,6}$", sku) is not None
                                # after — compiled once when the module loads
                                SKU = re.compile(r"^[A-Z]{3}-[0-9]{4,6}$")

                                def {method}(sku):
                                    return SKU.match(sku) is not None
                                ```
                                """),
                new AntiPattern("python-json-dominating", "python",
                        List.of("json.dumps", "json.loads", "json.dump", "json.load", "json.encoder.*", "json.decoder.*"),
                        TIME_AND_ALLOCATION,
                        "json encoding or decoding dominating",
                        "The standard json module builds Python objects for every value and, for encoding, walks them "
                                + "again; serializing the same data repeatedly or in small pieces multiplies that cost.",
                        "In {anchorShort}{line}, serialize once instead of per item (or not at all for data that is only "
                                + "passed through), and if the volume is inherent, use a compiled codec such as orjson "
                                + "or msgspec.",
                        """
                                ```python
                                # {anchorShort}: before — one dumps per record, joined afterwards
                                body = "[" + ",".join(json.dumps(r) for r in rows) + "]"
                                # after — one call for the whole batch (orjson.dumps(rows) where installed)
                                body = json.dumps(rows)
                                ```
                                """),
                new AntiPattern("python-deepcopy-dominating", "python",
                        List.of("copy.deepcopy", "copy._deepcopy_*", "copy._reconstruct", "copy._keep_alive"),
                        TIME_AND_ALLOCATION,
                        "copy.deepcopy dominating",
                        "copy.deepcopy visits every object reachable from its argument in pure Python, keeping a memo "
                                + "of everything it copied; on nested data it costs more than the work done with the copy.",
                        "Copy only what {anchorShort}{line} changes: a shallow copy (dict(d), list(l), copy.copy) of the "
                                + "top level, dataclasses.replace for records, or immutable values (tuples, frozen "
                                + "dataclasses) that need no copy at all.",
                        """
                                ```python
                                # {anchorShort}: before — the whole order tree is copied to change one field
                                updated = copy.deepcopy(order)
                                updated["status"] = "paid"
                                # after — a shallow copy of the level that changes
                                updated = {**order, "status": "paid"}
                                ```
                                """),
                new AntiPattern("python-pure-python-numerics", "python",
                        List.of("statistics.*", "fractions.*", "pandas.core.frame.iterrows", "pandas.core.frame.itertuples",
                                "pandas.core.frame.apply", "pandas.core.apply.*", "pandas.core.series.apply"),
                        TIME,
                        "pure-Python loop where a vectorized or built-in call exists",
                        "statistics and fractions do exact arithmetic in pure Python, and DataFrame.iterrows/apply call "
                                + "Python code once per row; a built-in (sum, math.fsum) or a vectorized numpy/pandas "
                                + "operation does the same loop in C.",
                        "Replace the per-element Python work in {anchorShort}{line} with a built-in or vectorized call: "
                                + "sum(xs) / len(xs) or math.fsum instead of statistics.mean on floats, numpy for arrays, "
                                + "column operations instead of DataFrame.iterrows/apply.",
                        """
                                ```python
                                # {anchorShort}: before — exact, pure-Python arithmetic per value
                                avg = statistics.mean(prices)
                                totals = [row.price * row.qty for _, row in df.iterrows()]
                                # after — built-in and vectorized
                                avg = math.fsum(prices) / len(prices)
                                totals = (df["price"] * df["qty"]).tolist()
                                ```
                                """));
    }
}
