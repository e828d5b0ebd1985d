package dev.evident.core.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest {

    @Test
    void writesNestedStructuresWithEscaping() throws IOException {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject()
                .field("text", "a \"quote\"\n\ttab \\ and \u0001")
                .field("n", 42)
                .name("list").beginArray().value(1.5).value(true).value((String) null).endArray()
                .name("empty").beginObject().endObject()
                .endObject();
        assertThat(out.toString()).isEqualTo("""
                {
                  "text": "a \\"quote\\"\\n\\ttab \\\\ and \\u0001",
                  "n": 42,
                  "list": [
                    1.5,
                    true,
                    null
                  ],
                  "empty": {}
                }
                """);
    }

    @Test
    void numbersArePrintedFromTheirExactValue() {
        assertThat(JsonWriter.number(92.3076923076923)).isEqualTo("92.30769231");
        assertThat(JsonWriter.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(JsonWriter.number(3.0)).isEqualTo("3");
        assertThat(JsonWriter.number(1e-7)).isEqualTo("0.0000001");
        assertThat(JsonWriter.number(Double.NaN)).isEqualTo("null");
    }
}
