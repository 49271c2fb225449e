package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/** Conflicts of interest and qualification (issue 6; 条例 2024 第十四条). */
class ConflictRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final UUID FIRM_ID = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private static final Uscc EMITTER = uscc("91330602MA2BCDE0X"); // the emitter to verify, Zhejiang (33)
    private static final Uscc OTHER_EMITTER = uscc("91330100MA2AAAA01");
    private static final String PROVINCE = "33";

    private static final ConflictRules RULES = new ConflictRules(3, true);
    private static final ConflictRules RULES_NO_PREPARATION_EXCLUSION = new ConflictRules(3, false);

    private static final ConflictRules.Target TARGET = new ConflictRules.Target(EMITTER, PROVINCE, Sector.POWER, 2025);

    private static Uscc uscc(String first17) {
        return Uscc.of(first17 + Uscc.checkCharacter(first17));
    }

    private static Firm firm(boolean active, Set<Sector> sectors) {
        return new Firm(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), uscc("91330000MA2FXRM01"), "浙江某核查公司",
                RegionCode.of("330000"), "qualification on file", sectors, active, 1);
    }

    private static Firm cleanFirm() {
        return firm(true, Set.of(Sector.POWER, Sector.STEEL));
    }

    private static Verifier verifier(LocalDate until, Set<Sector> sectors, boolean active) {
        return new Verifier(UUID.randomUUID(), FIRM_ID, "张三", "HC-0001", until, sectors, active);
    }

    private static List<Verifier> qualifiedStaff() {
        return List.of(verifier(LocalDate.of(2027, 12, 31), Set.of(Sector.POWER), true));
    }

    private static Engagement engagement(Uscc emitter, String province, int year, Engagement.Kind kind) {
        return new Engagement(UUID.randomUUID(), FIRM_ID, emitter, province, year, kind, "note", Instant.parse("2025-01-10T00:00:00Z"), "tester");
    }

    private static List<Conflict.Code> codes(List<Conflict> conflicts) {
        return conflicts.stream().map(Conflict::code).toList();
    }

    private static List<Conflict> check(ConflictRules rules, Firm firm, Collection<Verifier> staff, Collection<Engagement> engagements,
            Set<Integer> yearsVerified) {
        return rules.check(firm, staff, TARGET, engagements, yearsVerified, TODAY);
    }

    // --- clean ---

    @Test
    void cleanFirmHasNoConflict() {
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), List.of(), Set.of())).isEmpty();
    }

    @Test
    void cleanFirmWithUnrelatedHistoryHasNoConflict() {
        // engagements for other emitters in other provinces, or other years; verified only once before: nothing fires
        List<Engagement> engagements = List.of(
                engagement(OTHER_EMITTER, "44", 2025, Engagement.Kind.REPORT_PREPARATION),
                engagement(OTHER_EMITTER, PROVINCE, 2024, Engagement.Kind.REPORT_PREPARATION),
                engagement(EMITTER, PROVINCE, 2024, Engagement.Kind.CONSULTING));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of(2024))).isEmpty();
    }

    // --- FIRM_INACTIVE ---

    @Test
    void inactiveFirmConflicts() {
        List<Conflict> conflicts = check(RULES, firm(false, Set.of(Sector.POWER)), qualifiedStaff(), List.of(), Set.of());
        assertThat(conflicts).containsExactly(new Conflict(Conflict.Code.FIRM_INACTIVE, List.of()));
        assertThat(conflicts.get(0).messageKey()).isEqualTo("verification.conflict.FIRM_INACTIVE");
    }

    // --- SECTOR_NOT_QUALIFIED ---

    @Test
    void firmNotQualifiedForSectorConflictsAndNoVerifierCheckIsReported() {
        Firm steelOnly = firm(true, Set.of(Sector.STEEL));
        // the staff is irrelevant: the firm itself lacks the sector, reported once, no NO_QUALIFIED_VERIFIER on top
        assertThat(check(RULES, steelOnly, qualifiedStaff(), List.of(), Set.of()))
                .containsExactly(new Conflict(Conflict.Code.SECTOR_NOT_QUALIFIED, List.of("POWER")));
        assertThat(check(RULES, steelOnly, List.of(), List.of(), Set.of()))
                .containsExactly(new Conflict(Conflict.Code.SECTOR_NOT_QUALIFIED, List.of("POWER")));
    }

    // --- NO_QUALIFIED_VERIFIER ---

    @Test
    void noStaffAtAllConflicts() {
        assertThat(check(RULES, cleanFirm(), List.of(), List.of(), Set.of()))
                .containsExactly(new Conflict(Conflict.Code.NO_QUALIFIED_VERIFIER, List.of("POWER")));
    }

    @Test
    void verifierWithExpiredCredentialDoesNotQualify() {
        List<Verifier> staff = List.of(verifier(TODAY.minusDays(1), Set.of(Sector.POWER), true));
        assertThat(codes(check(RULES, cleanFirm(), staff, List.of(), Set.of()))).containsExactly(Conflict.Code.NO_QUALIFIED_VERIFIER);
    }

    @Test
    void credentialValidThroughTodayStillQualifies() {
        List<Verifier> staff = List.of(verifier(TODAY, Set.of(Sector.POWER), true));
        assertThat(check(RULES, cleanFirm(), staff, List.of(), Set.of())).isEmpty();
    }

    @Test
    void inactiveVerifierDoesNotQualify() {
        List<Verifier> staff = List.of(verifier(LocalDate.of(2027, 12, 31), Set.of(Sector.POWER), false));
        assertThat(codes(check(RULES, cleanFirm(), staff, List.of(), Set.of()))).containsExactly(Conflict.Code.NO_QUALIFIED_VERIFIER);
    }

    @Test
    void verifierForAnotherSectorDoesNotQualify() {
        // the firm is qualified for POWER and STEEL, its only verifier only for STEEL
        List<Verifier> staff = List.of(verifier(LocalDate.of(2027, 12, 31), Set.of(Sector.STEEL), true));
        assertThat(codes(check(RULES, cleanFirm(), staff, List.of(), Set.of()))).containsExactly(Conflict.Code.NO_QUALIFIED_VERIFIER);
    }

    @Test
    void oneQualifiedVerifierAmongUnqualifiedOnesIsEnough() {
        List<Verifier> staff = List.of(
                verifier(TODAY.minusDays(1), Set.of(Sector.POWER), true),
                verifier(LocalDate.of(2027, 12, 31), Set.of(Sector.POWER), false),
                verifier(LocalDate.of(2027, 12, 31), Set.of(Sector.STEEL), true),
                verifier(LocalDate.of(2027, 12, 31), Set.of(Sector.STEEL, Sector.POWER), true));
        assertThat(check(RULES, cleanFirm(), staff, List.of(), Set.of())).isEmpty();
    }

    // --- CONSULTED_EMITTER (issue 6) ---

    @Test
    void issue6_preparedThisEmittersReportForTheSameYearConflicts() {
        List<Engagement> engagements = List.of(engagement(EMITTER, PROVINCE, 2025, Engagement.Kind.REPORT_PREPARATION));
        // without the province rule only CONSULTED_EMITTER; the own emitter is not "another emitter in the province"
        assertThat(check(RULES_NO_PREPARATION_EXCLUSION, cleanFirm(), qualifiedStaff(), engagements, Set.of()))
                .containsExactly(new Conflict(Conflict.Code.CONSULTED_EMITTER, List.of("REPORT_PREPARATION", 2025)));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of()))
                .containsExactly(new Conflict(Conflict.Code.CONSULTED_EMITTER, List.of("REPORT_PREPARATION", 2025)));
    }

    @Test
    void issue6_consultedForThisEmitterInTheSameYearConflicts() {
        List<Engagement> engagements = List.of(engagement(EMITTER, PROVINCE, 2025, Engagement.Kind.CONSULTING));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of()))
                .containsExactly(new Conflict(Conflict.Code.CONSULTED_EMITTER, List.of("CONSULTING", 2025)));
    }

    @Test
    void issue6_consultingForThisEmitterInAnotherYearDoesNotConflict() {
        List<Engagement> engagements = List.of(
                engagement(EMITTER, PROVINCE, 2024, Engagement.Kind.CONSULTING),
                engagement(EMITTER, PROVINCE, 2026, Engagement.Kind.REPORT_PREPARATION));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of())).isEmpty();
    }

    @Test
    void issue6_consultingForAnotherEmitterDoesNotConflict() {
        List<Engagement> engagements = List.of(engagement(OTHER_EMITTER, PROVINCE, 2025, Engagement.Kind.CONSULTING));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of())).isEmpty();
    }

    @Test
    void issue6_severalEngagementsForTheEmitterAreReportedOnce() {
        List<Engagement> engagements = List.of(
                engagement(EMITTER, PROVINCE, 2025, Engagement.Kind.CONSULTING),
                engagement(EMITTER, PROVINCE, 2025, Engagement.Kind.CONSULTING));
        assertThat(codes(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of()))).containsExactly(Conflict.Code.CONSULTED_EMITTER);
    }

    // --- PREPARES_REPORTS_IN_PROVINCE (条例 2024 第十四条) ---

    @Test
    void regulation2024Art14_preparingAnotherEmittersReportInTheProvinceThisYearConflicts() {
        List<Engagement> engagements = List.of(engagement(OTHER_EMITTER, PROVINCE, 2025, Engagement.Kind.REPORT_PREPARATION));
        List<Conflict> conflicts = check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of());
        assertThat(conflicts).containsExactly(new Conflict(Conflict.Code.PREPARES_REPORTS_IN_PROVINCE, List.of(2025)));
        assertThat(conflicts.get(0).messageKey()).isEqualTo("verification.conflict.PREPARES_REPORTS_IN_PROVINCE");
    }

    @Test
    void regulation2024Art14_onlyWhenTheYearsRuleSaysSo() {
        List<Engagement> engagements = List.of(engagement(OTHER_EMITTER, PROVINCE, 2025, Engagement.Kind.REPORT_PREPARATION));
        assertThat(check(RULES_NO_PREPARATION_EXCLUSION, cleanFirm(), qualifiedStaff(), engagements, Set.of())).isEmpty();
    }

    @Test
    void regulation2024Art14_consultingInTheProvinceIsNotPreparation() {
        List<Engagement> engagements = List.of(engagement(OTHER_EMITTER, PROVINCE, 2025, Engagement.Kind.CONSULTING));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of())).isEmpty();
    }

    @Test
    void regulation2024Art14_preparationInAnotherProvinceDoesNotConflict() {
        List<Engagement> engagements = List.of(engagement(OTHER_EMITTER, "44", 2025, Engagement.Kind.REPORT_PREPARATION));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of())).isEmpty();
    }

    @Test
    void regulation2024Art14_preparationInTheProvinceInAnotherYearDoesNotConflict() {
        List<Engagement> engagements = List.of(
                engagement(OTHER_EMITTER, PROVINCE, 2024, Engagement.Kind.REPORT_PREPARATION),
                engagement(OTHER_EMITTER, PROVINCE, 2026, Engagement.Kind.REPORT_PREPARATION));
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), engagements, Set.of())).isEmpty();
    }

    // --- CONSECUTIVE_YEARS (issue 6) ---

    @Test
    void issue6_threeYearsInARowBlocksTheFourth() {
        // verified 2022, 2023, 2024 → run of 3 directly before 2025 ≥ max 3 → conflict (args: run, max)
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), List.of(), Set.of(2022, 2023, 2024)))
                .containsExactly(new Conflict(Conflict.Code.CONSECUTIVE_YEARS, List.of(3, 3)));
    }

    @Test
    void issue6_aGapResetsTheRun() {
        // verified 2021, 2023, 2024 → 2022 missing, run before 2025 is 2 < 3 → no conflict
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), List.of(), Set.of(2021, 2023, 2024))).isEmpty();
    }

    @Test
    void issue6_twoYearsInARowIsAllowed() {
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), List.of(), Set.of(2023, 2024))).isEmpty();
    }

    @Test
    void issue6_longerRunReportsItsLength() {
        // 2019..2024 → run 6
        assertThat(check(RULES, cleanFirm(), qualifiedStaff(), List.of(), Set.of(2019, 2020, 2021, 2022, 2023, 2024)))
                .containsExactly(new Conflict(Conflict.Code.CONSECUTIVE_YEARS, List.of(6, 3)));
    }

    @Test
    void issue6_maxIsTheYearsRule() {
        ConflictRules maxTwo = new ConflictRules(2, true);
        assertThat(maxTwo.check(cleanFirm(), qualifiedStaff(), TARGET, List.of(), Set.of(2023, 2024), TODAY))
                .containsExactly(new Conflict(Conflict.Code.CONSECUTIVE_YEARS, List.of(2, 2)));
        assertThat(maxTwo.check(cleanFirm(), qualifiedStaff(), TARGET, List.of(), Set.of(2024), TODAY)).isEmpty();
    }

    @Test
    void issue6_consecutiveYearsBeforeWorkedNumbers() {
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of())).isZero();
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of(2024))).isEqualTo(1);
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of(2022, 2023, 2024))).isEqualTo(3);
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of(2021, 2023, 2024))).isEqualTo(2);
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of(2021, 2022, 2023))).isZero(); // 2024 missing
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of(2025, 2026))).isZero(); // the year itself and later don't count
        assertThat(ConflictRules.consecutiveYearsBefore(2025, Set.of(2024, 2025))).isEqualTo(1);
    }

    // --- several at once ---

    @Test
    void allConflictsAreListedTogetherInCodeOrder() {
        List<Engagement> engagements = new ArrayList<>(List.of(
                engagement(EMITTER, PROVINCE, 2025, Engagement.Kind.CONSULTING),
                engagement(OTHER_EMITTER, PROVINCE, 2025, Engagement.Kind.REPORT_PREPARATION)));
        List<Conflict> conflicts = check(RULES, firm(false, Set.of(Sector.POWER)), List.of(), engagements, Set.of(2022, 2023, 2024));
        assertThat(codes(conflicts)).containsExactly(Conflict.Code.FIRM_INACTIVE, Conflict.Code.NO_QUALIFIED_VERIFIER,
                Conflict.Code.CONSULTED_EMITTER, Conflict.Code.PREPARES_REPORTS_IN_PROVINCE, Conflict.Code.CONSECUTIVE_YEARS);
    }
}
