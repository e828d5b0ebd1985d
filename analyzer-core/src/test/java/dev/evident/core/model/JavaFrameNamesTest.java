package dev.evident.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaFrameNamesTest {

    @Test
    void normalizesSlashesAndHiddenClassAddresses() {
        assertThat(JavaFrameNames.normalize("java/util/ArrayList.indexOf")).isEqualTo("java.util.ArrayList.indexOf");
        assertThat(JavaFrameNames.normalize("a/B$$Lambda$14.0x0000000800c0b248.run")).isEqualTo("a.B$$Lambda.run");
        // as async-profiler names a JDK lambda in samples/dashboard-incident: address and number differ per run
        assertThat(JavaFrameNames.normalize("workload/incident/DashboardService$$Lambda+0x00007f89e80969c0/488044861.handle"))
                .isEqualTo("workload.incident.DashboardService$$Lambda.handle");
        assertThat(JavaFrameNames.normalize("workload.incident.DashboardService$$Lambda+0x00007f4e2c0969c0.1740189450.handle"))
                .isEqualTo("workload.incident.DashboardService$$Lambda.handle");
        assertThat(JavaFrameNames.normalize("java/lang/invoke/LambdaForm$MH.0x00007f5748002000.invoke"))
                .isEqualTo("java.lang.invoke.LambdaForm$MH.invoke");
        assertThat(JavaFrameNames.normalize("a.B$$Lambda$7/0x0000000800c0b248.run")).isEqualTo("a.B$$Lambda.run");
    }

    @Test
    void shortNamesKeepClassAndMethod() {
        assertThat(JavaFrameNames.shortName("java.util.ArrayList.indexOfRange")).isEqualTo("ArrayList.indexOfRange");
        assertThat(JavaFrameNames.shortName("main")).isEqualTo("main");
        assertThat(JavaFrameNames.simpleTypeName("java.util.Collections$SynchronizedMap")).isEqualTo("Collections$SynchronizedMap");
        assertThat(JavaFrameNames.isGlue("java.lang.invoke.Invokers$Holder.linkToTargetMethod")).isTrue();
        assertThat(JavaFrameNames.isGlue("java.util.ArrayList.add")).isFalse();
    }
}
