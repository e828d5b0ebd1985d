package dev.evident.llm.pack;

/**
 * What the person reporting the incident says: it frames the diagnosis, it is not a measurement.
 * Today it comes from command-line flags ({@code --symptom}, {@code --stack}, {@code --sla},
 * {@code --traffic}); a reader of {@code incident.yaml} (issue 6 has one, {@code IncidentContext})
 * fills the same record, and {@link #orElse} lets the flags win over the file.
 *
 * @param symptom what is observed, e.g. "/dashboard takes 8 s at p95"
 * @param stack   language, framework, database
 * @param sla     the objective, e.g. "p95 under 500 ms"
 * @param traffic traffic volume as written, e.g. "1200 requests per minute"
 */
public record Incident(String symptom, String stack, String sla, String traffic) {
    public static final Incident NONE = new Incident(null, null, null, null);

    public boolean isEmpty() {
        return blank(symptom) && blank(stack) && blank(sla) && blank(traffic);
    }

    /** This incident's values, each missing one taken from {@code fallback}. */
    public Incident orElse(Incident fallback) {
        return new Incident(pick(symptom, fallback.symptom), pick(stack, fallback.stack), pick(sla, fallback.sla),
                pick(traffic, fallback.traffic));
    }

    private static String pick(String mine, String theirs) {
        return blank(mine) ? theirs : mine;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
