package org.opencets.accounting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** All figures of a unit by their key, for the "how computed" view. */
final class FigureIndex {

    private final Map<String, Figure> byKey = new LinkedHashMap<>();

    static FigureIndex of(UnitAccount unit) {
        FigureIndex index = new FigureIndex();
        for (MonthAccount m : unit.months()) {
            m.fuels().forEach(f -> index.add(f.consumption(), f.ncv(), f.carbon(), f.emissions()));
            index.add(m.fuelEmissions(), m.electricityEmissions());
        }
        unit.fuels().forEach(f -> index.add(f.consumption(), f.ncv(), f.carbon(), f.emissions()));
        index.add(unit.fuelEmissions(), unit.electricityEmissions(), unit.totalEmissions(), unit.complianceEmissions(),
                unit.generation(), unit.powerSupplied(), unit.heatSupplied(), unit.heatInput());
        unit.indicators().all().forEach(index::add);
        return index;
    }

    private void add(Figure... figures) {
        for (Figure f : figures) {
            byKey.put(f.key(), f);
        }
    }

    Optional<Figure> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
