package dev.evident.core.detect.profile;

import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallSiteAttributionTest {

    private static List<CallSite> sites(Profile p, List<String> appPackages) {
        return CallSiteAttribution.compute(p, 0, new FrameClassifier(p.frames(), appPackages)).sites();
    }

    @Test
    void jdkLeafIsChargedToTheApplicationFrameThatCallsIt() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "java.lang.Thread.run;shop.Orders.dedupe:17;java.util.ArrayList.contains;java.util.ArrayList.indexOfRange 70",
                "java.lang.Thread.run;shop.Orders.dedupe:17;java.util.ArrayList.contains;java.util.ArrayList.indexOfRange;java.lang.String.equals 20",
                "java.lang.Thread.run;shop.Orders.dedupe:20 10");
        List<CallSite> sites = sites(p, List.of());
        assertThat(sites).hasSize(2);
        CallSite top = sites.get(0);
        assertThat(top.anchor()).isEqualTo("shop.Orders.dedupe");
        assertThat(top.anchorLine()).isEqualTo(17);
        assertThat(top.entry()).isEqualTo("java.util.ArrayList.contains");
        assertThat(top.weight()).isEqualTo(90);
        assertThat(top.leaves()).extracting(CallSite.Leaf::name)
                .containsExactly("java.util.ArrayList.indexOfRange", "java.lang.String.equals");
        assertThat(sites.get(1).entry()).isNull(); // own code at line 20
    }

    @Test
    void invocationGlueIsNotTheEntry() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "shop.Report.build;java.lang.invoke.Invokers$Holder.linkToTargetMethod;java.lang.invoke.LambdaForm$MH.invoke;"
                        + "java.lang.StringConcatHelper.newArray 30");
        assertThat(sites(p, List.of()).get(0).entry()).isEqualTo("java.lang.StringConcatHelper.newArray");
    }

    @Test
    void libraryFrameAnchorsStacksWithoutApplicationCode() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "java.lang.Thread.run;com.zaxxer.hikari.pool.HikariPool.getConnection;java.util.concurrent.SynchronousQueue.poll 5",
                "Thread::call_run;CompileBroker::compiler_thread_loop;C2Compiler::compile_method 4");
        List<CallSite> sites = sites(p, List.of());
        assertThat(sites.get(0).anchor()).isEqualTo("com.zaxxer.hikari.pool.HikariPool.getConnection");
        assertThat(sites.get(1).anchor()).isNull();
        assertThat(sites.get(1).subsystem()).isEqualTo("JIT compiler");
    }

    @Test
    void configuredApplicationPackagesWin() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "shop.Main.run;com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString;java.lang.StringBuilder.append 8");
        assertThat(sites(p, List.of("shop.")).get(0).entry())
                .isEqualTo("com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString");
        assertThat(sites(p, List.of("com.fasterxml.")).get(0).anchor())
                .isEqualTo("com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString");
    }

    @Test
    void waitingForWorkIsIdleButLockWaitingIsNot() {
        Profile p = TestProfiles.of(Metric.WALL_SAMPLES,
                "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor.runWorker;java.util.concurrent.ThreadPoolExecutor.getTask;"
                        + "java.util.concurrent.locks.LockSupport.park;jdk.internal.misc.Unsafe.park 50",
                "java.lang.Thread.run;shop.Ledger.record;java.util.concurrent.locks.ReentrantLock.lock;"
                        + "java.util.concurrent.locks.LockSupport.park;jdk.internal.misc.Unsafe.park 30",
                "Thread::call_run;VMThread::run;Monitor::wait 20");
        List<CallSite> sites = sites(p, List.of());
        assertThat(sites).filteredOn(CallSite::idle).extracting(CallSite::weight).containsExactlyInAnyOrder(50L, 20L);
        assertThat(sites).filteredOn(s -> !s.idle()).singleElement()
                .extracting(CallSite::anchor).isEqualTo("shop.Ledger.record");
    }
}
