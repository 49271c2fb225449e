package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.PLAUSIBILITY;
import static org.opencets.accounting.AccountingFixtures.bd;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cement plant's 2023 year with the generic source-stream model.
 *
 * <pre>
 * Factors 2023: BITUMINOUS OF 0.99, CC 0.03085, no default NCV; DIESEL OF 0.98, CC 0.0202, NCV 42.652 GJ/t;
 *               FUEL_OIL OF 0.98, CC 0.0211, NCV 41.816 GJ/t; NATURAL_GAS OF 0.99, CC 0.01532, NCV 389.31;
 *               grid 0.5703 tCO2/MWh; heat 0.11 tCO2/GJ.
 *
 * coal   (kiln): 50000 t, NCV 21.000 measured, CC and OF left to the year's defaults
 *        50000 × 21.000 = 1050000 GJ; × 0.03085 = 32392.5 tC; × 0.99 = 32068.575; × 44 = 1411017.3; ÷ 12 = 117584.775
 *        → 117584.78
 * diesel (vehicles): 200 t, everything default
 *        200 × 42.652 = 8530.4 GJ; × 0.0202 = 172.31408 tC; × 0.98 = 168.8677984; × 44 = 7430.1831296; ÷ 12 = 619.18192746…
 *        → 619.18
 * fuel oil (kiln start-up): 100 t, NCV 41.000, CC 0.02100, OF 0.98 all measured
 *        100 × 41.000 = 4100 GJ; × 0.021 = 86.1 tC; × 0.98 = 84.378; × 44 = 3712.632; ÷ 12 = 309.386 → 309.39
 * clinker (process): 1000000 t × 0.5380 = 538000.00
 * purchased electricity: 80000 MWh × 0.5703 = 45624.00
 * purchased heat: 10000 GJ × 0.11 = 1100.00
 *
 * fuel combustion = 117584.78 + 619.18 + 309.39 = 118513.35
 * total (electricity reported) = 118513.35 + 538000.00 + 1100.00 + 45624.00 = 703237.35
 * compliance (purchased energy not in compliance) = 118513.35 + 538000.00 = 656513.35
 * intensity = 703237.35 / 1000000 t clinker = 0.70323735 → 0.7032 tCO2/t
 * </pre>
 */
class SourceStreamAccountingTest {

    static final FuelFactors BITUMINOUS = AccountingFixtures.BITUMINOUS;
    static final FuelFactors DIESEL = new FuelFactors("DIESEL", false, false, bd("0.98"), Optional.of(bd("0.0202")), Optional.of(bd("42.652")));
    static final FuelFactors FUEL_OIL = new FuelFactors("FUEL_OIL", false, false, bd("0.98"), Optional.of(bd("0.0211")), Optional.of(bd("41.816")));

    static AccountingRules rules(boolean reported, boolean inCompliance, Optional<BigDecimal> grid, Optional<BigDecimal> heat) {
        return new AccountingRules(2023, Map.of("BITUMINOUS", BITUMINOUS, "DIESEL", DIESEL, "FUEL_OIL", FUEL_OIL, "NATURAL_GAS",
                AccountingFixtures.NATURAL_GAS), grid, reported, inCompliance, heat, Rounding.PLATFORM, Optional.of(3), PLAUSIBILITY);
    }

    static AccountingRules rules(boolean reported, boolean inCompliance) {
        return rules(reported, inCompliance, Optional.of(bd("0.5703")), Optional.of(bd("0.11")));
    }

    static SourceStream fuel(String key, String fuel, String ad, String unit, Reported ncv, Reported cc, Reported of) {
        return new SourceStream(key, StreamKind.FUEL_COMBUSTION, key + " combustion", fuel, ad == null ? null : bd(ad), unit, ncv, cc, of, null,
                "dep-" + key);
    }

    static SourceStream factorStream(String key, StreamKind kind, String ad, String unit, Reported ef) {
        return new SourceStream(key, kind, key, null, ad == null ? null : bd(ad), unit, null, null, null, ef, "dep-" + key);
    }

    static SourceStream coal() {
        return fuel("coal", "BITUMINOUS", "50000", "t", Reported.measured("21.000"), Reported.byDefault(), null);
    }

    static SourceStream diesel() {
        return fuel("diesel", "DIESEL", "200", "t", Reported.byDefault(), Reported.byDefault(), Reported.byDefault());
    }

    static SourceStream fuelOil() {
        return fuel("fueloil", "FUEL_OIL", "100", "t", Reported.measured("41.000"), Reported.measured("0.02100"), Reported.measured("0.98"));
    }

    static SourceStream clinker() {
        return factorStream("clinker", StreamKind.PROCESS, "1000000", "t", Reported.measured("0.5380"));
    }

