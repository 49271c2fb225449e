package org.opencets.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opencets.directory.InclusionSuggestion.Decision;

/**
 * Suggests whether an emitter belongs on the list for a year (部令第19号 第八条: annual emissions
 * reach 26,000 tCO2e; 第十条 and seed 004 §三(一)1: exit after two consecutive years below it, or
 * when the entity no longer operates). The threshold and the number of years are the year's data.
 * Only verified years up to {@code listYear - 2} are known when a list is prepared.
 */
final class InclusionRules {

    private InclusionRules() {
    }

    static InclusionSuggestion suggest(ListRule rule, EmitterStatus status, List<GeneratingUnit> units, Map<Integer, Long> emissions) {
        if (status == EmitterStatus.DISSOLVED) {
            return new InclusionSuggestion(Decision.EXCLUDE, "dissolved", List.of());
        }
        LocalDate listStart = LocalDate.of(rule.year(), 1, 1);
        boolean allShut = status == EmitterStatus.ALL_FACILITIES_SHUT
                || !units.isEmpty() && units.stream().noneMatch(u -> u.shutdownDate() == null || u.shutdownDate().isAfter(listStart));
        if (allShut) {
            return new InclusionSuggestion(Decision.EXCLUDE, "ceasedOperation", List.of());
        }
        SortedMap<Integer, Long> known = new TreeMap<>(emissions).headMap(rule.year() - 1);
        if (known.isEmpty()) {
            return new InclusionSuggestion(Decision.INCLUDE, "noData", List.of());
        }
        long threshold = rule.inclusionThreshold().value();
        int latestYear = known.lastKey();
        long latest = known.get(latestYear);
        List<Integer> recentYearsBelow = consecutiveYearsBelow(known, threshold);
        if (recentYearsBelow.size() >= rule.exitYearsBelow()) {
            List<Integer> years = recentYearsBelow.subList(0, rule.exitYearsBelow());
            return new InclusionSuggestion(Decision.EXCLUDE, "belowThreshold",
                    List.of(rule.exitYearsBelow(), threshold, describe(known, years.reversed())));
        }
        if (latest < threshold) {
            return new InclusionSuggestion(Decision.INCLUDE, "belowOnlyRecently",
                    List.of(String.valueOf(latestYear), latest, threshold, rule.exitYearsBelow()));
        }
        boolean newlyAbove = known.headMap(latestYear).values().stream().anyMatch(v -> v < threshold);
        return new InclusionSuggestion(Decision.INCLUDE, newlyAbove ? "newlyAboveThreshold" : "aboveThreshold",
                List.of(String.valueOf(latestYear), latest, threshold));
    }

    /** The latest years, newest first, that are consecutive calendar years all below the threshold. */
    private static List<Integer> consecutiveYearsBelow(SortedMap<Integer, Long> known, long threshold) {
        List<Integer> years = new ArrayList<>();
        int expected = known.lastKey();
        for (int year : known.keySet().stream().sorted((a, b) -> b - a).toList()) {
            if (year != expected || known.get(year) >= threshold) {
                break;
            }
            years.add(year);
            expected--;
        }
        return years;
    }

    private static String describe(Map<Integer, Long> known, List<Integer> years) {
        return String.join(", ", years.stream().map(y -> y + ": " + String.format("%,d", known.get(y))).toList());
    }
}
