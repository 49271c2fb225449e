package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocationmethod.AllocationFixtures.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencets.directory.UnitCategory;

/**
 * DOMAIN.md Allocation: "Gas units: topped up to their emissions. Entity gap capped at 20% (top up to 80% of emissions)."
 * Gas unit used below: Qe 1,000,000 MWh, Qh 300,000 GJ → 330,500 + 16,080 = benchmark 346,580 (2023).
 * Category III unit used below: Qe 1,000,000 MWh, no heat → 1,000,000 × 0.8285 = 828,500.
 */
class GasTopUpAndGapCapTest {

    static UnitBasis gas(String emissions) {
        return unit("G1", UnitCategory.IV, "400", "1000000", "300000", "2500", emissions);
    }

    static UnitBasis gangue() {
        return unit("C1", UnitCategory.III, "300", "1000000", "0", "5000", "1000000");
    }

    /** Below its emissions: E_unit 380,000.4 → ⌈⌉ 380,001; top-up 380,001 − 346,580 = 33,421 → 380,001. */
    @Test
    void gasUnitBelowItsEmissions_toppedUpToCeilEmissions() {
        UnitAllocation u = only(allocated(method2023(), entity("380000.4", gas("380000.4"))));

        assertThat(u.benchmark().value()).isEqualByComparingTo("346580");
        assertThat(u.gasTopUp().value()).isEqualByComparingTo("33421");
        assertThat(u.allowances()).isEqualTo(380_001L);
    }

    /** Whole-tonne emissions are not rounded further: 380,000.00 → top-up 33,420 → 380,000. */
    @Test
    void gasUnitWholeTonneEmissions_toppedUpExactly() {
        UnitAllocation u = only(allocated(method2023(), entity("380000", gas("380000.00"))));

        assertThat(u.gasTopUp().value()).isEqualByComparingTo("33420");
        assertThat(u.allowances()).isEqualTo(380_000L);
    }

    /** Above its emissions the gas unit keeps its benchmark: E_unit 300,000 < 346,580 → top-up 0, allowances 346,580 (not cut). */
    @Test
    void gasUnitAboveItsEmissions_notCut() {
        UnitAllocation u = only(allocated(method2023(), entity("300000", gas("300000"))));

        assertThat(u.gasTopUp().value()).isEqualByComparingTo("0");
        assertThat(u.allowances()).isEqualTo(346_580L);
    }

    /** gasTopUp = false: no top-up figure, allowances stay 346,580 though E_unit is 380,000.4 (and no cap, to see it alone). */
    @Test
    void gasTopUpOff_noTopUp() {
        UnitAllocation u = only(allocated(method2023(false, Optional.empty()), entity("380000.4", gas("380000.4"))));

        assertThat(u.gasTopUp()).isNull();
        assertThat(u.allowances()).isEqualTo(346_580L);
    }

    /** Coal units are never topped up to their emissions: III with E_unit 1,000,000 keeps 828,500 (no cap this year). */
    @Test
    void coalUnitNotToppedUp() {
        UnitAllocation u = only(allocated(method2023(true, Optional.empty()), entity("1000000", gangue())));

        assertThat(u.gasTopUp()).isNull();
        assertThat(u.allowances()).isEqualTo(828_500L);
    }

    /**
     * 30 % gap: ΣA 828,500, E 1,183,571.43 (828,500 / 0.7) → ⌊0.8 × 1,183,571.43⌋ = ⌊946,857.144⌋ = 946,857;
     * cap top-up 946,857 − 828,500 = 118,357; due 946,857; obligation ⌈1,183,571.43⌉ = 1,183,572.
     */
    @Test
    void gap30Percent_raisedToFloor80PercentOfEmissions() {
        EntityAllocation e = allocated(method2023(), entity("1183571.43", gangue()));

        assertThat(e.unitsTotal().value()).isEqualByComparingTo("828500");
        assertThat(e.gapCapTopUp().value()).isEqualByComparingTo("118357");
        assertThat(e.gapCapTopUp().formula()).isEqualTo("max(0, ⌊(1 − cap) × E⌋ − ΣA)");
        assertThat(UnitAllocationByCategoryTest.inputs(e.gapCapTopUp())).containsExactly("cap=0.2  @rules:2023", "E=1183571.43 tCO2 @verified",
                "ΣA=828500 t @unitsTotal");
        assertThat(e.allocationDue().value()).isEqualByComparingTo("946857");
        assertThat(e.allocationDue().formula()).isEqualTo("Σ A_unit + cap top-up");
        assertThat(e.due()).isEqualTo(946_857L);
        assertThat(e.obligationTonnes()).isEqualTo(1_183_572L);
        assertThat(e.units().getFirst().allowances()).as("the cap tops up the entity, not its units").isEqualTo(828_500L);
    }

    /** 15 % gap: E 974,705.88 (828,500 / 0.85) → 0.8 E = 779,764.70… &lt; 828,500 → top-up 0; due 828,500; obligation 974,706. */
    @Test
    void gap15Percent_unchanged() {
        EntityAllocation e = allocated(method2023(), entity("974705.88", gangue()));

        assertThat(e.gapCapTopUp().value()).isEqualByComparingTo("0");
        assertThat(e.due()).isEqualTo(828_500L);
        assertThat(e.obligationTonnes()).isEqualTo(974_706L);
    }

    /**
     * Exactly 20 %: E 1,035,625 → 0.8 E = 828,500 = ΣA → top-up 0. One tonne more of floor: E 1,035,626.25 → 0.8 E = 828,501 →
     * top-up 1.
     */
    @Test
    void gapExactly20Percent_nothingAdded_justAbove_oneTonne() {
        assertThat(allocated(method2023(), entity("1035625", gangue())).gapCapTopUp().value()).isEqualByComparingTo("0");
        EntityAllocation above = allocated(method2023(), entity("1035626.25", gangue()));
        assertThat(above.gapCapTopUp().value()).isEqualByComparingTo("1");
        assertThat(above.due()).isEqualTo(828_501L);
    }

    /** No cap this year (entityGapCap empty): a 30 % gap stays; the cap figure is not computed; due = ΣA = 828,500. */
    @Test
    void noCapWhenEmpty() {
        EntityAllocation e = allocated(method2023(true, Optional.empty()), entity("1183571.43", gangue()));

        assertThat(e.gapCapTopUp().computed()).isFalse();
        assertThat(e.allocationDue().formula()).isEqualTo("Σ A_unit");
        assertThat(e.due()).isEqualTo(828_500L);
        assertThat(e.obligationTonnes()).isEqualTo(1_183_572L);
    }

    /**
     * The cap comes after the gas top-up: III 828,500 + gas topped up to 380,001 (benchmark 346,580) = ΣA 1,208,501.
     * E 1,600,000 → 0.8 E = 1,280,000 → cap top-up 1,280,000 − 1,208,501 = 71,499 → due 1,280,000.
     * (Cap before the top-up would have added 1,280,000 − 1,175,080 = 104,920, then +33,421 → 1,313,421.)
     */
    @Test
    void capAppliedAfterGasTopUp() {
        EntityAllocation e = allocated(method2023(), entity("1600000", gangue(), gas("380000.4")));

        assertThat(e.units().get(1).allowances()).isEqualTo(380_001L);
        assertThat(e.unitsTotal().value()).isEqualByComparingTo("1208501");
        assertThat(e.gapCapTopUp().value()).isEqualByComparingTo("71499");
        assertThat(e.due()).isEqualTo(1_280_000L);
    }
}
