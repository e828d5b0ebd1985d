package dev.evident.ingest.jfr;

import one.jfr.JfrClass;
import one.jfr.JfrField;

import java.lang.reflect.Field;
import java.util.List;

/**
 * The few places where evident needs more of {@link JfrReader} than its public API gives.
 *
 * <p>{@code JfrReader} parses a chunk's metadata but keeps the field names and types private;
 * evident's event decoder needs them to read events by field name. The pinned jfr-converter
 * version and the tests on real recordings guard these field names.
 */
final class JfrReaderAccess {
    private static final Field CLASS_NAME = field(JfrClass.class, "name");
    private static final Field CLASS_FIELDS = field(JfrClass.class, "fields");
    private static final Field CLASS_SIMPLE = field(JfrClass.class, "simpleType");
    private static final Field CLASS_ID = field(JfrClass.class, "id");
    private static final Field FIELD_NAME = field(JfrField.class, "name");
    private static final Field FIELD_TYPE = field(JfrField.class, "type");
    private static final Field FIELD_CONSTANT_POOL = field(JfrField.class, "constantPool");

    private JfrReaderAccess() {
    }

    static String className(JfrClass c) {
        return (String) get(CLASS_NAME, c);
    }

    static int classId(JfrClass c) {
        return (Integer) get(CLASS_ID, c);
    }

    static boolean isSimpleType(JfrClass c) {
        return (Boolean) get(CLASS_SIMPLE, c);
    }

    @SuppressWarnings("unchecked")
    static List<JfrField> fields(JfrClass c) {
        return (List<JfrField>) get(CLASS_FIELDS, c);
    }

    static String fieldName(JfrField f) {
        return (String) get(FIELD_NAME, f);
    }

    static int fieldType(JfrField f) {
        return (Integer) get(FIELD_TYPE, f);
    }

    static boolean fieldInConstantPool(JfrField f) {
        return (Boolean) get(FIELD_CONSTANT_POOL, f);
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("jfr-converter internals changed: " + e, e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("jfr-converter internals changed: no field " + owner.getName()
                    + "." + name + "; evident pins jfr-converter to a tested version");
        }
    }
}
