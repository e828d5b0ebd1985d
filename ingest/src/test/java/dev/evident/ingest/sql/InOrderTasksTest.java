package dev.evident.ingest.sql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InOrderTasksTest {

    /** Tasks that take longer the earlier they were submitted still come back in submission order. */
    private static List<Integer> runAll(int tasks) {
        InOrderTasks<Integer> queue = new InOrderTasks<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            queue.submit(() -> {
                LockSupport.parkNanos((tasks - n) * 200_000L);
                return n;
            });
            while (queue.size() >= 4) {
                out.add(queue.next());
            }
        }
        while (!queue.isEmpty()) {
            out.add(queue.next());
        }
        return out;
    }

    @Test
    void resultsComeBackInTheOrderTheTasksWereHandedOut() {
        assertThat(runAll(40)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void aPoolOfOneThreadRunsEverythingInTheCallerWithoutWaitingForever() throws Exception {
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            // the caller is the pool's only thread: nobody else can take the tasks it forks
            assertThat(one.submit(() -> runAll(20)).get()).hasSize(20).isSorted();
        } finally {
            one.shutdown();
        }
    }

    @Test
    void whatATaskThrowsReachesTheCallerWhenItsTurnComes() {
        InOrderTasks<Integer> queue = new InOrderTasks<>();
        queue.submit(() -> 1);
        queue.submit(() -> {
            throw new IllegalStateException("task 2 failed");
        });
        assertThat(queue.next()).isEqualTo(1);
        assertThatThrownBy(queue::next).isInstanceOf(IllegalStateException.class).hasMessage("task 2 failed");
    }
}
