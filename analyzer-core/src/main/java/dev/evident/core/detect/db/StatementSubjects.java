package dev.evident.core.detect.db;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which finding speaks for a statement. A slow statement is usually slow for a reason another
 * detector names: it repeats per row (n-plus-one), its plan scans a table an index would serve
 * (seq-scan-index), or its sort spills (sort-spill). Those findings carry the fix; the statement's
 * totals (count, total time, percentiles) belong in them rather than in a separate finding that
 * repeats the same time. So the slow-statement finding of such a fingerprint takes the other
 * finding's key and merges into it, and an N+1 whose repeated query also scans sequentially cites
 * the scan, so the two findings point at each other's evidence.
 *
 * <p>Order of preference: n-plus-one, then seq-scan-index, then sort-spill; plans are matched to a
 * statement by fingerprint (auto_explain entries and EXPLAIN output that carries the query), or,
 * for a scan whose plans carry no query, by the table and columns the logged statements filter on.
 */
final class StatementSubjects {
    /** Evidence of another finding about the same statement, with words for it. */
    record Related(String description, Evidence evidence) {
    }

    private final Map<String, String> keys;
    private final Map<String, Related> related;

    private StatementSubjects(Map<String, String> keys, Map<String, Related> related) {
        this.keys = keys;
        this.related = related;
    }

    static StatementSubjects of(EvidenceSet evidence) {
        Map<String, String> keys = new HashMap<>();
        Map<String, Related> related = new HashMap<>();
        Map<String, List<NPlusOneDetector.Run>> nPlusOne = NPlusOneDetector.runsByFingerprint(evidence);
        for (String fingerprint : nPlusOne.keySet()) {
            keys.put(fingerprint, "n-plus-one|" + fingerprint);
        }
        for (SeqScanIndexDetector.Group g : SeqScanIndexDetector.groups(evidence)) {
            if (!g.reported()) {
                continue;
            }
            SeqScanIndexDetector.Scan worst = g.worst();
            for (String fingerprint : SeqScanIndexDetector.statements(g, evidence)) {
                keys.putIfAbsent(fingerprint, SeqScanIndexDetector.key(g));
                related.putIfAbsent(fingerprint, new Related("reads " + worst.node().relation()
                        + " with a sequential scan that an index on " + g.key() + " would avoid (the seq-scan-index finding)",
                        SeqScanIndexDetector.nodeEvidence(worst, g.columns())));
            }
        }
        for (Map.Entry<String, List<SortSpillDetector.Spill>> g : SortSpillDetector.groups(evidence).entrySet()) {
            for (SortSpillDetector.Spill s : g.getValue()) {
                if (s.plan().fingerprint() != null) {
                    keys.putIfAbsent(s.plan().fingerprint(), SortSpillDetector.key(g.getKey()));
                }
            }
        }
        return new StatementSubjects(keys, related);
    }

    /** The key of the finding that explains this fingerprint, or null when none does. */
    String keyOf(String fingerprint) {
        return keys.get(fingerprint);
    }

    /** For fingerprints with a plan finding: that finding's evidence, for the N+1 finding to cite. */
    Map<String, Related> related() {
        return related;
    }
}
