package org.opencets.accounting;

import java.util.List;

/** The entity's year: its units and the totals over them (the report's and the surrender obligation's). */
public record EntityAccount(int year, List<UnitAccount> units, Figure fuelEmissions, Figure electricityEmissions, Figure totalEmissions,
        Figure complianceEmissions, List<Gap> gaps, List<Warning> warnings) {

    public EntityAccount {
        units = List.copyOf(units);
        gaps = List.copyOf(gaps);
        warnings = List.copyOf(warnings);
    }

    public boolean complete() {
        return gaps.isEmpty();
    }
}
