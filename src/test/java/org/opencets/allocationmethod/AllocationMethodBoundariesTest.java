package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocationmethod.AllocationFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.directory.UnitCategory;

/** Boundaries review found wrong once: the borrowing threshold compared exactly, every problem of a unit listed at once. */
class AllocationMethodBoundariesTest {

    /**
     * DOMAIN.md Allocation: borrowing needs "gap ≥ 10%". Obligation 20,000, due 18,001 → gap 1,999 = 9.995 % &lt; 10 %.
     * Rounding the rate to 4 decimals first (0.09995 → 0.1000) would make it eligible.
     */
    @Test
    void gapOf9_995PercentIsBelow10Percent() {
        BorrowingLimit b = BorrowingLimit.of(20_000, 18_001, d("0.10"), d("0.50"));

        assertThat(b.eligible()).isFalse();
        assertThat(b.maximum()).isZero();
    }

    /**
     * "Every problem at once": a unit without category and with negative generation has two problems.
     */
    @Test
    void unitWithoutCategoryAndNegativeGeneration_bothListed() {
        assertThat(refused(method2023(), entity("1", unit("U1", null, "600", "-5", "0", "100", "1")))).containsExactly(
                new MethodProblem("U1", MethodProblem.CATEGORY_MISSING, List.of("U1")), new MethodProblem("U1", MethodProblem.NEGATIVE, List.of("U1")));
    }

    /** Sanity that the fixture is right: a categorised unit with negative generation is refused with NEGATIVE. */
    @Test
    void categorisedUnitWithNegativeGeneration_refused() {
        assertThat(refused(method2023(), entity("1", unit("U1", UnitCategory.III, "600", "-5", "0", "100", "1"))))
                .containsExactly(new MethodProblem("U1", MethodProblem.NEGATIVE, List.of("U1")));
    }
}
