package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.List;

/**
 * Purchased electricity: {@code E = MWh × EF_grid} with the year's national grid factor (seed 002 §二(三): 0.5703
 * tCO2/MWh for 2022). Reported while the year's rules say so; whether it counts for compliance is a separate rule.
 */
final class PurchasedElectricity {

    static final String FORMULA = "E_elec = AD_elec × EF_grid";

    private PurchasedElectricity() {
    }

    static Figure month(String unit, UnitMonth m, AccountingRules rules) {
        String key = m.month() + "/electricityEmissions";
        BigDecimal mwh = m.purchasedElectricity();
        if (!rules.electricityReported() || mwh == null || mwh.signum() <= 0) {
            return new Figure(key, rules.rounding().emissions(BigDecimal.ZERO), "tCO2", FORMULA, List.of());
        }
        if (rules.gridFactor().isEmpty()) {
            return Figure.notComputed(key, "tCO2", FORMULA);
        }
        BigDecimal factor = rules.gridFactor().get();
        return new Figure(key, rules.rounding().emissions(mwh.multiply(factor)), "tCO2", FORMULA,
                List.of(Figure.Input.of("AD_elec", mwh, "MWh", m.source()), Figure.Input.of("EF_grid", factor, "tCO2/MWh", "rules:" + rules.dataYear())));
    }
}
