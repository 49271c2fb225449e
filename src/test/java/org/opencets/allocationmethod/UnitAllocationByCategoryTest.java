package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencets.allocationmethod.AllocationFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.Figure;
import org.opencets.directory.UnitCategory;

/**
 * DOMAIN.md Allocation: A_unit = ⌊Qe × Be × Ff + Qh × Bh⌋, one unit per category with the 2023 benchmarks (and one with
 * 2024's), every figure checked: load rate and factor (I, II only), electricity, heat, benchmark, gas top-up, allowances.
 * Entities are given emissions low enough that the 20 % gap cap adds nothing (checked: gapCapTopUp 0).
 */
class UnitAllocationByCategoryTest {

    /** "symbol=value unit @source" with the value's trailing zeros stripped, to compare inputs by value and provenance. */
    static List<String> inputs(Figure f) {
        return f.inputs().stream().map(i -> i.symbol() + "=" + i.value().stripTrailingZeros().toPlainString() + " " + i.unit() + " @" + i.source())
                .toList();
    }

    /**
     * DOMAIN.md Allocation, category I (conventional coal ≥ 400 MW), 2023:
     * P 600 MW, Qe 3,000,000 MWh, h 5,500 → F = 3,000,000 / (600 × 5,500) = 3,000,000 / 3,300,000 = 0.90909… → 0.9091 ≥ 85 % → Ff 1.
     * Ae = 3,000,000 × 0.7950 × 1 = 2,385,000.
     * Ah = 1,234,567.8 × 0.1038 = 123,456.78 + 4,691.35764 = 128,148.13764.
     * A = ⌊2,385,000 + 128,148.13764⌋ = ⌊2,513,148.13764⌋ = 2,513,148.
     */
    @Test
    void categoryI_2023_loadAbove85_ff1_plusCoalHeat_gives2513148() {
        EntityAllocation e = allocated(method2023(), entity("2600000", unit("#1", UnitCategory.I, "600", "3000000", "1234567.8", "5500", "2600000")));
        UnitAllocation u = only(e);

        assertThat(u.loadRate().value()).isEqualByComparingTo("0.9091");
        assertThat(u.loadRate().value().scale()).isEqualTo(4);
        assertThat(u.loadRate().formula()).isEqualTo("F = Qe ÷ (P × h)");
        assertThat(inputs(u.loadRate())).containsExactly("Qe=3000000 MWh @basis:#1", "P=600 MW @basis:#1", "h=5500 h @basis:#1");
        assertThat(u.loadFactor().value()).isEqualByComparingTo("1");
        assertThat(u.loadFactor().formula()).isEqualTo("F ≥ 85% → Ff = 1");
        assertThat(inputs(u.loadFactor())).containsExactly("F=0.9091  @loadRate:#1");

        assertThat(u.electricity().key()).isEqualTo("electricity:#1");
        assertThat(u.electricity().value()).isEqualByComparingTo("2385000");
        assertThat(u.electricity().formula()).isEqualTo("Qe × Be × Ff");
        assertThat(inputs(u.electricity())).containsExactly("Qe=3000000 MWh @basis:#1", "Be=0.795 tCO2/MWh @rules:2023", "Ff=1  @loadFactor:#1");

        assertThat(u.heat().value()).isEqualByComparingTo("128148.13764");
        assertThat(u.heat().formula()).isEqualTo("Qh × Bh");
        assertThat(inputs(u.heat())).containsExactly("Qh=1234567.8 GJ @basis:#1", "Bh=0.1038 tCO2/GJ @rules:2023");

        assertThat(u.benchmark().value()).isEqualByComparingTo("2513148");
        assertThat(u.benchmark().formula()).isEqualTo("⌊Ae + Ah⌋");
        assertThat(inputs(u.benchmark())).containsExactly("Ae=2385000 t @electricity:#1", "Ah=128148.13764 t @heat:#1");
        assertThat(u.gasTopUp()).isNull();
        assertThat(u.allowances()).isEqualTo(2_513_148L);

        // entity: 0.8 × 2,600,000 = 2,080,000 < 2,513,148 → no cap top-up; obligation ⌈2,600,000⌉
        assertThat(e.unitsTotal().value()).isEqualByComparingTo("2513148");
        assertThat(e.gapCapTopUp().value()).isEqualByComparingTo("0");
        assertThat(e.due()).isEqualTo(2_513_148L);
        assertThat(e.obligationTonnes()).isEqualTo(2_600_000L);
    }

