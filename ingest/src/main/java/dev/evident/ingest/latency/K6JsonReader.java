package dev.evident.ingest.latency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;

/**
 * k6's {@code --out json=FILE}: one JSON object per line, {@code Metric} declarations and
 * {@code Point}s. Every {@code http_req_duration} point is one request: its value (ms), its
 * {@code name} tag (the URL unless the script names it) and its {@code expected_response} or
 * {@code status} tag for errors. Streamed with Jackson's token parser, so a file of millions of
 * lines is never held in memory.
 */
public final class K6JsonReader implements ArtifactReader {

    @Override
    public String format() {
        return "k6-json";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String first = Heads.firstLine(Heads.text(head)).strip();
        return first.startsWith("{\"") && (first.contains("\"type\":\"Metric\"") || first.contains("\"type\":\"Point\""))
                && first.contains("\"metric\":") ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        LatencyTable table = new LatencyTable();
        PointTimes times = new PointTimes();
        long objects = 0;
        try (InputStream in = input.openStream(); JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new ArtifactException("k6 JSON: line " + p.currentLocation().getLineNr()
                            + ": expected one JSON object per line");
                }
                objects++;
                Point point = readObject(p);
                if (point.isRequestDuration()) {
                    LatencyAccumulator a = table.label(point.name == null ? "(unnamed)" : point.name);
                    a.record(point.value, point.failed());
                    if (point.time != null) {
                        long nanos = times.epochNanos(point.time);
                        if (nanos != Long.MIN_VALUE) {
                            a.time(nanos);
                        }
                    }
                }
            }
        } catch (JsonParseException e) {
            throw new ArtifactException("k6 JSON: line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + (objects > 0 ? " (after " + objects + " complete objects; is the file cut?)" : ""), e);
        } catch (IOException e) {
            throw new ArtifactException("k6 JSON: cannot read the file: " + e.getMessage(), e);
        }
        if (table.isEmpty()) {
            throw new ArtifactException("k6 JSON: " + objects + " objects but no http_req_duration point; "
                    + "was the test an HTTP test?");
        }
        sink.producer("k6 (--out json)");
        table.emit(input.displayPath(), "k6", sink, LatencyTable.noParameters());
    }

    /** The fields of one line that matter; everything else is skipped by the parser. */
    private static final class Point {
        String type;
        String metric;
        double value = Double.NaN;
        String time;
        String name;
        String url;
        String status;
        String expected;

        boolean isRequestDuration() {
            return "Point".equals(type) && "http_req_duration".equals(metric);
        }

        boolean failed() {
            if (expected != null) {
                return !"true".equals(expected);
            }
            if (status == null) {
                return false;
            }
            return status.equals("0") || status.compareTo("400") >= 0 && status.length() == 3;
        }
    }

    private static Point readObject(JsonParser p) throws IOException {
        Point point = new Point();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "type" -> point.type = p.getText();
                case "metric" -> point.metric = p.getText();
                case "data" -> {
                    if (v == JsonToken.START_OBJECT) {
                        readData(p, point);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (point.name == null) {
            point.name = point.url;
        }
        return point;
    }

    private static void readData(JsonParser p, Point point) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "value" -> point.value = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                case "time" -> point.time = p.getText();
                case "tags" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String tag = p.currentName();
                        p.nextToken();
                        switch (tag) {
                            case "name" -> point.name = p.getText();
                            case "url" -> point.url = p.getText();
                            case "status" -> point.status = p.getText();
                            case "expected_response" -> point.expected = p.getText();
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /**
     * RFC 3339 times to epoch nanoseconds, parsing the date and zone once per distinct second:
     * points arrive in time order, so almost every point reuses the previous second.
     */
    static final class PointTimes {
        private String cachedKey;
        private long cachedEpochSecond;

        long epochNanos(String time) {
            if (time.length() < 20) {
                return Long.MIN_VALUE;
            }
            int fraction = time.charAt(19) == '.' ? 20 : -1;
            int zone = fraction < 0 ? 19 : fraction;
            while (zone < time.length() && Character.isDigit(time.charAt(zone))) {
                zone++;
            }
            String key = time.substring(0, 19) + time.substring(zone);
            if (!key.equals(cachedKey)) {
                try {
                    cachedEpochSecond = OffsetDateTime.parse(key).toEpochSecond();
                } catch (java.time.format.DateTimeParseException e) {
                    return Long.MIN_VALUE;
                }
                cachedKey = key;
            }
            long nanos = 0;
            if (fraction > 0) {
                int digits = 0;
                for (int i = fraction; i < zone && digits < 9; i++, digits++) {
                    nanos = nanos * 10 + (time.charAt(i) - '0');
                }
                for (; digits < 9; digits++) {
                    nanos *= 10;
                }
            }
            return cachedEpochSecond * 1_000_000_000L + nanos;
        }
    }
}
