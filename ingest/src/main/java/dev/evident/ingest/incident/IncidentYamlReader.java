package dev.evident.ingest.incident;

import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.Sla;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The incident description an engineer writes next to the artifacts ({@code incident.yaml}):
 *
 * <pre>
 * symptom: /api/dashboard takes 8 s on average
 * stack: Java 17, Spring Boot 3, PostgreSQL 16
 * traffic: 1200 req/min
 * endpoint: GET /api/dashboard
 * sla: p95 &lt; 500ms          # or a list:
 * sla:
 *   - p95 &lt; 500ms
 *   - p99 &lt; 1s
 * </pre>
 *
 * Only this flat subset of YAML is read (scalars, one list, {@code #} comments, quoted values);
 * anything else is an error naming the line, so a typo is never silently ignored. Detected by
 * content: at least two of the known keys at the start of lines.
 */
public final class IncidentYamlReader implements ArtifactReader {
    static final Set<String> KEYS = Set.of("symptom", "stack", "traffic", "endpoint", "sla", "slo", "service", "title");

    @Override
    public String format() {
        return "incident-yaml";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = new String(bytes(head), StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            return Probe.NO;
        }
        int known = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ") && KEYS.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                known++;
            }
        }
        return known >= 2 ? Probe.LIKELY : Probe.NO;
    }

    private static byte[] bytes(ByteBuffer head) {
        ByteBuffer b = head.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String listKey = null;
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8))) {
            for (String raw; (raw = in.readLine()) != null; ) {
                lineNo++;
                String line = stripComment(raw);
                if (line.isBlank() || line.strip().equals("---")) {
                    continue;
                }
                if (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("-")) {
                    String item = line.strip();
                    if (listKey == null || !item.startsWith("- ")) {
                        throw new ArtifactException("incident.yaml: line " + lineNo + ": expected 'key: value' or a "
                                + "'- item' under a key with no value, found '" + raw.strip() + "'");
                    }
                    values.get(listKey).add(unquote(item.substring(2).strip()));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new ArtifactException("incident.yaml: line " + lineNo + ": expected 'key: value', found '"
                            + raw.strip() + "'");
                }
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = unquote(line.substring(colon + 1).strip());
                List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
                if (value.isEmpty()) {
                    listKey = key;
                } else {
                    listKey = null;
                    list.add(value);
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("incident.yaml: cannot read the file: " + e.getMessage(), e);
        }
        List<Sla> slas = new ArrayList<>();
        List<String> objectives = new ArrayList<>(values.getOrDefault("sla", List.of()));
        objectives.addAll(values.getOrDefault("slo", List.of()));
        for (String objective : objectives) {
            for (String part : objective.split(",")) {
                try {
                    slas.add(Sla.parse(part, input.displayPath()));
                } catch (IllegalArgumentException e) {
                    throw new ArtifactException("incident.yaml: sla: " + e.getMessage());
                }
            }
        }
        String symptom = first(values, "symptom");
        if (symptom == null && slas.isEmpty()) {
            throw new ArtifactException("incident.yaml: neither a 'symptom' nor an 'sla' is given");
        }
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                sink.warning("key '" + key + "' is not one evident reads (" + String.join(", ", KEYS.stream().sorted().toList())
                        + "); ignored");
            }
        }
        sink.producer("incident description");
        sink.incident(new IncidentContext(input.displayPath(), symptom, first(values, "stack"), first(values, "traffic"),
                first(values, "endpoint"), slas));
    }

    private static String first(Map<String, List<String>> values, String key) {
        List<String> v = values.get(key);
        return v == null || v.isEmpty() ? null : String.join("; ", v);
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
