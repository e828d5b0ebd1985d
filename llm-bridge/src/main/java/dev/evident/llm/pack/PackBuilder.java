package dev.evident.llm.pack;

import dev.evident.core.report.Report;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.redact.Redactor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the evidence pack from a report: collects the items of every {@link PackSource}, redacts
 * their text, and keeps them in order of importance until the token budget is spent. Tier-0 items
 * are always kept; once one item does not fit, it and everything after it are cut, so a lower-impact
 * item never displaces a higher-impact one. The pack says what was cut.
 */
public final class PackBuilder {
    /**
     * About 32 KB of JSON. On samples/contains-in-loop (6 findings, 54 evidence items, about 10,700
     * tokens in all) it keeps every finding and the evidence of the top three; the rest is cut.
     */
    public static final int DEFAULT_BUDGET_TOKENS = 8000;

    private final List<PackSource> sources;
    private final int budgetTokens;
    private final Redactor redactor;

    public PackBuilder(List<PackSource> sources, int budgetTokens, Redactor redactor) {
        if (budgetTokens < 1) {
            throw new IllegalArgumentException("token budget must be positive, got " + budgetTokens);
        }
        this.sources = List.copyOf(sources);
        this.budgetTokens = budgetTokens;
        this.redactor = redactor;
    }

    /** The sources in the diagnosis order: user statements, diagnosis, findings, plan, gaps, evidence. */
    public static PackBuilder standard(int budgetTokens, Redactor redactor) {
        return new PackBuilder(List.of(new IncidentSource(), new DiagnosisSource(), new FindingSource(),
                new PlanSource(), new GapSource(), new EvidenceSource()), budgetTokens, redactor);
    }

    public EvidencePack build(Report report, Incident incident, RedactionMap redactions) {
        List<PackSource.Candidate> candidates = new ArrayList<>();
        for (PackSource source : sources) {
            candidates.addAll(source.candidates(report, incident));
        }
        candidates.sort(Comparator.comparingInt(PackSource.Candidate::tier)); // stable: source order within a tier

        List<PackItem> kept = new ArrayList<>();
        int omittedCount = 0;
        List<String> omittedIds = new ArrayList<>();
        int used = TokenEstimate.of(PackJson.write(List.of(), List.of(), EvidencePack.Omitted.NOTHING, budgetTokens));
        boolean full = false;
        for (PackSource.Candidate c : candidates) {
            PackItem item = c.item().mapText(text -> redactor.redact(text, redactions));
            // an id costs its own bytes and one entry in the citable-id list
            int cost = TokenEstimate.of(PackJson.item(item)) + (item.id() == null ? 0 : 2);
            if (c.tier() == PackSource.ALWAYS || (!full && used + cost <= budgetTokens)) {
                kept.add(item);
                used += cost;
            } else {
                full = true;
                omittedCount++;
                if (item.id() != null) {
                    omittedIds.add(item.id());
                }
            }
        }
        // Items were priced alone; nested in the pack they cost a little more (indentation, the
        // omitted list). Trim from the end until the whole pack fits, never touching tier 0.
        int firstOptional = alwaysCount(candidates);
        while (true) {
            List<PackItem> items = withoutDanglingRefs(kept);
            List<String> ids = items.stream().map(PackItem::id).filter(id -> id != null).toList();
            EvidencePack.Omitted omitted = new EvidencePack.Omitted(omittedCount, omittedIds);
            String json = PackJson.write(items, ids, omitted, budgetTokens);
            int tokens = TokenEstimate.of(json);
            if (tokens <= budgetTokens || kept.size() <= firstOptional) {
                return new EvidencePack(items, omitted, budgetTokens, tokens, json);
            }
            PackItem last = kept.remove(kept.size() - 1);
            omittedCount++;
            if (last.id() != null) {
                omittedIds.add(0, last.id());
            }
        }
    }

    private static int alwaysCount(List<PackSource.Candidate> candidates) {
        return (int) candidates.stream().filter(c -> c.tier() == PackSource.ALWAYS).count();
    }

    /** A finding keeps citing only evidence that made it into the pack. */
    private static List<PackItem> withoutDanglingRefs(List<PackItem> kept) {
        Set<String> ids = new LinkedHashSet<>();
        for (PackItem item : kept) {
            if (item.id() != null) {
                ids.add(item.id());
            }
        }
        List<PackItem> out = new ArrayList<>();
        for (PackItem item : kept) {
            List<String> refs = item.refs().stream().filter(ids::contains).toList();
            out.add(new PackItem(item.id(), item.stage(), item.kind(), item.fields(), item.values(), refs));
        }
        return out;
    }
}
