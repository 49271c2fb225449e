package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reproducible random draw and re-verification sample (issue 6: logged seed, anyone can redo it). */
class DrawAlgorithmTest {

    private static final String SEED = "2025-draw-7f3a";

    // emitters and firms are USCC strings; the algorithm only sorts and hashes them
    private static final String E1 = "91330602MA2BCDE0X0";
    private static final String E2 = "91330100MA2AAAA010";
    private static final String E3 = "91330200MA2BBBB020";
    private static final String E4 = "91330300MA2CCCC030";
    private static final String F1 = "91110000MA01FRM001";
    private static final String F2 = "91310000MA1FRM0002";
    private static final String F3 = "91440000MA5FRM0003";

    /** SHA-256(text) as an unsigned big-endian number, computed here independently of the production code. */
    private static BigInteger sha256(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static int expectedIndex(String seed, String key, int n) {
        return sha256(seed + ":" + key).mod(BigInteger.valueOf(n)).intValueExact();
    }

    private static DrawAlgorithm.Candidates task(String emitter, String... firms) {
        return new DrawAlgorithm.Candidates(emitter, List.of(firms));
    }

    private static List<DrawAlgorithm.Candidates> fourTasksThreeFirms() {
        return List.of(task(E1, F1, F2, F3), task(E2, F2, F3), task(E3, F1, F3), task(E4, F3, F1, F2));
    }

    // --- index ---

    @Test
    void indexIsSha256OfSeedColonKeyModN() {
        // SHA-256("2025-draw-7f3a:91330602MA2BCDE0X0") mod 7 = 2, mod 2 = 1 (worked out with python hashlib as well)
        assertThat(DrawAlgorithm.index(SEED, E1, 7)).isEqualTo(expectedIndex(SEED, E1, 7)).isEqualTo(2);
        assertThat(DrawAlgorithm.index(SEED, E1, 2)).isEqualTo(expectedIndex(SEED, E1, 2)).isEqualTo(1);
    }

    @Test
    void indexMatchesIndependentComputationForManyInputs() {
        for (int i = 0; i < 200; i++) {
            String seed = "seed-" + i;
            String key = i % 2 == 0 ? E2 : "排放单位-" + i; // non-ASCII keys are hashed as UTF-8
            int n = 1 + i % 9;
            assertThat(DrawAlgorithm.index(seed, key, n)).as("seed %s key %s n %d", seed, key, n).isEqualTo(expectedIndex(seed, key, n));
        }
    }

    @Test
    void indexOfOneCandidateIsAlwaysZero() {
        assertThat(DrawAlgorithm.index(SEED, E1, 1)).isZero();
        assertThat(DrawAlgorithm.index("other", E3, 1)).isZero();
    }

    // --- draw ---

    @Test
    void singleTaskPicksTheFirmAtTheHashIndexAmongFirmsSortedByUscc() {
        // firms given unsorted; the index applies to the USCC order F1 < F2 < F3
        Map<String, String> result = DrawAlgorithm.draw(SEED, List.of(task(E1, F3, F1, F2)));
        List<String> sorted = List.of(F1, F2, F3);
        assertThat(result).containsExactly(Map.entry(E1, sorted.get(expectedIndex(SEED, E1, 3))));
    }

    @Test
    void sameSeedAndInputsGiveTheSameResult() {
        Map<String, String> first = DrawAlgorithm.draw(SEED, fourTasksThreeFirms());
        Map<String, String> second = DrawAlgorithm.draw(SEED, fourTasksThreeFirms());
        assertThat(first).hasSize(4).isEqualTo(second);
        assertThat(first).isEqualTo(referenceDraw(SEED, fourTasksThreeFirms()));
    }

    @Test
    void orderOfTasksAndOfFirmsDoesNotMatter() {
        Map<String, String> base = DrawAlgorithm.draw(SEED, fourTasksThreeFirms());
        List<DrawAlgorithm.Candidates> shuffled = new ArrayList<>();
        for (DrawAlgorithm.Candidates c : fourTasksThreeFirms()) {
            List<String> firms = new ArrayList<>(c.firms());
            Collections.reverse(firms);
            shuffled.add(new DrawAlgorithm.Candidates(c.emitter(), firms));
        }
        Collections.reverse(shuffled);
        assertThat(DrawAlgorithm.draw(SEED, shuffled)).isEqualTo(base);
        for (long s = 0; s < 20; s++) {
            Collections.shuffle(shuffled, new Random(s));
            assertThat(DrawAlgorithm.draw(SEED, shuffled)).isEqualTo(base);
        }
    }

    @Test
    void resultIsOrderedByEmitterUscc() {
        Map<String, String> result = DrawAlgorithm.draw(SEED, fourTasksThreeFirms());
        // E2 "…330100…" < E3 "…330200…" < E4 "…330300…" < E1 "…330602…"
        assertThat(result.keySet()).containsExactly(E2, E3, E4, E1);
    }

    @Test
    void differentSeedsCanGiveDifferentResults() {
        List<DrawAlgorithm.Candidates> tasks = fourTasksThreeFirms();
        Map<String, String> base = DrawAlgorithm.draw("seed-0", tasks);
        String differing = IntStream.range(1, 100).mapToObj(i -> "seed-" + i)
                .filter(s -> !DrawAlgorithm.draw(s, tasks).equals(base)).findFirst().orElse(null);
        assertThat(differing).as("some seed among seed-1..seed-99 gives another assignment").isNotNull();
        assertThat(DrawAlgorithm.draw(differing, tasks)).isNotEqualTo(base).isEqualTo(referenceDraw(differing, tasks));
    }

    @Test
    void onlyEligibleFirmsAreEverChosen() {
        List<String> firms = List.of(F1, F2, F3, "91500000MA6FRM0004", "91610000MA7FRM0005");
        List<String> emitters = IntStream.range(0, 12).mapToObj(i -> "9133%02d00MA2EMT%03d".formatted(i + 1, i)).toList();
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<DrawAlgorithm.Candidates> tasks = new ArrayList<>();
            for (String e : emitters) {
                List<String> eligible = firms.stream().filter(f -> random.nextInt(3) > 0).toList();
                tasks.add(new DrawAlgorithm.Candidates(e, eligible));
            }
            String seed = "round-" + round;
            Map<String, String> result = DrawAlgorithm.draw(seed, tasks);
            for (DrawAlgorithm.Candidates t : tasks) {
                if (t.firms().isEmpty()) {
                    assertThat(result).doesNotContainKey(t.emitter());
                } else {
                    assertThat(result.get(t.emitter())).as("%s in round %d", t.emitter(), round).isIn(t.firms());
                }
            }
            assertThat(result).isEqualTo(referenceDraw(seed, tasks));
        }
    }

