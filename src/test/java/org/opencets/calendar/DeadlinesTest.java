package org.opencets.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of deadline computed from the shipped rules and the official calendar, with real dates. */
@IntegrationTest
class DeadlinesTest {

    static final RegionCode BEILUN = RegionCode.of("330206");
    static final RegionCode SHAOXING = RegionCode.of("330600");
    static final RegionCode NINGBO = RegionCode.of("330200");
    static final RegionCode CHONGQING = RegionCode.of("500000");

    @Autowired
    Deadlines deadlines;

    @Test
    void seed002_monthlyDepositIsDueTwentyNaturalDaysAfterMonthEnd() {
        Deadline january = deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT, YearMonth.of(2024, 1), BEILUN);
        assertThat(january.due()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(january.anchor()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(january.movedOffDayOff()).isFalse();
    }

    @Test
    void seed002_aNaturalDayDeadlineOnADayOffMovesToTheNextWorkingDay() {
        // 20 days after 2024-09-30 is Sunday 2024-10-20 → Monday 10-21 (民法典 第二百零三条)
        Deadline september = deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT, YearMonth.of(2024, 9), BEILUN);
        assertThat(september.unadjusted()).isEqualTo(LocalDate.of(2024, 10, 20));
        assertThat(september.due()).isEqualTo(LocalDate.of(2024, 10, 21));
        assertThat(september.movedOffDayOff()).isTrue();
    }

    @Test
    void seed002_correctionWithinThreeWorkingDaysOfARequestOnTheFridayBeforeNationalDay() {
        Deadline d = deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2024, BEILUN, LocalDate.of(2024, 9, 27));
        assertThat(d.due()).isEqualTo(LocalDate.of(2024, 10, 8));
    }

    @Test
    void seed002_districtReviewIsFiveDaysFromSubmissionButAtMostTwentyFiveAfterMonthEnd() {
        YearMonth march = YearMonth.of(2024, 3);
        // submitted on 04-10: 5 days → 04-15, well before the cap (03-31 + 25 = 04-25)
        Deadline early = deadlines.dueAfter(DeadlineKind.MONTHLY_DEPOSIT_DISTRICT_REVIEW, 2024, BEILUN, LocalDate.of(2024, 4, 10));
        assertThat(deadlines.cappedAfterMonthEnd(early, march, 25).due()).isEqualTo(early.due());
        // submitted on the last day, 04-22: 5 days would run past the cap → 04-25 (最多25个自然日内)
        Deadline last = deadlines.dueAfter(DeadlineKind.MONTHLY_DEPOSIT_DISTRICT_REVIEW, 2024, BEILUN, LocalDate.of(2024, 4, 22));
        assertThat(last.due()).isAfter(LocalDate.of(2024, 4, 25));
        assertThat(deadlines.cappedAfterMonthEnd(last, march, 25).due()).isEqualTo(LocalDate.of(2024, 4, 25));
        // a late submission (after the cap) still gets its 5 days: nobody can review before it arrives
        Deadline late = deadlines.dueAfter(DeadlineKind.MONTHLY_DEPOSIT_DISTRICT_REVIEW, 2024, BEILUN, LocalDate.of(2024, 5, 6));
        assertThat(deadlines.cappedAfterMonthEnd(late, march, 25)).isEqualTo(late);
    }

    @Test
    void seed001_pendingOffsetCcerRecalledFifteenWorkingDaysAfterThePeriodEnds() {
        Deadline d = deadlines.dueAfter(DeadlineKind.PENDING_OFFSET_RECALL, 2022, BEILUN, LocalDate.of(2023, 12, 31));
        assertThat(d.due()).isEqualTo(LocalDate.of(2024, 1, 22));
    }

    @Test
    void seed002_aFixedYearlyDateOnASaturdayMovesToMonday() {
        // the 2026 non-power list is due Jan 31; 2026-01-31 is a Saturday
        Deadline d = deadlines.due(DeadlineKind.LIST_PROPOSAL_NON_POWER, 2026, SHAOXING);
        assertThat(d.unadjusted()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(d.due()).isEqualTo(LocalDate.of(2026, 2, 2));
    }

    @Test
    void seed002_aDateFixedForOneYearStandsEvenOnASunday() {
        // 2021/2022 surrender: 95% by 2023-10-15, a Sunday, stated as an exact date (AS_STATED)
        Deadline d = deadlines.due(DeadlineKind.SURRENDER_INTERIM, 2022, CHONGQING);
        assertThat(d.due()).isEqualTo(LocalDate.of(2023, 10, 15));
        assertThat(d.rule().dayOffPolicy()).isEqualTo(DayOffPolicy.AS_STATED);
        assertThat(d.rule().regionPrefix()).isEqualTo("50");
    }

    @Test
    void aDateInAYearWithoutAnnouncedHolidaysIsProvisional() {
        // 2026 power report due 2027-02-01; the 2027 holidays are not entered, so weekends only are assumed
        Deadline d = deadlines.due(DeadlineKind.ANNUAL_REPORT_POWER, 2026, BEILUN);
        assertThat(d.due()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(d.provisional()).isTrue();
        assertThat(deadlines.due(DeadlineKind.ANNUAL_REPORT_POWER, 2024, BEILUN).provisional()).isFalse();
    }

    @Test
    void aRegionsOwnRuleAppliesFromItsInForceDateAndOnlyThere() {
        CurrentUser shaoxingOfficer = new CurrentUser(null, "sx.test", "Test", null, "绍兴市生态环境局", OrganisationKind.CITY_BUREAU,
                SHAOXING, null, EnumSet.of(Role.OFFICER));
        deadlines.record(shaoxingOfficer, new NewDeadlineRule(2025, DeadlineKind.VERIFIER_EVALUATION, "3306", LocalDate.of(2026, 7, 24),
                null, null, DayOffPolicy.NEXT_WORKING_DAY, "绍兴市测试通知 §1", LocalDate.of(2026, 6, 1), null));

        LocalDate before = LocalDate.of(2026, 5, 31);
        LocalDate after = LocalDate.of(2026, 6, 1);
        assertThat(deadlines.dueAsOf(DeadlineKind.VERIFIER_EVALUATION, 2025, SHAOXING, null, before).due()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(deadlines.dueAsOf(DeadlineKind.VERIFIER_EVALUATION, 2025, SHAOXING, null, after).due()).isEqualTo(LocalDate.of(2026, 7, 24));
        assertThat(deadlines.dueAsOf(DeadlineKind.VERIFIER_EVALUATION, 2025, NINGBO, null, after).due()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(deadlines.versions(DeadlineKind.VERIFIER_EVALUATION, 2025)).extracting(DeadlineRule::regionPrefix).contains("", "3306");
    }

    @Test
    void aYearWithoutARuleSaysSo() {
        assertThatThrownBy(() -> deadlines.due(DeadlineKind.VERIFIER_EVALUATION, 2099, BEILUN))
                .isInstanceOf(DeadlineNotSet.class).hasMessageContaining("2099");
    }

    @Test
    void recordedRulesCannotBeChangedInTheDatabase() {
        assertThatThrownBy(() -> jdbc.sql("update calendar.deadline_rule set fixed_date = fixed_date + 1 where compliance_year = 2024").update())
                .hasMessageContaining("append-only");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
