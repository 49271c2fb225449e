package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which year's allowances are borrowed and where they are deducted. */
class LendingYearTest {

    @Test
    void seed003_三_bothYearsOfThe2021To2022PeriodBorrow2023Allowances() {
        // seed 003 §三: "组织满足…要求的重点排放单位申报预支2023年度配额" for the 2021 and 2022 obligations alike
        assertThat(Borrowings.lendingYear(2021)).isEqualTo(2023);
        assertThat(Borrowings.lendingYear(2022)).isEqualTo(2023);
    }

    @Test
    void fromTheOneYearPeriodsTheNextYearIsBorrowed() {
        assertThat(Borrowings.lendingYear(2023)).isEqualTo(2024);
        assertThat(Borrowings.lendingYear(2020)).isEqualTo(2021);
    }
}
