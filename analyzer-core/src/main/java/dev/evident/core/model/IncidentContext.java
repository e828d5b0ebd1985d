package dev.evident.core.model;

import java.util.List;

/**
 * What the person reporting an incident wrote down ({@code incident.yaml}): the symptom, the
 * technology stack, the traffic volume and the latency objectives. It frames the diagnosis; it is
 * not a measurement.
 *
 * @param source  artifact path
 * @param symptom what is observed, e.g. "/dashboard takes 8 s"
 * @param stack   language, framework, database, or {@code null}
 * @param traffic traffic volume as written, e.g. "1200 req/min", or {@code null}
 * @param endpoint the endpoint or label the objectives apply to, or {@code null} for all
 * @param slas    latency objectives
 */
public record IncidentContext(String source, String symptom, String stack, String traffic, String endpoint,
                              List<Sla> slas) {

    public IncidentContext {
        slas = List.copyOf(slas);
    }
}