    /**
     * DOMAIN.md Allocation, category II (conventional coal < 400 MW), 2023, exactly at the 80 % boundary:
     * P 300 MW, Qe 1,200,000 MWh, h 5,000 → F = 1,200,000 / 1,500,000 = 0.8000 → Ff = 1 + 0.0014 × (85 − 80) = 1.007.
     * Ae = 1,200,000 × 0.8090 × 1.007 = 970,800 × 1.007 = 970,800 + 6,795.6 = 977,595.6.
     * Ah = 500,000 × 0.1038 = 51,900.
     * A = ⌊977,595.6 + 51,900⌋ = ⌊1,029,495.6⌋ = 1,029,495.
     */
    @Test
    void categoryII_2023_loadExactly80_ff1_007_gives1029495() {
        UnitAllocation u = only(allocated(method2023(), entity("1100000", unit("#2", UnitCategory.II, "300", "1200000", "500000", "5000", "1100000"))));

        assertThat(u.loadRate().value()).isEqualByComparingTo("0.8000");
        assertThat(u.loadFactor().value()).isEqualByComparingTo("1.0070");
        assertThat(u.loadFactor().formula()).isEqualTo("80% ≤ F < 85% → Ff = 1 + 0.0014 × (85 − 100F)");
        assertThat(u.electricity().value()).isEqualByComparingTo("977595.6");
        assertThat(inputs(u.electricity())).containsExactly("Qe=1200000 MWh @basis:#2", "Be=0.809 tCO2/MWh @rules:2023", "Ff=1.007  @loadFactor:#2");
        assertThat(u.heat().value()).isEqualByComparingTo("51900");
        assertThat(inputs(u.heat())).containsExactly("Qh=500000 GJ @basis:#2", "Bh=0.1038 tCO2/GJ @rules:2023");
        assertThat(u.benchmark().value()).isEqualByComparingTo("1029495");
        assertThat(u.gasTopUp()).isNull();
        assertThat(u.allowances()).isEqualTo(1_029_495L);
    }

    /**
     * DOMAIN.md Allocation, category III (unconventional coal), 2023, no load correction even at a low load
     * (1,500,000 / (300 × 7,000) = 0.7143 would give Ff ≈ 1.0259 if it were corrected):
     * Ae = 1,500,000 × 0.8285 = 1,242,750;  Ah = 200,000 × 0.1038 = 20,760;  A = 1,263,510.
     */
    @Test
    void categoryIII_2023_notLoadCorrected_gives1263510() {
        UnitAllocation u = only(allocated(method2023(), entity("1300000", unit("#3", UnitCategory.III, "300", "1500000", "200000", "7000", "1300000"))));

        assertThat(u.loadRate()).isNull();
        assertThat(u.loadFactor()).isNull();
        assertThat(u.electricity().value()).isEqualByComparingTo("1242750");
        assertThat(u.electricity().formula()).isEqualTo("Qe × Be");
        assertThat(inputs(u.electricity())).containsExactly("Qe=1500000 MWh @basis:#3", "Be=0.8285 tCO2/MWh @rules:2023");
        assertThat(u.heat().value()).isEqualByComparingTo("20760");
        assertThat(inputs(u.heat())).containsExactly("Qh=200000 GJ @basis:#3", "Bh=0.1038 tCO2/GJ @rules:2023");
        assertThat(u.benchmark().value()).isEqualByComparingTo("1263510");
        assertThat(u.gasTopUp()).isNull();
        assertThat(u.allowances()).isEqualTo(1_263_510L);
    }

