package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.shared.Vintage;

/** Seed 003 §一: same-year allowances first, the rest of a year's allowances to the other year next, the remainder released, a gap flagged. */
class ForcedCompliancePlanTest {

    static final Vintage V2023 = Vintage.ofYear(2023);
    static final Vintage V2024 = Vintage.ofYear(2024);
    static final Map<Integer, List<Vintage>> BOTH = Map.of(2023, List.of(V2023, V2024), 2024, List.of(V2023, V2024));

    @Test
    void sameYearFirstThenTheOtherYearThenReleaseTheRest() {
        // 2023 owes 100,000 and holds 80,000 of 2023; 2024 owes 50,000 and holds 90,000 of 2024
        ForcedCompliancePlan plan = ForcedCompliancePlan.of(Map.of(2023, 100_000L, 2024, 50_000L), Map.of(V2023, 80_000L, V2024, 90_000L), BOTH);
        assertThat(plan.surrenders().get(2024)).containsExactly(Map.entry(V2024, 50_000L));
        // 2023: its own 80,000, then 20,000 of what is left of 2024's
        assertThat(plan.surrenders().get(2023)).containsExactlyInAnyOrderEntriesOf(Map.of(V2023, 80_000L, V2024, 20_000L));
        assertThat(plan.release()).containsExactly(Map.entry(V2024, 20_000L));
        assertThat(plan.shortfall()).containsExactlyInAnyOrderEntriesOf(Map.of(2023, 0L, 2024, 0L));
    }

    @Test
    void aShortfallIsFlaggedAndNothingReleased() {
        ForcedCompliancePlan plan = ForcedCompliancePlan.of(Map.of(2024, 100_000L), Map.of(V2024, 60_000L), BOTH);
        assertThat(plan.surrenders().get(2024)).containsExactly(Map.entry(V2024, 60_000L));
        assertThat(plan.release()).isEmpty();
        assertThat(plan.shortfall()).containsExactly(Map.entry(2024, 40_000L));
        assertThat(plan.totalShortfall()).isEqualTo(40_000);
    }

    @Test
    void aYearWithoutKnownObligationTakesNothingAndTheSurplusIsReleased() {
        ForcedCompliancePlan plan = ForcedCompliancePlan.of(Map.of(2024, 30_000L), Map.of(V2023, 10_000L, V2024, 50_000L), BOTH);
        assertThat(plan.surrenders()).containsOnlyKeys(2024);
        assertThat(plan.surrenders().get(2024)).containsExactly(Map.entry(V2024, 30_000L));
        assertThat(plan.release()).containsExactlyInAnyOrderEntriesOf(Map.of(V2023, 10_000L, V2024, 20_000L));
    }

    @Test
    void vintagesTheYearDoesNotAcceptAreNotUsed() {
        ForcedCompliancePlan plan = ForcedCompliancePlan.of(Map.of(2023, 50_000L), Map.of(V2024, 50_000L), Map.of(2023, List.of(V2023)));
        assertThat(plan.surrenders()).isEmpty();
        assertThat(plan.shortfall()).containsExactly(Map.entry(2023, 50_000L));
        assertThat(plan.release()).containsExactly(Map.entry(V2024, 50_000L));
    }

    @Test
    void theOtherYearOfThePlan() {
        assertThat(ForcedCompliancePlan.otherYearOfPlan(2023)).isEqualTo(2024);
        assertThat(ForcedCompliancePlan.otherYearOfPlan(2024)).isEqualTo(2023);
        assertThat(ForcedCompliancePlan.otherYearOfPlan(2021)).isEqualTo(2022);
    }
}