    @Test
    void tasksWithoutCandidatesAreLeftUnassigned() {
        Map<String, String> result = DrawAlgorithm.draw(SEED, List.of(task(E1, F1), task(E2), task(E3, F2)));
        assertThat(result).containsOnlyKeys(E1, E3).containsEntry(E1, F1).containsEntry(E3, F2);
        assertThat(DrawAlgorithm.draw(SEED, List.of(task(E2)))).isEmpty();
        assertThat(DrawAlgorithm.draw(SEED, List.of())).isEmpty();
    }

    @Test
    void loadIsBalancedFourTasksTwoFirmsEachGetsTwo() {
        List<DrawAlgorithm.Candidates> tasks = List.of(task(E1, F1, F2), task(E2, F2, F1), task(E3, F1, F2), task(E4, F1, F2));
        for (int i = 0; i < 50; i++) {
            Map<String, Long> counts = countPerFirm(DrawAlgorithm.draw("seed-" + i, tasks));
            assertThat(counts).as("seed-%d", i).containsExactlyInAnyOrderEntriesOf(Map.of(F1, 2L, F2, 2L));
        }
    }

    @Test
    void fewestSoFarWinsOverTheHash() {
        // E2 (first by USCC) can only go to F1; then E3 can go to F1 or F2: F2 has fewer tasks, so F2 regardless of seed
        List<DrawAlgorithm.Candidates> tasks = List.of(task(E2, F1), task(E3, F1, F2));
        for (int i = 0; i < 30; i++) {
            assertThat(DrawAlgorithm.draw("seed-" + i, tasks)).containsExactly(Map.entry(E2, F1), Map.entry(E3, F2));
        }
    }

