package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocationmethod.AllocationFixtures.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencets.directory.UnitCategory;

/** DOMAIN.md Allocation: "Allowances rounded down to whole tonnes"; the obligation (⌈E⌉) rounds up. */
class AllocationRoundingTest {

    /**
     * Category III: Ae = 1,013 × 0.8285 = 828.5 + 10.7705 = 839.2705; Ah = 113 × 0.1038 = 11.7294;
     * Ae + Ah = 850.9999 exactly → ⌊⌋ 850 (half up would give 851).
     */
    @Test
    void unitAtX_9999_roundsDownToX() {
        UnitAllocation u = only(allocated(method2023(true, Optional.empty()), entity("900", unit("3", UnitCategory.III, "1", "1013", "113", "1", "900"))));

        assertThat(u.electricity().value().add(u.heat().value())).isEqualByComparingTo("850.9999");
        assertThat(u.benchmark().value()).isEqualByComparingTo("850");
        assertThat(u.allowances()).isEqualTo(850L);
    }

    /** Rounded once, on the sum: IV without top-up, Qe 10 × 0.3305 = 3.305, Qh 13 × 0.0536 = 0.6968; ⌊4.0018⌋ = 4 (parts floored: 3 + 0 = 3). */
    @Test
    void roundedOnTheSum_notPerPart() {
        UnitAllocation u = only(allocated(method2023(false, Optional.empty()), entity("1", unit("G", UnitCategory.IV, "1", "10", "13", "10", "1"))));

        assertThat(u.allowances()).isEqualTo(4L);
    }

    /** Obligation ⌈E⌉: 100.01 → 101; 100.00 → 100. */
    @Test
    void obligationRoundsUp() {
        AllocationMethod m = method2023(true, Optional.empty());
        assertThat(allocated(m, entity("100.01", unit("3", UnitCategory.III, "1", "1", "0", "1", "100.01"))).obligationTonnes()).isEqualTo(101L);
        assertThat(allocated(m, entity("100.00", unit("3", UnitCategory.III, "1", "1", "0", "1", "100"))).obligationTonnes()).isEqualTo(100L);
    }

    /** The cap's floor rounds down: E 100.01, cap 20 % → 0.8 × 100.01 = 80.008 → 80 (ΣA 0.8285 → 0). */
    @Test
    void capFloorRoundsDown() {
        EntityAllocation e = allocated(method2023(), entity("100.01", unit("3", UnitCategory.III, "1", "1", "0", "1", "100.01")));

        assertThat(e.unitsTotal().value()).isEqualByComparingTo("0");
        assertThat(e.due()).isEqualTo(80L);
    }
}
