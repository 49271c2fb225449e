package org.opencets.verification;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.notary.MerkleHash;

/**
 * The random draw, reproducible by anyone from the logged seed and candidates: tasks in the order of the emitters'
 * USCC; for each, among its eligible firms (sorted by USCC) those with the fewest tasks so far in this draw; of those
 * the one at index {@code SHA-256(seed + ":" + emitter USCC) mod n} (the digest read as an unsigned big-endian number).
 * Sampling for re-verification orders the items by {@code SHA-256(seed + ":" + item)} and takes the first n.
 */
final class DrawAlgorithm {

    static final String DESCRIPTION = "OpenCETS draw v1: fewest-so-far, then SHA-256(seed:emitterUSCC) mod n over firms sorted by USCC";
    static final String SAMPLE_DESCRIPTION = "OpenCETS sample v1: items ordered by SHA-256(seed:item), first n";

    private DrawAlgorithm() {
    }

    /** One task's eligible firms (USCCs); an empty list leaves the task unassigned. */
    record Candidates(String emitter, List<String> firms) {
    }

    /** Emitter USCC → chosen firm USCC (absent when no firm was eligible). */
    static Map<String, String> draw(String seed, List<Candidates> tasks) {
        Map<String, Integer> load = new HashMap<>();
        Map<String, String> result = new LinkedHashMap<>();
        List<Candidates> ordered = new ArrayList<>(tasks);
        ordered.sort(Comparator.comparing(Candidates::emitter));
        for (Candidates t : ordered) {
            if (t.firms().isEmpty()) {
                continue;
            }
            int fewest = t.firms().stream().mapToInt(f -> load.getOrDefault(f, 0)).min().orElseThrow();
            List<String> pool = t.firms().stream().sorted().filter(f -> load.getOrDefault(f, 0) == fewest).toList();
            String chosen = pool.get(index(seed, t.emitter(), pool.size()));
            load.merge(chosen, 1, Integer::sum);
            result.put(t.emitter(), chosen);
        }
        return result;
    }

    static List<String> sample(String seed, List<String> items, int n) {
        return items.stream().sorted(Comparator.comparing((String i) -> digest(seed + ":" + i)).thenComparing(i -> i)).limit(n).toList();
    }

    static int index(String seed, String key, int n) {
        return digest(seed + ":" + key).mod(BigInteger.valueOf(n)).intValueExact();
    }

    private static BigInteger digest(String text) {
        return new BigInteger(1, MerkleHash.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
