package dev.evident.llm.pack;

import dev.evident.core.report.Report;

import java.util.List;

/**
 * Contributes pack items from one part of the report. Each source owns one part (the incident,
 * the diagnosis, the findings, the evidence, the gaps, the plan), so a new part of the report —
 * issue 7's optimization plan — is one new or changed source, see {@link PlanSource}.
 */
public interface PackSource {
    /** Kept whatever the budget: the headline, the bound, the user's statements, stage notes. */
    int ALWAYS = 0;
    /** The findings. */
    int FINDINGS = 1;
    /** Evidence the bound and the findings cite, highest-scoring finding first. */
    int CITED_EVIDENCE = 2;
    /** Detail that helps but is not cited: code examples of fixes. */
    int DETAIL = 3;
    /** Evidence nothing cites (profile summaries, thread splits): cut first. */
    int CONTEXT = 4;

    /**
     * The items of this part, most important first, each with its tier: tier 0 is always kept, and
     * higher tiers are cut first when the pack exceeds its token budget.
     */
    List<Candidate> candidates(Report report, Incident incident);

    /** An item and how important it is (lower tier: kept first). */
    record Candidate(PackItem item, int tier) {
    }
}