    static SourceStream electricity() {
        return factorStream("electricity", StreamKind.PURCHASED_ELECTRICITY, "80000", "MWh", null);
    }

    static SourceStream heat() {
        return factorStream("heat", StreamKind.PURCHASED_HEAT, "10000", "GJ", null);
    }

    static final ProductOutput CLINKER = new ProductOutput("clinker", "Clinker", bd("1000000"), "t");

    static List<SourceStream> cementPlant() {
        return List.of(coal(), diesel(), fuelOil(), clinker(), electricity(), heat());
    }

    static Figure stream(StreamsAccount account, String key) {
        return account.streams().stream().filter(f -> f.key().equals("stream/" + key)).findFirst().orElseThrow();
    }

    @Test
    void eachStream() {
        StreamsAccount account = SourceStreamAccounting.account(2023, cementPlant(), List.of(CLINKER), rules(true, false));

        assertThat(stream(account, "coal").value().toPlainString()).isEqualTo("117584.78");
        assertThat(stream(account, "diesel").value().toPlainString()).isEqualTo("619.18");
        assertThat(stream(account, "fueloil").value().toPlainString()).isEqualTo("309.39");
        assertThat(stream(account, "clinker").value().toPlainString()).isEqualTo("538000.00");
        assertThat(stream(account, "electricity").value().toPlainString()).isEqualTo("45624.00");
        assertThat(stream(account, "heat").value().toPlainString()).isEqualTo("1100.00");
        assertThat(account.gaps()).isEmpty();
        assertThat(account.complete()).isTrue();
    }

    @Test
    void totalsPerKind() {
        StreamsAccount account = SourceStreamAccounting.account(2023, cementPlant(), List.of(CLINKER), rules(true, false));

        assertThat(account.fuelCombustion().value()).isEqualByComparingTo("118513.35");
        assertThat(account.process().value()).isEqualByComparingTo("538000.00");
        assertThat(account.purchasedElectricity().value()).isEqualByComparingTo("45624.00");
        assertThat(account.purchasedHeat().value()).isEqualByComparingTo("1100.00");
        assertThat(account.fuelCombustion().inputs()).extracting(Figure.Input::source)
                .containsExactly("stream/coal", "stream/diesel", "stream/fueloil");
    }

    /**
     * reported, not in compliance: total 703237.35, compliance 656513.35, intensity 0.7032.
     * reported and in compliance: compliance = total = 703237.35.
     * not reported: total = 118513.35 + 538000.00 + 1100.00 = 657613.35 → intensity 657613.35 / 1000000 = 0.65761335 → 0.6576;
     * compliance 656513.35.
     */
    @ParameterizedTest(name = "reported={0} inCompliance={1}")
    @CsvSource({
            "true,  false, 703237.35, 656513.35, 0.7032",
            "true,  true,  703237.35, 703237.35, 0.7032",
            "false, false, 657613.35, 656513.35, 0.6576"})
    void totalComplianceAndIntensity(boolean reported, boolean inCompliance, String total, String compliance, String intensity) {
        StreamsAccount account = SourceStreamAccounting.account(2023, cementPlant(), List.of(CLINKER), rules(reported, inCompliance));

        assertThat(account.totalEmissions().value()).isEqualByComparingTo(total);
        assertThat(account.complianceEmissions().value()).isEqualByComparingTo(compliance);
        assertThat(account.intensities()).singleElement().satisfies(i -> {
            assertThat(i.key()).isEqualTo("year/intensity/clinker");
            assertThat(i.unit()).isEqualTo("tCO2/t");
            assertThat(i.value().toPlainString()).isEqualTo(intensity);
        });
    }

    /**
     * Electricity not reported but flagged "in compliance" (a combination the rules record allows): electricity is in
     * neither the report total nor compliance, as in the power engine (where a non-reported purchase is 0.00).
     * Purchased heat is indirect like electricity: reported in the total, counted for compliance only with it.
     * Total = fuel + process + heat = 118513.35 + 538000.00 + 1100.00 = 657613.35; compliance = direct only
     * = 118513.35 + 538000.00 = 656513.35, never more than the reported total.
     */
    @Test
    void electricityNotReported_notInComplianceEither() {
        StreamsAccount account = SourceStreamAccounting.account(2023, cementPlant(), List.of(CLINKER), rules(false, true));

        assertThat(account.totalEmissions().value()).isEqualByComparingTo("657613.35");
        assertThat(account.complianceEmissions().value()).isEqualByComparingTo("656513.35");
    }

