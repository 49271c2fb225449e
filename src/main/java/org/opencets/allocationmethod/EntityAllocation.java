package org.opencets.allocationmethod;

import java.util.List;
import org.opencets.accounting.Figure;

/**
 * An entity's final allocation (核定): its units, their sum, the top-up that caps its gap (empty figure when the year
 * has no cap), the allocation due (应发配额量) and the surrender obligation (应清缴配额量 = verified emissions in whole
 * tonnes, rounded up because the surrender must cover them, seed 004 §三(二)3).
 */
public record EntityAllocation(String emitter, List<UnitAllocation> units, Figure unitsTotal, Figure gapCapTopUp, Figure allocationDue,
        Figure obligation) {

    public EntityAllocation {
        units = List.copyOf(units);
    }

    public long due() {
        return allocationDue.value().longValueExact();
    }

    public long obligationTonnes() {
        return obligation.value().longValueExact();
    }
}
