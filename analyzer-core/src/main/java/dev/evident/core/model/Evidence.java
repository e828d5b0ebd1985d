package dev.evident.core.model;

import java.util.List;

/**
 * One citable fact. Detectors create evidence without an id; the report assembler numbers all
 * evidence ({@code E1}, {@code E2}, ...) in a deterministic order once every detector has run.
 *
 * @param id        {@code E<n>}, or {@code null} before numbering
 * @param key       stable identity used to merge the same fact cited by several findings
 * @param kind      what sort of fact, e.g. {@code hot-method}, {@code hot-path}, {@code profile-summary}
 * @param statement one line a person can read, containing the key numbers of {@code values}
 * @param values    the numbers behind the statement, with units
 * @param source    the artifact path this fact was computed from
 * @param location  where in the artifact (event type, stack, line), when that helps
 */
public record Evidence(
        String id,
        String key,
        String kind,
        String statement,
        List<Quantity> values,
        String source,
        String location) {

    public Evidence {
        values = List.copyOf(values);
    }

    public Evidence withId(String newId) {
        return new Evidence(newId, key, kind, statement, values, source, location);
    }
}
