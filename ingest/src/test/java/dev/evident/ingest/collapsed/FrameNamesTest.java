package dev.evident.ingest.collapsed;

import dev.evident.core.model.FrameKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FrameNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "java/util/ArrayList.indexOfRange | java.util.ArrayList.indexOfRange | JAVA",
            "java/lang/String.equals_[j] | java.lang.String.equals | JAVA",
            "java/lang/String.equals_[i] | java.lang.String.equals | JAVA",
            "java/lang/Object.<init>_[0] | java.lang.Object.<init> | JAVA",
            "int[]_[i] | int[] | TYPE",
            "java.util.Collections$SynchronizedMap_[i] | java.util.Collections$SynchronizedMap | TYPE",
            "java.lang.String_[k] | java.lang.String | TYPE",
            "asm_exc_page_fault_[k] | asm_exc_page_fault | KERNEL",
            "JavaThread::thread_main_inner | JavaThread::thread_main_inner | JVM",
            "__GI___libc_write | __GI___libc_write | NATIVE",
            "libc.so.6 | libc.so.6 | NATIVE",
            "com.example.Foo.bar | com.example.Foo.bar | JAVA",
            "workload/inventory/StockLedger$$Lambda$14.0x00007fa578000a10.run | workload.inventory.StockLedger$$Lambda.run | JAVA",
            "[unknown] | [unknown] | NATIVE"})
    void annotationsAndShapesDecideTheKind(String raw, String name, FrameKind kind) {
        FrameNames.Parsed parsed = FrameNames.parse(raw);
        assertThat(parsed.name()).isEqualTo(name);
        assertThat(parsed.kind()).isEqualTo(kind);
    }
}
