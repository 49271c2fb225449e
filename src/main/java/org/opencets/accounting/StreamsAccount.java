package org.opencets.accounting;

import java.util.List;

/** A non-power entity's year: each stream's emissions, the totals per kind, the report total, compliance and intensities. */
public record StreamsAccount(int year, List<Figure> streams, Figure fuelCombustion, Figure process, Figure purchasedElectricity,
        Figure purchasedHeat, Figure totalEmissions, Figure complianceEmissions, List<Figure> intensities, List<Gap> gaps) {

    public StreamsAccount {
        streams = List.copyOf(streams);
        intensities = List.copyOf(intensities);
        gaps = List.copyOf(gaps);
    }

    public boolean complete() {
        return gaps.isEmpty();
    }
}
