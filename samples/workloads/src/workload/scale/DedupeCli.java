package workload.scale;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Command-line de-duplication of N customer ids, for hyperfine. {@code list} is the build before
 * the fix (ArrayList.contains, O(n²)); {@code set} is the fix (LinkedHashSet, O(n)).
 *
 * <p>Usage: {@code DedupeCli list|set N}.
 */
public final class DedupeCli {

    public static void main(String[] args) {
        boolean useSet = "set".equals(args[0]);
        int n = Integer.parseInt(args[1]);
        Random random = new Random(42);
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(random.nextInt(n));
        }
        int distinct;
        if (useSet) {
            distinct = new LinkedHashSet<>(ids).size();
        } else {
            List<Integer> seen = new ArrayList<>();
            for (Integer id : ids) {
                if (!seen.contains(id)) {
                    seen.add(id);
                }
            }
            distinct = seen.size();
        }
        System.out.println(distinct);
    }
}
