package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/** What a conclusion must contain (issue 6 "a conclusion without a verified figure for every unit is refused"). */
class ConclusionRulesTest {

    private static final String U1 = "1号机组";
    private static final String U2 = "2号机组";
    private static final String ENTITY = "ENTITY";
    private static final String OPINION = "经核查，排放报告数据真实、完整、准确。";

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    private static VerificationTask task(Sector sector, List<VerificationTask.ReportedLine> lines) {
        return new VerificationTask(UUID.fromString("00000000-0000-0000-0000-00000000000a"), 2025, Uscc.of("91330602MA2BCDE0X0"), "某电厂",
                RegionCode.of("330602"), sector, UUID.fromString("00000000-0000-0000-0000-00000000000b"), 1, bd("300000.00"),
                bd("290000.00"), UUID.fromString("00000000-0000-0000-0000-00000000000c"), "某核查公司", VerificationTask.Assignment.DRAW, null,
                null, LocalDate.of(2026, 4, 30), null, null, null, 1, lines, Map.of("电力", bd("2500000")));
    }

    private static final VerificationTask POWER_TASK = task(Sector.POWER, List.of(
            new VerificationTask.ReportedLine(U1, bd("200000.00"), bd("195000.00"), bd("1500000"), bd("200000")),
            new VerificationTask.ReportedLine(U2, bd("100000.00"), bd("95000.00"), bd("700000"), bd("100000"))));

    private static final VerificationTask STEEL_TASK = task(Sector.STEEL, List.of(
            new VerificationTask.ReportedLine(ENTITY, bd("300000.00"), bd("300000.00"), null, null)));

    private static Conclusion.Line powerLine(String unit, String emissions, String compliance) {
        return new Conclusion.Line(unit, bd(emissions), bd(compliance), bd("1500000"), bd("200000"));
    }

    private static ConclusionInput input(List<Conclusion.Line> lines, String opinion) {
        return new ConclusionInput(lines, Map.of("电力", bd("2500000")), opinion);
    }

    private static ConclusionInput validPowerInput() {
        return input(List.of(powerLine(U1, "201000.50", "196000.25"), powerLine(U2, "99000.00", "94000.00")), OPINION);
    }

    private static List<Tuple> keys(List<FieldViolation> violations) {
        return violations.stream().map(v -> tuple(v.field(), v.messageKey())).toList();
    }

    private static List<FieldViolation> check(VerificationTask task, ConclusionInput input) {
        return ConclusionRules.check(task, input, Map.of());
    }

    // --- valid ---

    @Test
    void completeValidPowerConclusionHasNoViolations() {
        assertThat(check(POWER_TASK, validPowerInput())).isEmpty();
    }

    @Test
    void completeValidNonPowerConclusionNeedsNoGenerationOrHeat() {
        ConclusionInput in = new ConclusionInput(List.of(new Conclusion.Line(ENTITY, bd("301000"), bd("300500"), null, null)), Map.of(), OPINION);
        assertThat(check(STEEL_TASK, in)).isEmpty();
    }

    @Test
    void complianceEqualToEmissionsAndZeroFiguresAreFine() {
        ConclusionInput in = input(List.of(powerLine(U1, "1000", "1000"), powerLine(U2, "0", "0")), OPINION);
        assertThat(check(POWER_TASK, in)).isEmpty();
    }

    // --- missing / unknown units ---