    @Test
    void fuelStreamDefaultsAreMarked() {
        StreamsAccount account = SourceStreamAccounting.account(2023, cementPlant(), List.of(CLINKER), rules(true, false));

        Figure coal = stream(account, "coal");
        assertThat(coal.formula()).isEqualTo("E = AD × NCV × CC × OF × 44/12");
        assertThat(coal.inputs()).extracting(Figure.Input::symbol).containsExactly("AD", "NCV", "CC", "OF");
        assertThat(AccountingFixtures.input(coal, "AD").source()).isEqualTo("dep-coal");
        assertThat(AccountingFixtures.input(coal, "NCV").source()).isEqualTo("dep-coal");
        assertThat(AccountingFixtures.input(coal, "NCV").defaultUsed()).isNull();
        Figure.Input cc = AccountingFixtures.input(coal, "CC");
        assertThat(cc.value()).isEqualByComparingTo("0.03085");
        assertThat(cc.source()).isEqualTo("rules:2023");
        assertThat(cc.defaultUsed().code()).isEqualTo("stream.default.year");
        assertThat(cc.defaultUsed().args()).containsExactly("CC");
        Figure.Input of = AccountingFixtures.input(coal, "OF");
        assertThat(of.value()).isEqualByComparingTo("0.99");
        assertThat(of.defaultUsed().args()).containsExactly("OF");
        assertThat(coal.usesDefault()).isTrue();

        Figure diesel = stream(account, "diesel");
        assertThat(AccountingFixtures.input(diesel, "NCV").value()).isEqualByComparingTo("42.652");
        assertThat(AccountingFixtures.input(diesel, "NCV").defaultUsed().args()).containsExactly("NCV");

        assertThat(stream(account, "fueloil").usesDefault()).isFalse();

        Figure clinker = stream(account, "clinker");
        assertThat(clinker.formula()).isEqualTo("E = AD × EF");
        assertThat(AccountingFixtures.input(clinker, "EF").source()).isEqualTo("dep-clinker");
        Figure elec = stream(account, "electricity");
        assertThat(AccountingFixtures.input(elec, "EF_grid").value()).isEqualByComparingTo("0.5703");
        assertThat(AccountingFixtures.input(elec, "EF_grid").source()).isEqualTo("rules:2023");
        assertThat(AccountingFixtures.input(stream(account, "heat"), "EF_heat").value()).isEqualByComparingTo("0.11");
    }

    /**
     * A gas stream in 10⁴Nm³ with all defaults: 10 × 389.31 = 3893.1 GJ; × 0.01532 = 59.642292 tC; × 0.99 = 59.04586908;
     * × 44 = 2598.01823952; ÷ 12 = 216.50151996 → 216.50.
     */
    @Test
    void gasStreamIn10e4Nm3() {
        StreamsAccount account = SourceStreamAccounting.account(2023,
                List.of(fuel("gas", "NATURAL_GAS", "10", "10⁴Nm³", Reported.byDefault(), Reported.byDefault(), Reported.byDefault())), List.of(),
                rules(true, false));

        assertThat(stream(account, "gas").value().toPlainString()).isEqualTo("216.50");
        assertThat(account.gaps()).isEmpty();
    }

    @Test
    void unitMismatches() {
        List<SourceStream> streams = List.of(
                fuel("coalkg", "BITUMINOUS", "50000000", "kg", Reported.measured("21.000"), null, null),
                fuel("gast", "NATURAL_GAS", "7", "t", null, null, null),
                factorStream("elec", StreamKind.PURCHASED_ELECTRICITY, "80000000", "kWh", null),
                factorStream("steam", StreamKind.PURCHASED_HEAT, "10000000", "MJ", null),
                clinker());
        StreamsAccount account = SourceStreamAccounting.account(2023, streams, List.of(CLINKER), rules(true, true));

        assertThat(account.gaps()).containsExactly(
                Gap.of("coalkg", null, "activityUnit", Gap.UNIT_MISMATCH, "kg", "t"),
                Gap.of("gast", null, "activityUnit", Gap.UNIT_MISMATCH, "t", "10⁴Nm³"),
                Gap.of("elec", null, "activityUnit", Gap.UNIT_MISMATCH, "kWh", "MWh"),
                Gap.of("steam", null, "activityUnit", Gap.UNIT_MISMATCH, "MJ", "GJ"));
        assertThat(account.complete()).isFalse();
        // mismatched streams are not computed and not summed; only clinker remains
        assertThat(account.streams().stream().filter(Figure::computed)).extracting(Figure::key).containsExactly("stream/clinker");
        assertThat(account.totalEmissions().value()).isEqualByComparingTo("538000.00");
    }

