package dev.evident.ingest.jfr;

import one.jfr.JfrClass;
import one.jfr.JfrField;
import one.jfr.JfrReader;

import java.lang.reflect.Field;
import java.util.List;

/**
 * The few places where evident needs more of {@link JfrReader} than its public API gives.
 *
 * <p>{@code JfrReader} decodes a fixed set of events itself and hides the metadata (field names
 * and types) that a generic decoder needs. evident reads three of those events differently:
 * {@code jdk.NativeMethodSample} must not be counted as CPU (threads in native code are usually
 * waiting), {@code profiler.WallClockSample} must not be mixed with CPU samples, and
 * {@code jdk.ActiveSetting} must keep the event type each setting belongs to. Switching off the
 * reader's built-in handling for them lets our own decoders (registered with
 * {@link JfrReader#registerEvent}) see them. The pinned jfr-converter version and the tests on
 * real recordings guard these field names.
 */
final class JfrReaderAccess {
    private static final Field CLASS_NAME = field(JfrClass.class, "name");
    private static final Field CLASS_FIELDS = field(JfrClass.class, "fields");
    private static final Field CLASS_SIMPLE = field(JfrClass.class, "simpleType");
    private static final Field CLASS_ID = field(JfrClass.class, "id");
    private static final Field FIELD_NAME = field(JfrField.class, "name");
    private static final Field FIELD_TYPE = field(JfrField.class, "type");
    private static final Field FIELD_CONSTANT_POOL = field(JfrField.class, "constantPool");
    private static final List<Field> BUILT_IN_TO_DISABLE = List.of(
            field(JfrReader.class, "nativeMethodSample"),
            field(JfrReader.class, "wallClockSample"),
            field(JfrReader.class, "activeSetting"));

    private JfrReaderAccess() {
    }

    /** Makes the reader hand these events to registered decoders instead of decoding them itself. */
    static void disableBuiltInDecoders(JfrReader reader) {
        try {
            for (Field f : BUILT_IN_TO_DISABLE) {
                f.setInt(reader, -1);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("jfr-converter internals changed: " + e, e);
        }
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
