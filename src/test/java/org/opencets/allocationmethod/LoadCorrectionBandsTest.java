package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.allocationmethod.AllocationFixtures.*;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencets.directory.UnitCategory;

/**
 * DOMAIN.md Allocation, load correction Ff of conventional coal (2023/24 plan): F ≥ 85 % → 1; 80–85 % → 1 + 0.0014 × (85 − 100F);
 * 75–80 % → 1.007 + 0.0016 × (80 − 100F); F &lt; 75 % → 1.015^(16 − 20F); F and Ff to 4 decimals, half up.
 */
class LoadCorrectionBandsTest {

    /**
     * Worked per band (exact value → 4 decimals half up):
     * 1.0000: 100 % and exactly 85 % (F ≥ 85 %).
     * 0.8499: 1 + 0.0014 × 0.01 = 1.000014 → 1.0000.       0.8200: 1 + 0.0014 × 3 = 1.0042.
     * 0.8425: 1 + 0.0014 × 0.75 = 1.00105 → half up 1.0011 (half even would give 1.0010).
     * 0.8000: 1 + 0.0014 × 5 = 1.007 (upper band still; exactly at 80 %).
     * 0.7999: 1.007 + 0.0016 × 0.01 = 1.007016 → 1.0070.  0.7800: 1.007 + 0.0016 × 2 = 1.0102.
     * 0.7500: 1.007 + 0.0016 × 5 = 1.015 (exactly at 75 %, linear band).
     * 0.7499: 1.015^(16 − 14.998) = 1.015^1.002 ≈ 1.015 × 1.0000298 = 1.01503 → 1.0150.
     * 0.7000: 1.015^(16 − 14) = 1.015² = 1.030225 → 1.0302.
     * 0.6000: 1.015^4 = 1.030225² = 1.061363550625 → 1.0614.
     * 0.5000: 1.015^6 = 1.061363550625 × 1.030225 = 1.0934432… → 1.0934.
     */
    @ParameterizedTest(name = "F = {0} → Ff = {1}")
    @CsvSource({
            "1.0000, 1.0000",
            "0.8500, 1.0000",
            "0.8499, 1.0000",
            "0.8425, 1.0011",
            "0.8200, 1.0042",
            "0.8000, 1.0070",
            "0.7999, 1.0070",
            "0.7800, 1.0102",
            "0.7500, 1.0150",
            "0.7499, 1.0150",
            "0.7000, 1.0302",
            "0.6000, 1.0614",
            "0.5000, 1.0934"})
    void factorPerBand_nationalPlan(String loadRate, String factor) {
        BigDecimal ff = NATIONAL.factor(new BigDecimal(loadRate));

        assertThat(ff.toPlainString()).isEqualTo(factor);
    }

    /** The formula shown is the band's: boundaries belong to the band above (≥). */
    @Test
    void formulaNamesTheBand_boundariesInTheBandAbove() {
        assertThat(NATIONAL.formula(d("0.8500"))).isEqualTo("F ≥ 85% → Ff = 1");
        assertThat(NATIONAL.formula(d("0.8499"))).isEqualTo("80% ≤ F < 85% → Ff = 1 + 0.0014 × (85 − 100F)");
        assertThat(NATIONAL.formula(d("0.8000"))).isEqualTo("80% ≤ F < 85% → Ff = 1 + 0.0014 × (85 − 100F)");
        assertThat(NATIONAL.formula(d("0.7999"))).isEqualTo("75% ≤ F < 80% → Ff = 1.007 + 0.0016 × (80 − 100F)");
        assertThat(NATIONAL.formula(d("0.7500"))).isEqualTo("75% ≤ F < 80% → Ff = 1.007 + 0.0016 × (80 − 100F)");
        assertThat(NATIONAL.formula(d("0.7499"))).isEqualTo("F < 75% → Ff = 1.015^(16 − 20F)");
    }