    @Test
    void missingUnitIsRefused() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000", "196000")), OPINION);
        List<FieldViolation> violations = check(POWER_TASK, in);
        assertThat(keys(violations)).containsExactly(tuple(U2 + ".emissions", "verification.conclusion.missingFigure"));
        assertThat(violations.get(0).arguments()).containsExactly(U2);
    }

    @Test
    void unitWithoutEmissionsOrComplianceFigureIsMissing() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000", "196000"),
                new Conclusion.Line(U2, null, bd("94000"), bd("1"), bd("1"))), OPINION);
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple(U2 + ".emissions", "verification.conclusion.missingFigure"));
        ConclusionInput noCompliance = input(List.of(powerLine(U1, "201000", "196000"),
                new Conclusion.Line(U2, bd("99000"), null, bd("1"), bd("1"))), OPINION);
        assertThat(keys(check(POWER_TASK, noCompliance))).containsExactly(tuple(U2 + ".emissions", "verification.conclusion.missingFigure"));
    }

    @Test
    void noLinesAtAllMissesEveryUnit() {
        assertThat(keys(check(POWER_TASK, input(List.of(), OPINION)))).containsExactlyInAnyOrder(
                tuple(U1 + ".emissions", "verification.conclusion.missingFigure"),
                tuple(U2 + ".emissions", "verification.conclusion.missingFigure"));
        assertThat(keys(check(STEEL_TASK, input(List.of(), OPINION))))
                .containsExactly(tuple(ENTITY + ".emissions", "verification.conclusion.missingFigure"));
    }

    @Test
    void unknownUnitIsRefused() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000", "196000"), powerLine(U2, "99000", "94000"),
                powerLine("3号机组", "5000", "5000")), OPINION);
        List<FieldViolation> violations = check(POWER_TASK, in);
        assertThat(keys(violations)).containsExactly(tuple("3号机组.emissions", "verification.conclusion.unknownUnit"));
        assertThat(violations.get(0).arguments()).containsExactly("3号机组");
    }

    @Test
    void entityLineIsUnknownForAPowerReport() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000", "196000"), powerLine(U2, "99000", "94000"),
                new Conclusion.Line(ENTITY, bd("300000"), bd("290000"), null, null)), OPINION);
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple(ENTITY + ".emissions", "verification.conclusion.unknownUnit"));
    }

    // --- negative ---

    @Test
    void negativeEmissionsAreRefused() {
        ConclusionInput in = input(List.of(powerLine(U1, "-1", "-2"), powerLine(U2, "99000", "94000")), OPINION);
        // reported once per unit, and no complianceAboveTotal on top of it
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple(U1 + ".emissions", "verification.conclusion.negative"));
    }

    @Test
    void negativeComplianceGenerationOrHeatIsRefused() {
        ConclusionInput compliance = input(List.of(powerLine(U1, "201000", "-0.01"), powerLine(U2, "99000", "94000")), OPINION);
        assertThat(keys(check(POWER_TASK, compliance))).containsExactly(tuple(U1 + ".emissions", "verification.conclusion.negative"));
        ConclusionInput generation = input(List.of(new Conclusion.Line(U1, bd("201000"), bd("196000"), bd("-1"), bd("200000")),
                powerLine(U2, "99000", "94000")), OPINION);
        assertThat(keys(check(POWER_TASK, generation))).containsExactly(tuple(U1 + ".emissions", "verification.conclusion.negative"));
        ConclusionInput heat = input(List.of(powerLine(U1, "201000", "196000"),
                new Conclusion.Line(U2, bd("99000"), bd("94000"), bd("1"), bd("-5"))), OPINION);
        assertThat(keys(check(POWER_TASK, heat))).containsExactly(tuple(U2 + ".emissions", "verification.conclusion.negative"));
    }

    @Test
    void negativeProductOutputIsRefused() {
        ConclusionInput in = new ConclusionInput(validPowerInput().lines(), Map.of("电力", bd("-1")), OPINION);
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple("p.电力", "verification.conclusion.negative"));
    }

    @Test
    void zeroProductOutputIsFine() {
        ConclusionInput in = new ConclusionInput(validPowerInput().lines(), Map.of("电力", BigDecimal.ZERO), OPINION);
        assertThat(check(POWER_TASK, in)).isEmpty();
    }

    // --- compliance above total ---

    @Test
    void complianceAboveEmissionsIsRefused() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000.00", "201000.01"), powerLine(U2, "99000", "94000")), OPINION);
        List<FieldViolation> violations = check(POWER_TASK, in);
        assertThat(keys(violations)).containsExactly(tuple(U1 + ".compliance", "verification.conclusion.complianceAboveTotal"));
        assertThat(violations.get(0).arguments()).containsExactly(U1);
    }

    @Test
    void complianceAboveEmissionsIsRefusedOutsidePowerToo() {
        ConclusionInput in = new ConclusionInput(List.of(new Conclusion.Line(ENTITY, bd("100"), bd("101"), null, null)), Map.of(), OPINION);
        assertThat(keys(check(STEEL_TASK, in))).containsExactly(tuple(ENTITY + ".compliance", "verification.conclusion.complianceAboveTotal"));
    }

    // --- production (power only) ---

    @Test
    void powerUnitWithoutGenerationIsRefused() {
        ConclusionInput in = input(List.of(new Conclusion.Line(U1, bd("201000"), bd("196000"), null, bd("200000")),
                powerLine(U2, "99000", "94000")), OPINION);
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple(U1 + ".generation", "verification.conclusion.missingProduction"));
    }

    @Test
    void powerUnitWithoutHeatIsRefused() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000", "196000"),
                new Conclusion.Line(U2, bd("99000"), bd("94000"), bd("700000"), null)), OPINION);
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple(U2 + ".generation", "verification.conclusion.missingProduction"));
    }

    // --- opinion ---

    @Test
    void blankOrMissingOpinionIsRefused() {
        for (String opinion : new String[] {null, "", "   ", "\n\t"}) {
            ConclusionInput in = input(validPowerInput().lines(), opinion);
            assertThat(keys(check(POWER_TASK, in))).as("opinion %s", opinion)
                    .containsExactly(tuple("opinion", "verification.conclusion.opinionMissing"));
        }
    }

    @Test
    void opinionOf4000CharactersIsFineAnd4001IsTooLong() {
        assertThat(check(POWER_TASK, input(validPowerInput().lines(), "核".repeat(4000)))).isEmpty();
        List<FieldViolation> violations = check(POWER_TASK, input(validPowerInput().lines(), "核".repeat(4001)));
        assertThat(keys(violations)).containsExactly(tuple("opinion", "verification.tooLong"));
        assertThat(violations.get(0).arguments()).containsExactly(4000);
    }

    // --- re-verification (seed 004 §三(三)6) ---

    @Test
    void reverifiedFiguresMustBeCarried() {
        Map<String, Reverification.Figures> required = Map.of(U1, new Reverification.Figures(bd("202000.00"), bd("196000.25")));
        List<FieldViolation> violations = ConclusionRules.check(POWER_TASK, validPowerInput(), required);
        assertThat(keys(violations)).containsExactly(tuple(U1 + ".emissions", "verification.conclusion.notReverified"));
        assertThat(violations.get(0).arguments()).containsExactly(U1, "202000.00", "196000.25");
    }

    @Test
    void reverifiedComplianceFigureMustBeCarriedToo() {
        Map<String, Reverification.Figures> required = Map.of(U2, new Reverification.Figures(bd("99000.00"), bd("93000.00")));
        assertThat(keys(ConclusionRules.check(POWER_TASK, validPowerInput(), required)))
                .containsExactly(tuple(U2 + ".emissions", "verification.conclusion.notReverified"));
    }

    @Test
    void reverifiedFiguresEqualInValueButNotInScaleAreFine() {
        ConclusionInput in = input(List.of(powerLine(U1, "100.0", "90.0"), powerLine(U2, "50", "40")), OPINION);
        Map<String, Reverification.Figures> required = new HashMap<>();
        required.put(U1, new Reverification.Figures(bd("100.00"), bd("90.000")));
        required.put(U2, new Reverification.Figures(bd("50.00"), bd("40.0")));
        assertThat(ConclusionRules.check(POWER_TASK, in, required)).isEmpty();
    }

    // --- several at once ---

    @Test
    void everyProblemIsListed() {
        ConclusionInput in = new ConclusionInput(List.of(
                new Conclusion.Line(U1, bd("100"), bd("120"), null, bd("1")), // compliance above total and no generation
                powerLine("9号机组", "1", "1")), // unknown; 2号机组 missing
                Map.of("电力", bd("-3")), " ");
        assertThat(keys(check(POWER_TASK, in))).containsExactlyInAnyOrder(
                tuple(U1 + ".compliance", "verification.conclusion.complianceAboveTotal"),
                tuple(U1 + ".generation", "verification.conclusion.missingProduction"),
                tuple(U2 + ".emissions", "verification.conclusion.missingFigure"),
                tuple("9号机组.emissions", "verification.conclusion.unknownUnit"),
                tuple("p.电力", "verification.conclusion.negative"),
                tuple("opinion", "verification.conclusion.opinionMissing"));
    }

    @Test
    void unitGivenTwiceIsRefused() {
        ConclusionInput in = input(List.of(powerLine(U1, "201000", "196000"), powerLine(U1, "201000", "196000"),
                powerLine(U2, "99000", "94000")), OPINION);
        // totals() would count 1号机组 twice (501000.00 instead of 300000.00), so check() must refuse it first
        assertThat(check(POWER_TASK, in)).extracting(FieldViolation::messageKey).contains("verification.conclusion.duplicateUnit");
    }

    @Test
    void aProductLineOutsideTheReportIsRefused() {
        ConclusionInput in = new ConclusionInput(validPowerInput().lines(), Map.of("熟料", bd("100")), OPINION);
        assertThat(keys(check(POWER_TASK, in))).containsExactly(tuple("p.熟料", "verification.conclusion.unknownProduct"));
    }

    @Test
    void moreThanTwoDecimalsAreRefused() {
        // the columns hold 2 places: 1.125 + 1.125 would be stored as 1.13 + 1.13 = 2.26 against a total of 2.25
        ConclusionInput in = input(List.of(powerLine(U1, "1.125", "1"), powerLine(U2, "99000", "94000")), OPINION);
        assertThat(check(POWER_TASK, in)).extracting(FieldViolation::messageKey).contains("verification.number.precision");
    }

    // --- totals ---

    @Test
    void totalsAreTheSumsOfTheUnitsToTwoPlaces() {
        // 201000.50 + 99000.00 = 300000.50; 196000.25 + 94000.00 = 290000.25
        ConclusionRules.Totals totals = ConclusionRules.totals(validPowerInput());
        assertThat(totals.total()).isEqualTo(bd("300000.50"));
        assertThat(totals.compliance()).isEqualTo(bd("290000.25"));
    }

    @Test
    void totalsOfIntegersCarryTwoDecimals() {
        ConclusionRules.Totals totals = ConclusionRules.totals(input(List.of(powerLine(U1, "100", "90"), powerLine(U2, "50", "40")), OPINION));
        assertThat(totals.total()).isEqualTo(bd("150.00"));
        assertThat(totals.compliance()).isEqualTo(bd("130.00"));
    }

    @Test
    void totalsRoundHalfUp() {
        // 1.125 + 2.000 = 3.125 → 3.13 (half-even would give 3.12); 0.0049 + 0.0001 = 0.0050 → 0.01; 1.114 + 1 = 2.114 → 2.11
        ConclusionRules.Totals totals = ConclusionRules.totals(input(List.of(powerLine(U1, "1.125", "0.0049"), powerLine(U2, "2.000", "0.0001")), OPINION));
        assertThat(totals.total()).isEqualTo(bd("3.13"));
        assertThat(totals.compliance()).isEqualTo(bd("0.01"));
        ConclusionRules.Totals down = ConclusionRules.totals(input(List.of(powerLine(U1, "1.114", "1"), powerLine(U2, "1", "1.0049")), OPINION));
        assertThat(down.total()).isEqualTo(bd("2.11"));
        assertThat(down.compliance()).isEqualTo(bd("2.00"));
    }

    @Test
    void totalsOfASingleEntityLine() {
        ConclusionInput in = new ConclusionInput(List.of(new Conclusion.Line(ENTITY, bd("300000.005"), bd("299999.994"), null, null)), Map.of(), OPINION);
        ConclusionRules.Totals totals = ConclusionRules.totals(in);
        assertThat(totals.total()).isEqualTo(bd("300000.01"));
        assertThat(totals.compliance()).isEqualTo(bd("299999.99"));
    }
}
