package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.util.List;

/** An entity's verified data for the year: its units and its verified emissions under the year's compliance scope. */
public record EntityBasis(String emitter, List<UnitBasis> units, BigDecimal verifiedEmissions) {

    public EntityBasis {
        units = List.copyOf(units);
    }
}
