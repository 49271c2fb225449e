package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencets.directory.Fuel;

/** The automatic checks of seed 002 §二(二) (及时性、完整性、规范性) and §二(六) (coal samples), with worked numbers. */
class DepositChecksTest {

    static final YearMonth MARCH = YearMonth.of(2024, 3);
    static final Map<String, DepositChecks.Range> RANGES = Map.of(
            "NCV.BITUMINOUS", new DepositChecks.Range(new BigDecimal("14"), new BigDecimal("32"), "test"),
            "CARBON_CONTENT.BITUMINOUS", new DepositChecks.Range(new BigDecimal("0.35"), new BigDecimal("0.80"), "test"));

    static DepositChecks.Context context(YearMonth month, Optional<QcPlan> plan, boolean sample, boolean recording, LocalDate today) {
        return new DepositChecks.Context(month, new BigDecimal("600"), List.of(Fuel.BITUMINOUS, Fuel.FUEL_OIL), plan, RANGES, sample, recording,
                month.atEndOfMonth().plusDays(20), today);
    }

    static DepositChecks.Context march() {
        return context(MARCH, Optional.empty(), true, true, LocalDate.of(2024, 4, 10));
    }

    /** A complete, plausible March for a 600 MW coal unit: 700 h at 80% load → 336,000 MWh. */
    static List<MonthlyValue> goodValues() {
        List<MonthlyValue> v = new ArrayList<>();
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, "130000"));
        v.add(measured(Parameter.NCV, Fuel.BITUMINOUS, "21.53"));
        v.add(measured(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, "0.5612"));
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.FUEL_OIL, "0"));
        v.add(measured(Parameter.GENERATION, null, "336000"));
        v.add(measured(Parameter.POWER_SUPPLIED, null, "319200"));
        v.add(measured(Parameter.HEAT_SUPPLIED, null, "0"));
        v.add(measured(Parameter.PURCHASED_ELECTRICITY, null, "0"));
        v.add(measured(Parameter.OPERATING_HOURS, null, "700"));
        v.add(measured(Parameter.LOAD_FACTOR, null, "80"));
        v.add(measured(Parameter.AUX_POWER_RATE, null, "5"));
        return v;
    }

    static List<DepositChecks.Evidence> goodEvidence() {
        return List.of(new DepositChecks.Evidence(EvidenceKind.FUEL_RECORD, null), new DepositChecks.Evidence(EvidenceKind.LAB_REPORT, Fuel.BITUMINOUS),
                new DepositChecks.Evidence(EvidenceKind.METER_READING, null), new DepositChecks.Evidence(EvidenceKind.PRODUCTION_REPORT, null),
                new DepositChecks.Evidence(EvidenceKind.SAMPLING_RECORDING, null));
    }

    static MonthlyValue measured(Parameter p, Fuel fuel, String value) {
        return new MonthlyValue(p, fuel, new BigDecimal(value), MeasurementBasis.MEASURED, null);
    }

    static List<MonthlyValue> with(MonthlyValue changed) {
        List<MonthlyValue> values = new ArrayList<>(goodValues());
        values.removeIf(v -> v.field().equals(changed.field()));
        values.add(changed);
        return values;
    }

    static List<Finding> check(List<MonthlyValue> values) {
        return DepositChecks.check(march(), values, goodEvidence(), "YB-2024-03-01", "1号煤样柜");
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + ":" + f.field() + ":" + f.code()).toList();
    }

    @Test
    void aCompletePlausibleMonthHasOnlyTheNoPlanWarning() {
        assertThat(codes(check(goodValues()))).containsExactly("WARNING:plan:plan.missing");
    }

    @Test
    void completenessEveryParameterNeedsAValueButUnburntFuelNeedsNoQuality() {
        List<MonthlyValue> values = new ArrayList<>(goodValues());
        values.removeIf(v -> v.parameter() == Parameter.GENERATION);
        // fuel oil consumption 0 → its NCV and carbon content are not asked for
        assertThat(codes(check(values))).contains("ERROR:GENERATION:value.missing")
                .noneMatch(c -> c.contains("NCV.FUEL_OIL") || c.contains("CARBON_CONTENT.FUEL_OIL"));
    }

    @Test
    void operatingHoursCannotExceedTheHoursOfTheMonth() {
        // March has 31 × 24 = 744 hours
        assertThat(codes(check(with(measured(Parameter.OPERATING_HOURS, null, "744"))))).noneMatch(c -> c.contains("hours.exceedMonth"));
        assertThat(codes(check(with(measured(Parameter.OPERATING_HOURS, null, "744.5"))))).contains("ERROR:OPERATING_HOURS:hours.exceedMonth");
        // February 2024 (leap year) has 29 × 24 = 696 hours
        var february = context(YearMonth.of(2024, 2), Optional.empty(), true, true, LocalDate.of(2024, 3, 1));
        List<MonthlyValue> values = new ArrayList<>(goodValues());
        values.removeIf(v -> v.parameter() == Parameter.OPERATING_HOURS || v.parameter() == Parameter.GENERATION);
        values.add(measured(Parameter.OPERATING_HOURS, null, "697"));
        values.add(measured(Parameter.GENERATION, null, "334560"));
        assertThat(codes(DepositChecks.check(february, values, goodEvidence(), "S", "P"))).contains("ERROR:OPERATING_HOURS:hours.exceedMonth");
    }

    @Test
    void loadFactorAndAuxiliaryPowerRateAreZeroToHundredPercent() {
        assertThat(codes(check(with(measured(Parameter.LOAD_FACTOR, null, "100.5"))))).contains("ERROR:LOAD_FACTOR:percent.range");
        assertThat(codes(check(with(measured(Parameter.AUX_POWER_RATE, null, "101"))))).contains("ERROR:AUX_POWER_RATE:percent.range");
    }

    @Test
    void fuelQualityMustLieInTheFuelsRange() {
        assertThat(codes(check(with(measured(Parameter.NCV, Fuel.BITUMINOUS, "35"))))).contains("ERROR:NCV.BITUMINOUS:fuel.range");
        assertThat(codes(check(with(measured(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, "0.30"))))).contains("ERROR:CARBON_CONTENT.BITUMINOUS:fuel.range");
        assertThat(codes(check(with(measured(Parameter.NCV, Fuel.BITUMINOUS, "32"))))).noneMatch(c -> c.contains("fuel.range"));
    }

    @Test
    void generationCannotExceedCapacityTimesHoursWithFivePercentOverload() {
        // 600 MW × 700 h × 1.05 = 441,000 MWh
        assertThat(codes(check(with(measured(Parameter.GENERATION, null, "441000"))))).noneMatch(c -> c.contains("exceedsCapacity"));
        assertThat(codes(check(with(measured(Parameter.GENERATION, null, "441001"))))).contains("ERROR:GENERATION:generation.exceedsCapacity");
    }

    @Test
    void generationFarFromCapacityHoursAndLoadIsFlaggedForTheReviewer() {
        // expected 600 × 700 × 80% = 336,000 MWh; 300,000 is 10.7% off → warning; 310,000 is 7.7% off → fine
        List<MonthlyValue> off = with(measured(Parameter.GENERATION, null, "300000"));
        off.removeIf(v -> v.parameter() == Parameter.POWER_SUPPLIED);
        off.add(measured(Parameter.POWER_SUPPLIED, null, "285000"));
        List<Finding> findings = check(off);
        assertThat(codes(findings)).contains("WARNING:GENERATION:generation.loadMismatch");
        assertThat(findings.stream().filter(f -> f.code().equals("generation.loadMismatch")).findFirst().orElseThrow().arguments())
                .containsExactly("300000", "10.7", "336000");
        List<MonthlyValue> near = with(measured(Parameter.GENERATION, null, "310000"));
        near.removeIf(v -> v.parameter() == Parameter.POWER_SUPPLIED);
        near.add(measured(Parameter.POWER_SUPPLIED, null, "295000"));
        assertThat(codes(check(near))).noneMatch(c -> c.contains("loadMismatch"));
    }

    @Test
    void powerSuppliedCannotExceedGeneration() {
        assertThat(codes(check(with(measured(Parameter.POWER_SUPPLIED, null, "336001"))))).contains("ERROR:POWER_SUPPLIED:supplied.exceedsGeneration");
    }

    @Test
    void everyMeasuredNonZeroValueNeedsItsEvidenceForItsFuel() {
        List<DepositChecks.Evidence> labForOil = List.of(new DepositChecks.Evidence(EvidenceKind.FUEL_RECORD, null),
                new DepositChecks.Evidence(EvidenceKind.LAB_REPORT, Fuel.FUEL_OIL), new DepositChecks.Evidence(EvidenceKind.PRODUCTION_REPORT, null),
                new DepositChecks.Evidence(EvidenceKind.SAMPLING_RECORDING, null));
        List<Finding> findings = DepositChecks.check(march(), goodValues(), labForOil, "S", "P");
        assertThat(codes(findings)).contains("ERROR:evidence.LAB_REPORT.BITUMINOUS:evidence.missing", "ERROR:evidence.METER_READING:evidence.missing")
                // zero heat and zero purchased electricity need no meter reading or invoice
                .noneMatch(c -> c.contains("INVOICE"));
        // one finding per missing file kind, not one per parameter
        assertThat(codes(findings).stream().filter(c -> c.contains("METER_READING"))).hasSize(1);
    }

    @Test
    void coalSamplesFromSeptember2023AndSamplingRecordsFrom2024() {
        var august2023 = context(YearMonth.of(2023, 8), Optional.empty(), false, false, LocalDate.of(2023, 9, 5));
        assertThat(codes(DepositChecks.check(august2023, goodValues(), List.of(), null, null))).noneMatch(c -> c.contains("sample"));
        var september2023 = context(YearMonth.of(2023, 9), Optional.empty(), true, false, LocalDate.of(2023, 10, 5));
        assertThat(codes(DepositChecks.check(september2023, goodValues(), goodEvidence().subList(0, 4), " ", null)))
                .contains("ERROR:sampleId:sample.id.missing", "ERROR:samplePlace:sample.place.missing")
                .noneMatch(c -> c.contains("recording"));
        assertThat(codes(DepositChecks.check(march(), goodValues(), goodEvidence().subList(0, 4), "S", "P")))
                .contains("ERROR:evidence.SAMPLING_RECORDING:evidence.recording.missing");
    }

    @Test
    void aDefaultWherethePlanPromisesAMeasurementIsFlagged() {
        QcPlan plan = new QcPlan(null, null, null, null, null, "1", 2024, 1, null, null, PlanStatus.APPROVED, 0, null, null,
                PlanRules.fields(List.of(Fuel.BITUMINOUS, Fuel.FUEL_OIL)).stream().map(f -> new QcPlanItem(f.parameter(), f.fuel(),
                        MeasurementBasis.MEASURED, "GB/T 213 每批次化验", "皮带秤", "每月校验", "厂化验室", "每日", null)).toList());
        var withPlan = context(MARCH, Optional.of(plan), true, true, LocalDate.of(2024, 4, 10));
        List<MonthlyValue> values = with(new MonthlyValue(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, null, MeasurementBasis.DEFAULT, "化验设备检修"));
        assertThat(codes(DepositChecks.check(withPlan, values, goodEvidence(), "S", "P")))
                .containsExactly("WARNING:CARBON_CONTENT.BITUMINOUS:plan.defaultInsteadOfMeasured");
    }

    @Test
    void aMonthDepositedAfterTwentyDaysIsLate() {
        // due 2024-03-31 + 20 = 2024-04-20 in this context; the real date comes from the calendar
        var onTime = context(MARCH, Optional.empty(), true, true, LocalDate.of(2024, 4, 20));
        var late = context(MARCH, Optional.empty(), true, true, LocalDate.of(2024, 4, 21));
        assertThat(codes(DepositChecks.check(onTime, goodValues(), goodEvidence(), "S", "P"))).noneMatch(c -> c.contains("late"));
        assertThat(codes(DepositChecks.check(late, goodValues(), goodEvidence(), "S", "P"))).contains("WARNING:month:late");
    }
}
