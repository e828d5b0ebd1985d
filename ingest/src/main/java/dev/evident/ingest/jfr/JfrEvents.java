package dev.evident.ingest.jfr;

import one.jfr.JfrReader;

import java.util.List;

/** The events evident decodes by field name, one class per event type. */
public final class JfrEvents {
    private JfrEvents() {
    }

    /** Registers every decoder on a freshly opened chunk reader. */
    static void registerAll(JfrReader reader) {
        JfrReaderAccess.disableBuiltInDecoders(reader);
        for (Registration r : REGISTRATIONS) {
            reader.registerEvent(r.type(), r.decoder());
        }
    }

    private record Registration(String type, Class<? extends DecodedEvent> decoder) {
    }

    private static final List<Registration> REGISTRATIONS = List.of(
            new Registration("jdk.NativeMethodSample", NativeMethodSample.class),
            new Registration("profiler.WallClockSample", WallClockSample.class),
            new Registration("jdk.ActiveSetting", ActiveSetting.class),
            new Registration("jdk.GarbageCollection", GarbageCollection.class),
            new Registration("jdk.JVMInformation", JvmInformation.class),
            new Registration("jdk.JavaThreadStatistics", JavaThreadStatistics.class));

    /** A JDK sample of a thread inside a native method: waiting or working outside Java. */
    public static final class NativeMethodSample extends DecodedEvent {
        public NativeMethodSample(JfrReader reader) {
            super(reader, "jdk.NativeMethodSample");
        }
    }

    /** async-profiler's wall-clock sample, possibly standing for several samples. */
    public static final class WallClockSample extends DecodedEvent {
        public WallClockSample(JfrReader reader) {
            super(reader, "profiler.WallClockSample");
        }
    }

    /** One recording setting, e.g. the sampling period of {@code jdk.ExecutionSample}. */
    public static final class ActiveSetting extends DecodedEvent {
        public ActiveSetting(JfrReader reader) {
            super(reader, "jdk.ActiveSetting");
        }
    }

    /** One garbage collection: name, cause and pause times. */
    public static final class GarbageCollection extends DecodedEvent {
        public GarbageCollection(JfrReader reader) {
            super(reader, "jdk.GarbageCollection");
        }
    }

    public static final class JvmInformation extends DecodedEvent {
        public JvmInformation(JfrReader reader) {
            super(reader, "jdk.JVMInformation");
        }
    }

    public static final class JavaThreadStatistics extends DecodedEvent {
        public JavaThreadStatistics(JfrReader reader) {
            super(reader, "jdk.JavaThreadStatistics");
        }
    }
}
