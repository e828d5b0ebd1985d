package dev.evident.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The documented JSON schemas under {@code docs/}, loaded with a validator that never touches the network:
 * remote fetching is off, and the draft 2020-12 meta-schema comes from the validator's own jar.
 */
final class JsonSchemas {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true) // "date-time" is checked, not just an annotation
                            .locale(Locale.ROOT)
                            .build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));

    /** The draft 2020-12 meta-schema, resolved from the classpath (remote fetching is off). */
    static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private JsonSchemas() {
    }

    /** {@code docs/<name>} of the repository. */
    static Path file(String name) {
        Path docs = Samples.of("README.md").getParent().resolveSibling("docs");
        return docs.resolve(name);
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema {@code docs/<name>}, ready to validate documents. */
    static Schema load(String name) {
        return REGISTRY.getSchema(read(file(name)));
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every violation as "location: message", the location a JSON pointer into the document ("(root)" for the
     * document itself), in the validator's order; empty when the document conforms.
     */
    static List<String> violations(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(JsonSchemas::describe).toList();
    }

    private static String describe(Error e) {
        String at = e.getInstanceLocation().toString();
        return (at.isEmpty() ? "(root)" : at) + ": " + e.getMessage();
    }
}
