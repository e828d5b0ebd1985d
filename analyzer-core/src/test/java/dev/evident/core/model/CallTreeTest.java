package dev.evident.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTreeTest {

    @Test
    void pathsShareTheirPrefixAndTotalsSumUp() {
        CallTree t = new CallTree(2);
        int a = t.child(CallTree.ROOT, 1);
        int ab = t.child(a, 2);
        int ac = t.child(a, 3);
        assertThat(t.child(CallTree.ROOT, 1)).isEqualTo(a);
        t.addSelf(ab, 0, 5, 5);
        t.addSelf(ac, 0, 3, 3);
        t.addSelf(ac, 1, 1000, 2);
        t.finish();
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.totalWeight(0, a)).isEqualTo(8);
        assertThat(t.totalWeight(0, CallTree.ROOT)).isEqualTo(8);
        assertThat(t.totalWeight(1, CallTree.ROOT)).isEqualTo(1000);
        assertThat(t.totalCount(1, CallTree.ROOT)).isEqualTo(2);
        assertThat(t.path(ac)).containsExactly(1, 3);
    }

    @Test
    void totalsRequireFinish() {
        CallTree t = new CallTree(1);
        t.addSelf(t.child(CallTree.ROOT, 0), 0, 1, 1);
        assertThatThrownBy(() -> t.totalWeight(0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void mergeMapsFramesAndColumns() {
        CallTree mine = new CallTree(2);
        mine.addSelf(mine.child(CallTree.ROOT, 7), 0, 1, 1);
        CallTree other = new CallTree(1);
        int x = other.child(CallTree.ROOT, 0);
        other.addSelf(other.child(x, 1), 0, 4, 4);
        mine.merge(other, new int[] {7, 9}, new int[] {1});
        mine.finish();
        int seven = mine.child(CallTree.ROOT, 7);
        assertThat(mine.totalWeight(0, seven)).isEqualTo(1);
        assertThat(mine.totalWeight(1, seven)).isEqualTo(4);
        assertThat(mine.totalWeight(1, mine.child(seven, 9))).isEqualTo(4);
    }

    @Test
    void retainColumnsKeepsStructure() {
        CallTree t = new CallTree(3);
        int n = t.child(t.child(CallTree.ROOT, 0), 1);
        t.addSelf(n, 2, 9, 3);
        CallTree kept = t.retainColumns(new int[] {2});
        kept.finish();
        assertThat(kept.columns()).isEqualTo(1);
        assertThat(kept.totalWeight(0, CallTree.ROOT)).isEqualTo(9);
        assertThat(kept.child(kept.child(CallTree.ROOT, 0), 1)).isEqualTo(n);
    }

    @Test
    void growsPastItsInitialCapacity() {
        CallTree t = new CallTree(1);
        int node = CallTree.ROOT;
        for (int i = 0; i < 5000; i++) {
            node = t.child(node, i);
        }
        t.addSelf(node, 0, 1, 1);
        t.finish();
        assertThat(t.size()).isEqualTo(5001);
        assertThat(t.totalWeight(0, t.child(CallTree.ROOT, 0))).isEqualTo(1);
    }
}