    private static Map<String, Long> countPerFirm(Map<String, String> result) {
        Map<String, Long> counts = new HashMap<>();
        result.values().forEach(f -> counts.merge(f, 1L, Long::sum));
        return counts;
    }

    /** The documented algorithm, written out independently: emitters by USCC; fewest-so-far; SHA-256 index over sorted firms. */
    private static Map<String, String> referenceDraw(String seed, List<DrawAlgorithm.Candidates> tasks) {
        Map<String, Integer> load = new HashMap<>();
        Map<String, String> result = new LinkedHashMap<>();
        tasks.stream().sorted(Comparator.comparing(DrawAlgorithm.Candidates::emitter)).forEach(t -> {
            if (t.firms().isEmpty()) {
                return;
            }
            int min = Integer.MAX_VALUE;
            for (String f : t.firms()) {
                min = Math.min(min, load.getOrDefault(f, 0));
            }
            List<String> pool = new ArrayList<>();
            for (String f : t.firms()) {
                if (load.getOrDefault(f, 0) == min) {
                    pool.add(f);
                }
            }
            Collections.sort(pool);
            String chosen = pool.get(expectedIndex(seed, t.emitter(), pool.size()));
            load.merge(chosen, 1, Integer::sum);
            result.put(t.emitter(), chosen);
        });
        return result;
    }

    // --- sample ---

    private static final List<String> ITEMS = IntStream.range(0, 20).mapToObj(i -> "task-" + i).toList();

    @Test
    void sampleReturnsNDistinctItemsFromTheInput() {
        List<String> sample = DrawAlgorithm.sample(SEED, ITEMS, 5);
        assertThat(sample).hasSize(5).doesNotHaveDuplicates();
        assertThat(ITEMS).containsAll(sample);
    }

    @Test
    void sampleIsReproducible() {
        assertThat(DrawAlgorithm.sample(SEED, ITEMS, 5)).isEqualTo(DrawAlgorithm.sample(SEED, ITEMS, 5));
    }

    @Test
    void sampleDoesNotDependOnInputOrder() {
        List<String> base = DrawAlgorithm.sample(SEED, ITEMS, 5);
        List<String> shuffled = new ArrayList<>(ITEMS);
        for (long s = 0; s < 20; s++) {
            Collections.shuffle(shuffled, new Random(s));
            assertThat(DrawAlgorithm.sample(SEED, shuffled, 5)).isEqualTo(base);
        }
    }

    @Test
    void sampleIsTheFirstNItemsOrderedBySha256OfSeedColonItem() {
        List<String> expected = ITEMS.stream().sorted(Comparator.comparing((String i) -> sha256(SEED + ":" + i))).limit(5).toList();
        assertThat(DrawAlgorithm.sample(SEED, ITEMS, 5)).isEqualTo(expected);
    }

    @Test
    void largerSampleExtendsTheSmallerOne() {
        List<String> five = DrawAlgorithm.sample(SEED, ITEMS, 5);
        List<String> eight = DrawAlgorithm.sample(SEED, ITEMS, 8);
        assertThat(eight.subList(0, 5)).isEqualTo(five);
    }

    @Test
    void sampleDependsOnTheSeed() {
        List<String> base = DrawAlgorithm.sample("seed-0", ITEMS, 5);
        assertThat(IntStream.range(1, 50).mapToObj(i -> DrawAlgorithm.sample("seed-" + i, ITEMS, 5)).anyMatch(s -> !s.equals(base))).isTrue();
    }

    @Test
    void sampleOfMoreThanAvailableReturnsEverythingAndZeroReturnsNothing() {
        assertThat(DrawAlgorithm.sample(SEED, ITEMS, 100)).hasSize(20).containsExactlyInAnyOrderElementsOf(ITEMS);
        assertThat(DrawAlgorithm.sample(SEED, ITEMS, 0)).isEmpty();
    }
}