    /**
     * The pieces join: 1.007 at 80 % from both sides, 1.015 at 75 % from both sides (1.015^(16 − 20 × 0.75) = 1.015¹), and
     * stepping F by 0.0001 from 0.5000 to 1.0000 Ff never jumps by more than 0.0001 and never rises with the load (the
     * steepest piece, the power one at F = 0.5, falls 20 × ln 1.015 × 1.0934 ≈ 0.33 per unit of F = 0.000033 per step).
     */
    @Test
    void bandsJoinContinuously_andFallWithLoad() {
        BigDecimal step = d("0.0001");
        assertThat(NATIONAL.factor(d("0.8000"))).isEqualByComparingTo(NATIONAL.factor(d("0.7999")));
        assertThat(NATIONAL.factor(d("0.7500"))).isEqualByComparingTo(NATIONAL.factor(d("0.7499")));
        assertThat(NATIONAL.factor(d("0.8500"))).isEqualByComparingTo(NATIONAL.factor(d("0.8499")));
        BigDecimal previous = NATIONAL.factor(d("0.5000"));
        for (BigDecimal f = d("0.5001"); f.compareTo(BigDecimal.ONE) <= 0; f = f.add(step)) {
            BigDecimal ff = NATIONAL.factor(f);
            assertThat(previous.subtract(ff)).as("Ff(%s − 0.0001) − Ff(%s)", f, f).isBetween(BigDecimal.ZERO, step);
            previous = ff;
        }
    }

    /**
     * Through FinalAllocation, category I at F = 0.70: P 100 MW, h 10,000 (P × h = 1,000,000 MWh), Qe 700,000 →
     * F 0.7000 → Ff 1.0302; Ae = 700,000 × 0.7950 × 1.0302 = 556,500 × 1.0302 = 556,500 + 16,806.3 = 573,306.3 → A 573,306.
     */
    @Test
    void categoryI_load70_ff1_0302_gives573306() {
        UnitAllocation u = only(allocated(method2023(), entity("600000", unit("#1", UnitCategory.I, "100", "700000", "0", "10000", "600000"))));

        assertThat(u.loadRate().value()).isEqualByComparingTo("0.7000");
        assertThat(u.loadFactor().value()).isEqualByComparingTo("1.0302");
        assertThat(u.loadFactor().formula()).isEqualTo("F < 75% → Ff = 1.015^(16 − 20F)");
        assertThat(u.electricity().value()).isEqualByComparingTo("573306.3");
        assertThat(u.allowances()).isEqualTo(573_306L);
    }

    /**
     * Band boundaries through FinalAllocation, category II (Be 0.8090), P 100 MW × h 10,000 = 1,000,000 MWh:
     * 85 %: Qe 850,000 → Ff 1      → 850,000 × 0.8090 = 687,650.
     * 80 %: Qe 800,000 → Ff 1.007  → 647,200 × 1.007 = 647,200 + 4,530.4 = 651,730.4 → 651,730.
     * 75 %: Qe 750,000 → Ff 1.015  → 606,750 × 1.015 = 606,750 + 9,101.25 = 615,851.25 → 615,851.
     */
    @ParameterizedTest(name = "Qe {0} MWh → Ff {1} → A {2}")
    @CsvSource({"850000, 1.0000, 687650", "800000, 1.0070, 651730", "750000, 1.0150, 615851"})
    void categoryII_atEachBoundary(String mwh, String factor, long allowances) {
        UnitAllocation u = only(allocated(method2023(), entity("700000", unit("#2", UnitCategory.II, "100", mwh, "0", "10000", "700000"))));

        assertThat(u.loadFactor().value().toPlainString()).isEqualTo(factor);
        assertThat(u.allowances()).isEqualTo(allowances);
    }