    @Test
    void negativeOrMissingActivity() {
        List<SourceStream> streams = List.of(factorStream("clinker", StreamKind.PROCESS, "-5", "t", Reported.measured("0.5380")),
                factorStream("clinker2", StreamKind.PROCESS, null, "t", Reported.measured("0.5380")));
        StreamsAccount account = SourceStreamAccounting.account(2023, streams, List.of(), rules(true, false));

        assertThat(account.gaps()).containsExactly(Gap.of("clinker", null, "activity", Gap.NEGATIVE, "AD", bd("-5")),
                Gap.of("clinker2", null, "activity", Gap.VALUE_MISSING));
        assertThat(account.process().value()).isEqualByComparingTo("0");
    }

    @Test
    void missingOrNegativeProcessFactor() {
        List<SourceStream> streams = List.of(factorStream("clinker", StreamKind.PROCESS, "1000000", "t", Reported.byDefault()),
                factorStream("clinker2", StreamKind.PROCESS, "1000", "t", null),
                factorStream("clinker3", StreamKind.PROCESS, "1000", "t", Reported.measured("-0.5380")));
        StreamsAccount account = SourceStreamAccounting.account(2023, streams, List.of(), rules(true, false));

        assertThat(account.gaps()).containsExactly(Gap.of("clinker", null, "EF", Gap.FACTOR_MISSING, "EF"),
                Gap.of("clinker2", null, "EF", Gap.FACTOR_MISSING, "EF"),
                Gap.of("clinker3", null, "EF", Gap.NEGATIVE, "EF", bd("-0.5380")));
        assertThat(account.streams()).noneMatch(Figure::computed);
    }

    @Test
    void fuelStreamGaps() {
        List<SourceStream> streams = List.of(
                fuel("peat", "PEAT", "10", "t", null, null, null),
                fuel("nofuel", null, "10", "t", null, null, null),
                // coal has no default NCV
                fuel("coalnoncv", "BITUMINOUS", "10", "t", Reported.byDefault(), null, null),
                fuel("coalnegcc", "BITUMINOUS", "10", "t", Reported.measured("21.000"), Reported.measured("-0.03"), null));
        StreamsAccount account = SourceStreamAccounting.account(2023, streams, List.of(), rules(true, false));

        assertThat(account.gaps()).containsExactly(
                Gap.of("peat", null, "fuel", Gap.FUEL_UNKNOWN, 2023),
                Gap.of("nofuel", null, "fuel", Gap.FUEL_UNKNOWN, 2023),
                Gap.of("coalnoncv", null, "NCV", Gap.FACTOR_MISSING, "NCV"),
                Gap.of("coalnegcc", null, "CC", Gap.NEGATIVE, "CC", bd("-0.03")));
        assertThat(account.fuelCombustion().value()).isEqualByComparingTo("0");
    }

    @Test
    void missingYearFactorsForPurchasedEnergy() {
        StreamsAccount account = SourceStreamAccounting.account(2023, List.of(electricity(), heat()), List.of(),
                rules(true, true, Optional.empty(), Optional.empty()));

        assertThat(account.gaps()).containsExactly(Gap.of("electricity", null, "EF_grid", Gap.FACTOR_MISSING, "EF_grid"),
                Gap.of("heat", null, "EF_heat", Gap.FACTOR_MISSING, "EF_heat"));
    }

    /**
     * The power rule "missing grid factor is a gap when electricity is reported" applied to source streams: a year that
     * no longer reports purchased electricity does not need the grid factor, so its absence must not block the report.
     * (Engine: SourceStreamAccounting.stream/factor add factor.missing regardless of electricityReported.)
     */
    @Test
    void missingGridFactor_noGapWhenElectricityNotReported() {
        StreamsAccount account = SourceStreamAccounting.account(2023, List.of(clinker(), electricity()), List.of(CLINKER),
                rules(false, false, Optional.empty(), Optional.of(bd("0.11"))));

        assertThat(account.totalEmissions().value()).isEqualByComparingTo("538000.00");
        assertThat(account.gaps()).isEmpty();
    }

    @Test
    void productOutputMissingOrZero() {
        List<ProductOutput> products = new ArrayList<>();
        products.add(new ProductOutput("clinker", "Clinker", null, "t"));
        products.add(new ProductOutput("cement", "Cement", BigDecimal.ZERO, "t"));
        StreamsAccount account = SourceStreamAccounting.account(2023, List.of(clinker()), products, rules(true, false));

        assertThat(account.intensities()).noneMatch(Figure::computed);
        assertThat(account.gaps()).extracting(Gap::unit, Gap::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("clinker", "output"), org.assertj.core.groups.Tuple.tuple("cement", "output"));
        assertThat(account.gaps().get(0).code()).isEqualTo(Gap.VALUE_MISSING);
    }
}
