package dev.evident.ingest.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a chunk's metadata event: a table of strings, then a tree of elements that
 * name their attributes by index into that table. Of the tree evident keeps the {@code class}
 * elements (anywhere) and the {@code field} elements directly under them; annotations, settings
 * and regions are read past.
 */
final class MetadataParser {
    /** The JDK nests four levels deep (root, metadata, class, field, annotation); more is corruption. */
    private static final int MAX_DEPTH = 32;

    private final ChunkBytes in;
    private final String[] strings;
    private final List<Declared> classes = new ArrayList<>();

    /** A class element's attributes and its fields' attributes, before type ids are resolved. */
    private record Declared(Map<String, String> attributes, List<Map<String, String>> fields) {
    }

    private MetadataParser(ChunkBytes in, String[] strings) {
        this.in = in;
        this.strings = strings;
    }

    /** Parses the string table and element tree at the cursor. */
    static ChunkMetadata parse(ChunkBytes in) {
        int count = in.varint();
        if (count < 0 || count > in.limit() - in.pos) {
            throw new IllegalStateException("metadata declares " + count + " strings at byte " + in.pos);
        }
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = in.string(ChunkBytes.NO_POOL);
        }
        MetadataParser parser = new MetadataParser(in, strings);
        parser.element(null, 0);
        return parser.resolve();
    }

    /** One element and its children; {@code owner} is the class element directly above, if any. */
    private void element(Declared owner, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("metadata elements nested deeper than " + MAX_DEPTH + " at byte " + in.pos);
        }
        String name = strings[in.varint()];
        boolean isClass = "class".equals(name);
        boolean isField = "field".equals(name) && owner != null;
        int attributeCount = in.varint();
        Map<String, String> attributes = isClass || isField ? new HashMap<>() : null;
        for (int i = 0; i < attributeCount; i++) {
            String key = strings[in.varint()];
            String value = strings[in.varint()];
            if (attributes != null) {
                attributes.put(key, value);
            }
        }
        Declared declared = null;
        if (isClass) {
            declared = new Declared(attributes, new ArrayList<>());
            classes.add(declared);
        } else if (isField) {
            owner.fields().add(attributes);
        }
        int children = in.varint();
        for (int i = 0; i < children; i++) {
            element(declared, depth + 1);
        }
    }

    private ChunkMetadata resolve() {
        Map<Integer, Integer> indexById = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            indexById.put(number(classes.get(i).attributes(), "id"), i);
        }
        List<MetadataType> types = new ArrayList<>(classes.size());
        for (Declared c : classes) {
            List<MetadataField> fields = new ArrayList<>(c.fields().size());
            for (Map<String, String> f : c.fields()) {
                int typeId = number(f, "class");
                int typeIndex = indexById.getOrDefault(typeId, -1);
                String typeName = typeIndex < 0 ? "?" : classes.get(typeIndex).attributes().get("name");
                boolean constantPool = "true".equals(f.get("constantPool"));
                int dimension = f.containsKey("dimension") ? number(f, "dimension") : 0;
                FieldKind kind = constantPool ? FieldKind.VARINT : FieldKind.of(typeName);
                fields.add(new MetadataField(f.get("name"), typeId, typeName, constantPool, dimension, kind, typeIndex));
            }
            Map<String, String> a = c.attributes();
            String name = a.get("name");
            if (name == null) {
                throw new IllegalStateException("metadata class " + a.get("id") + " has no name");
            }
            types.add(new MetadataType(number(a, "id"), name, a.get("superType"), "true".equals(a.get("simpleType")),
                    fields));
        }
        return new ChunkMetadata(types);
    }

    private static int number(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("metadata attribute " + key + "=" + value + " is not a number: " + attributes);
        }
    }
}