    /**
     * The load rate itself is kept to 4 decimals, half up: P 1 MW, h 10,000, Qe 8,498.5 → 0.84985 → 0.8499 (half even 0.8498);
     * Qe 8,499.5 → 0.84995 → 0.8500 → Ff 1 (unrounded 84.995 % would sit in the 80–85 % band).
     */
    @Test
    void loadRateRoundsHalfUpToFourDecimals() {
        UnitAllocation a = only(allocated(method2023(), entity("1", unit("a", UnitCategory.I, "1", "8498.5", "0", "10000", "1"))));
        UnitAllocation b = only(allocated(method2023(), entity("1", unit("b", UnitCategory.I, "1", "8499.5", "0", "10000", "1"))));

        assertThat(a.loadRate().value().toPlainString()).isEqualTo("0.8499");
        assertThat(b.loadRate().value().toPlainString()).isEqualTo("0.8500");
        assertThat(b.loadFactor().value().toPlainString()).isEqualTo("1.0000");
    }

    /**
     * DOMAIN.md Allocation: "Ff load correction for conventional coal only": III and IV at F = 0.5 (P 100, h 10,000,
     * Qe 500,000) take no factor; I would take 1.0934.
     * III: 500,000 × 0.8285 = 414,250.  IV (no top-up): 500,000 × 0.3305 = 165,250.  I: 397,500 × 1.0934 = 434,626.5 → 434,626.
     */
    @Test
    void noLoadCorrectionForIIIAndIV() {
        AllocationMethod m = method2023(false, java.util.Optional.empty());
        UnitAllocation three = only(allocated(m, entity("1", unit("3", UnitCategory.III, "100", "500000", "0", "10000", "1"))));
        UnitAllocation four = only(allocated(m, entity("1", unit("4", UnitCategory.IV, "100", "500000", "0", "10000", "1"))));
        UnitAllocation one = only(allocated(m, entity("1", unit("1", UnitCategory.I, "100", "500000", "0", "10000", "1"))));

        assertThat(three.loadFactor()).isNull();
        assertThat(three.loadRate()).isNull();
        assertThat(three.allowances()).isEqualTo(414_250L);
        assertThat(four.loadFactor()).isNull();
        assertThat(four.allowances()).isEqualTo(165_250L);
        assertThat(one.loadFactor().value()).isEqualByComparingTo("1.0934");
        assertThat(one.allowances()).isEqualTo(434_626L);
    }

    /** A conventional coal unit that generated nothing has no load rate (and needs no hours): Ff 1, only heat. 0 + 1,000 × 0.1038 = 103.8 → 103. */
    @Test
    void coalUnitWithoutGeneration_noLoadRate_onlyHeat() {
        UnitAllocation u = only(allocated(method2023(), entity("100", unit("#1", UnitCategory.I, "600", "0", "1000", null, "100"))));

        assertThat(u.loadRate()).isNull();
        assertThat(u.loadFactor()).isNull();
        assertThat(u.allowances()).isEqualTo(103L);
    }

    /**
     * Which band a boundary belongs to, seen with pieces that do not meet at 75 % (power piece 2^(1 − 0F) = 2): 75 % is in the
     * linear band (1 + 0.0014 × 5 + 0.0016 × 5 = 1.015), 74.99 % in the power band (2). With the national values both give 1.015.
     */
    @Test
    void boundary75BelongsToTheLinearBand() {
        LoadCorrection jump = new LoadCorrection(d("85"), d("80"), d("75"), d("0.0014"), d("0.0016"), d("2"), d("1"), d("0"));

        assertThat(jump.factor(d("0.7500")).toPlainString()).isEqualTo("1.0150");
        assertThat(jump.factor(d("0.7499")).toPlainString()).isEqualTo("2.0000");
    }

    @Test
    void bandsMustFall() {
        assertThatThrownBy(() -> new LoadCorrection(d("80"), d("85"), d("75"), d("0.0014"), d("0.0016"), d("1.015"), d("16"), d("20")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadCorrection(d("85"), d("80"), d("0"), d("0.0014"), d("0.0016"), d("1.015"), d("16"), d("20")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
