package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.directory.InclusionSuggestion.Decision;
import org.opencets.shared.Tonnes;

/** 部令第19号 第八条 (26,000 tCO2e), 第十条 and seed 004 §三(一)1 (exit: two consecutive years below, or ceased operation). */
class InclusionRulesTest {

    private static final ListRule RULE_2027 = new ListRule(2027, ListType.NON_POWER, Tonnes.of(26_000), 2, "test");

    @Test
    void seed004_twoConsecutiveYearsBelowThresholdSuggestsExit() {
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(), Map.of(2023, 24_870L, 2024, 23_140L, 2025, 21_930L));
        assertThat(s.decision()).isEqualTo(Decision.EXCLUDE);
        assertThat(s.reason()).isEqualTo("belowThreshold");
        assertThat(s.arguments().get(2)).isEqualTo("2024: 23,140, 2025: 21,930");
    }

    @Test
    void seed004_oneYearBelowIsNotEnoughToExit() {
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(), Map.of(2024, 26_840L, 2025, 25_870L));
        assertThat(s.decision()).isEqualTo(Decision.INCLUDE);
        assertThat(s.reason()).isEqualTo("belowOnlyRecently");
    }

    @Test
    void yearsBelowMustBeConsecutive() {
        // 2023 below, 2024 missing, 2025 below: not two consecutive years
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(), Map.of(2023, 20_000L, 2025, 21_000L));
        assertThat(s.decision()).isEqualTo(Decision.INCLUDE);
    }

    @Test
    void order19_article8_reachingThresholdForTheFirstTimeSuggestsInclusion() {
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(), Map.of(2023, 24_910L, 2024, 26_480L, 2025, 27_950L));
        assertThat(s.decision()).isEqualTo(Decision.INCLUDE);
        assertThat(s.reason()).isEqualTo("newlyAboveThreshold");
    }

    @Test
    void exactlyTheThresholdCounts() {
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(), Map.of(2024, 26_000L, 2025, 26_000L));
        assertThat(s.reason()).isEqualTo("aboveThreshold");
    }

    @Test
    void yearsNotYetVerifiedWhenTheListIsPreparedAreIgnored() {
        // the 2027 list is prepared in 2026: 2026 emissions are not known yet even if recorded early
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(), Map.of(2024, 30_000L, 2025, 30_000L, 2026, 1L));
        assertThat(s.decision()).isEqualTo(Decision.INCLUDE);
    }

    @Test
    void seed004_ceasedOperationSuggestsExit() {
        var shut = unit(LocalDate.of(2024, 1, 6));
        assertThat(InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(shut), Map.of(2025, 90_000L)).decision())
                .isEqualTo(Decision.EXCLUDE);
        assertThat(InclusionRules.suggest(RULE_2027, EmitterStatus.ALL_FACILITIES_SHUT, List.of(), Map.of(2025, 90_000L)).reason())
                .isEqualTo("ceasedOperation");
        assertThat(InclusionRules.suggest(RULE_2027, EmitterStatus.DISSOLVED, List.of(), Map.of()).reason()).isEqualTo("dissolved");
    }

    @Test
    void oneUnitStillRunningKeepsTheEmitter() {
        var s = InclusionRules.suggest(RULE_2027, EmitterStatus.NORMAL, List.of(unit(LocalDate.of(2023, 6, 30)), unit(null)),
                Map.of(2025, 500_000L));
        assertThat(s.decision()).isEqualTo(Decision.INCLUDE);
    }

    @Test
    void thresholdIsTheYearsData() {
        var stricter = new ListRule(2027, ListType.NON_POWER, Tonnes.of(50_000), 2, "test");
        var s = InclusionRules.suggest(stricter, EmitterStatus.NORMAL, List.of(), Map.of(2024, 40_000L, 2025, 45_000L));
        assertThat(s.decision()).isEqualTo(Decision.EXCLUDE);
    }

    private static GeneratingUnit unit(LocalDate shutdown) {
        return new GeneratingUnit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "F", "1", BigDecimal.TEN, UnitCategory.II,
                List.of(Fuel.BITUMINOUS), CoolingType.WATER, LocalDate.of(2000, 1, 1), shutdown, 0);
    }
}