    /**
     * DOMAIN.md Allocation, category IV (gas), 2023, gas heat benchmark and top-up:
     * Ae = 1,000,000 × 0.3305 = 330,500;  Ah = 300,000 × 0.0536 = 16,080;  benchmark = 346,580.
     * E_unit 380,000.4 → ⌈⌉ 380,001 → top-up 380,001 − 346,580 = 33,421 → allowances 380,001.
     */
    @Test
    void categoryIV_2023_gasHeatBenchmark_toppedUpToCeilEmissions_gives380001() {
        EntityAllocation e = allocated(method2023(), entity("380000.4", unit("G1", UnitCategory.IV, "400", "1000000", "300000", "2500", "380000.4")));
        UnitAllocation u = only(e);

        assertThat(u.loadRate()).isNull();
        assertThat(u.loadFactor()).isNull();
        assertThat(u.electricity().value()).isEqualByComparingTo("330500");
        assertThat(inputs(u.electricity())).containsExactly("Qe=1000000 MWh @basis:G1", "Be=0.3305 tCO2/MWh @rules:2023");
        assertThat(u.heat().value()).isEqualByComparingTo("16080");
        assertThat(inputs(u.heat())).containsExactly("Qh=300000 GJ @basis:G1", "Bh=0.0536 tCO2/GJ @rules:2023");
        assertThat(u.benchmark().value()).isEqualByComparingTo("346580");
        assertThat(u.gasTopUp().value()).isEqualByComparingTo("33421");
        assertThat(u.gasTopUp().formula()).isEqualTo("max(0, ⌈E_unit⌉ − A)");
        assertThat(inputs(u.gasTopUp())).containsExactly("E_unit=380000.4 tCO2 @basis:G1", "A=346580 t @benchmark:G1");
        assertThat(u.allowances()).isEqualTo(380_001L);
        // 0.8 × 380,000.4 = 304,000.32 → 304,000 < 380,001: no cap top-up; obligation ⌈380,000.4⌉ = 380,001
        assertThat(e.gapCapTopUp().value()).isEqualByComparingTo("0");
        assertThat(e.due()).isEqualTo(380_001L);
        assertThat(e.obligationTonnes()).isEqualTo(380_001L);
    }

    /**
     * DOMAIN.md Allocation, the 2024 benchmarks on the category I unit above:
     * Ae = 3,000,000 × 0.7910 = 2,373,000;  Ah = 1,234,567.8 × 0.1033 = 123,456.78 + 4,074.07374 = 127,530.85374;
     * A = ⌊2,500,530.85374⌋ = 2,500,530 (2023's benchmarks gave 2,513,148).
     */
    @Test
    void categoryI_2024Benchmarks_give2500530() {
        UnitAllocation u = only(allocated(method2024(), entity("2600000", unit("#1", UnitCategory.I, "600", "3000000", "1234567.8", "5500", "2600000"))));

        assertThat(u.electricity().value()).isEqualByComparingTo("2373000");
        assertThat(inputs(u.electricity())).contains("Be=0.791 tCO2/MWh @rules:2024");
        assertThat(u.heat().value()).isEqualByComparingTo("127530.85374");
        assertThat(u.allowances()).isEqualTo(2_500_530L);
    }

    /**
     * DOMAIN.md Allocation: the entity sums its units. The four units above in one entity, 2023:
     * 2,513,148 + 1,029,495 + 1,263,510 + 380,001 = 5,186,154; E 6,000,000.25 → 0.8 E = 4,800,000.2 → no cap;
     * obligation ⌈6,000,000.25⌉ = 6,000,001.
     */
    @Test
    void entitySumsItsUnits_inOrder() {
        EntityAllocation e = allocated(method2023(), entity("6000000.25",
                unit("#1", UnitCategory.I, "600", "3000000", "1234567.8", "5500", "2600000"),
                unit("#2", UnitCategory.II, "300", "1200000", "500000", "5000", "1100000"),
                unit("#3", UnitCategory.III, "300", "1500000", "200000", "7000", "1300000"),
                unit("G1", UnitCategory.IV, "400", "1000000", "300000", "2500", "380000.4")));

        assertThat(e.units()).extracting(UnitAllocation::unit, UnitAllocation::allowances)
                .containsExactly(tuple("#1", 2_513_148L), tuple("#2", 1_029_495L),
                        tuple("#3", 1_263_510L), tuple("G1", 380_001L));
        assertThat(e.unitsTotal().value()).isEqualByComparingTo("5186154");
        assertThat(e.unitsTotal().formula()).isEqualTo("Σ A_unit");
        assertThat(e.gapCapTopUp().value()).isEqualByComparingTo("0");
        assertThat(e.allocationDue().value()).isEqualByComparingTo("5186154");
        assertThat(e.obligationTonnes()).isEqualTo(6_000_001L);
    }
}
