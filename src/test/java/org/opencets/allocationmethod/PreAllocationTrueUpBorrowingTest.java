package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocationmethod.AllocationFixtures.*;

import org.junit.jupiter.api.Test;
import org.opencets.accounting.Figure;

/**
 * DOMAIN.md Allocation: "Pre-allocation 70% of the previous year's verified emissions; final allocation trues up (多退少补)";
 * "Borrowing (2021/22 only): gap ≥ 10% → up to 50% of the gap".
 */
class PreAllocationTrueUpBorrowingTest {

    /** 0.70 × 1,234,567.89 = 864,197.523 → ⌊⌋ 864,197 (half up would give 864,198). */
    @Test
    void preAllocation70PercentFloored() {
        Figure pre = PreAllocation.of(method2023(), d("1234567.89"));

        assertThat(pre.value()).isEqualByComparingTo("864197");
        assertThat(pre.formula()).isEqualTo("⌊r × E(y−1)⌋");
        assertThat(UnitAllocationByCategoryTest.inputs(pre)).containsExactly("r=0.7  @rules:2023", "E(y−1)=1234567.89 tCO2 @verified:2022");
    }

    /** Floor, not half up: 0.70 × 999.99 = 699.993 → 699; 0.70 × 1,000.99 = 700.693 → 700 (half up 701). */
    @Test
    void preAllocationRoundsDown() {
        assertThat(PreAllocation.of(method2023(), d("999.99")).value()).isEqualByComparingTo("699");
        assertThat(PreAllocation.of(method2023(), d("1000.99")).value()).isEqualByComparingTo("700");
    }

    /** Due 1,000,000 − issued 700,000 − borrowed 50,000 = 250,000 still to issue. */
    @Test
    void trueUpPositive_issueTheRest() {
        Figure t = TrueUp.of(1_000_000, 700_000, 50_000);

        assertThat(t.value()).isEqualByComparingTo("250000");
        assertThat(t.formula()).isEqualTo("A_due − issued − borrowed");
        assertThat(UnitAllocationByCategoryTest.inputs(t)).containsExactly("A_due=1000000 t @allocationDue", "issued=700000 t @issued",
                "borrowed=50000 t @borrowing");
    }

    /** Due 600,000 − issued 700,000 − 0 = −100,000 to take back. */
    @Test
    void trueUpNegative_takeBack() {
        assertThat(TrueUp.of(600_000, 700_000, 0).value()).isEqualByComparingTo("-100000");
    }

    /** Due 864,197 − issued 864,197 − 0 = 0. */
    @Test
    void trueUpZero() {
        assertThat(TrueUp.of(864_197, 864_197, 0).value()).isEqualByComparingTo("0");
    }

    /** Exactly 10 %: obligation 100,000, due 90,000 → gap 10,000, rate 0.1000 → eligible; max ⌊0.5 × 10,000⌋ = 5,000. */
    @Test
    void borrowingAtExactly10Percent_eligible() {
        BorrowingLimit b = BorrowingLimit.of(100_000, 90_000, d("0.10"), d("0.50"));

        assertThat(b.gap()).isEqualTo(10_000L);
        assertThat(b.gapRate().toPlainString()).isEqualTo("0.1000");
        assertThat(b.eligible()).isTrue();
        assertThat(b.maximum()).isEqualTo(5_000L);
    }

    /** 9.99 %: obligation 100,000, due 90,010 → gap 9,990, rate 0.0999 → not eligible, maximum 0. */
    @Test
    void borrowingAt9_99Percent_notEligible() {
        BorrowingLimit b = BorrowingLimit.of(100_000, 90_010, d("0.10"), d("0.50"));

        assertThat(b.gap()).isEqualTo(9_990L);
        assertThat(b.gapRate().toPlainString()).isEqualTo("0.0999");
        assertThat(b.eligible()).isFalse();
        assertThat(b.maximum()).isZero();
    }

    /** Max share floored: obligation 100,001, due 89,990 → gap 10,011 (10.01 %) → ⌊0.5 × 10,011⌋ = ⌊5,005.5⌋ = 5,005. */
    @Test
    void borrowingMaximumRoundsDown() {
        BorrowingLimit b = BorrowingLimit.of(100_001, 89_990, d("0.10"), d("0.50"));

        assertThat(b.gap()).isEqualTo(10_011L);
        assertThat(b.eligible()).isTrue();
        assertThat(b.maximum()).isEqualTo(5_005L);
    }

    /** No gap (due above the obligation) and no obligation: gap 0, not eligible. */
    @Test
    void borrowingWithoutGap() {
        BorrowingLimit surplus = BorrowingLimit.of(100_000, 120_000, d("0.10"), d("0.50"));
        assertThat(surplus.gap()).isZero();
        assertThat(surplus.eligible()).isFalse();
        assertThat(surplus.maximum()).isZero();
        BorrowingLimit none = BorrowingLimit.of(0, 0, d("0.10"), d("0.50"));
        assertThat(none.gapRate()).isEqualByComparingTo("0");
        assertThat(none.eligible()).isFalse();
    }
}
