package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The report's auxiliary indicators. The heat-supply ratio is taken as heat supplied over the fuels' heat input
 * (α = Q_h / Σ(FC × NCV)); the fuel's heat and emissions are split between electricity (1 − α) and heat (α). Standard
 * coal is 29.3076 GJ/tce (GB/T 2589).
 */
final class PowerIndicators {

    static final BigDecimal GJ_PER_TCE = new BigDecimal("29.3076");
    static final BigDecimal MJ_PER_MWH = new BigDecimal("3.6");
    private static final BigDecimal THOUSAND = new BigDecimal(1000);

    private PowerIndicators() {
    }

    static UnitAccount.Indicators of(Figure emissions, Figure supplied, Figure heat, Figure heatInput, AccountingRules rules) {
        Rounding r = rules.rounding();
        Figure alpha = heatInput.value().signum() == 0 ? Figure.notComputed("year/heatRatio", "", "α = Q_h / Σ(FC × NCV)")
                : new Figure("year/heatRatio", r.indicator(PowerAccounting.divide(heat.value(), heatInput.value())), "", "α = Q_h / Σ(FC × NCV)",
                        List.of(input("Q_h", heat), input("Σ(FC × NCV)", heatInput)));
        BigDecimal a = alpha.computed() ? alpha.value() : BigDecimal.ZERO;
        BigDecimal powerShare = BigDecimal.ONE.subtract(a);
        Figure coalPower = ratio("year/coalPerPowerSupplied", "gce/kWh", "(1 − α) × Σ(FC × NCV) / 29.3076 / E_supplied × 1000",
                heatInput.value().multiply(powerShare).multiply(THOUSAND), GJ_PER_TCE.multiply(supplied.value()), r,
                List.of(input("α", alpha), input("Σ(FC × NCV)", heatInput), input("E_supplied", supplied)));
        Figure coalHeat = ratio("year/coalPerHeatSupplied", "kgce/GJ", "α × Σ(FC × NCV) / 29.3076 / Q_h × 1000",
                heatInput.value().multiply(a).multiply(THOUSAND), GJ_PER_TCE.multiply(heat.value()), r,
                List.of(input("α", alpha), input("Σ(FC × NCV)", heatInput), input("Q_h", heat)));
        Figure intensityPower = ratio("year/intensityPowerSupplied", "tCO2/MWh", "(1 − α) × E_fuel / E_supplied",
                emissions.value().multiply(powerShare), supplied.value(), r,
                List.of(input("α", alpha), input("E_fuel", emissions), input("E_supplied", supplied)));
        Figure intensityHeat = ratio("year/intensityHeatSupplied", "tCO2/GJ", "α × E_fuel / Q_h", emissions.value().multiply(a), heat.value(), r,
                List.of(input("α", alpha), input("E_fuel", emissions), input("Q_h", heat)));
        return new UnitAccount.Indicators(alpha, coalPower, coalHeat, intensityPower, intensityHeat);
    }

    /** Verification guide: CHP (gen×3.6 + heat)/Σ(FC×NCV) &lt; 1; condensing gen×3.6/Σ(FC×NCV) &lt; 46%. */
    static Optional<Warning> plausibility(String unit, Figure generation, Figure heat, Figure heatInput, AccountingRules rules) {
        if (heatInput.value().signum() == 0) {
            return Optional.empty();
        }
        BigDecimal electricGj = generation.value().multiply(MJ_PER_MWH);
        boolean chp = heat.value().signum() > 0;
        BigDecimal efficiency = rules.rounding().indicator(PowerAccounting.divide(chp ? electricGj.add(heat.value()) : electricGj, heatInput.value()));
        BigDecimal limit = chp ? rules.plausibility().chp() : rules.plausibility().condensing();
        if (efficiency.compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of(Warning.of(unit, chp ? Warning.CHP_EFFICIENCY : Warning.CONDENSING_EFFICIENCY, efficiency, limit));
    }

    private static Figure ratio(String key, String unit, String formula, BigDecimal numerator, BigDecimal denominator, Rounding r,
            List<Figure.Input> inputs) {
        if (denominator.signum() == 0) {
            return Figure.notComputed(key, unit, formula);
        }
        return new Figure(key, r.indicator(PowerAccounting.divide(numerator, denominator)), unit, formula, inputs);
    }

    private static Figure.Input input(String symbol, Figure figure) {
        return Figure.Input.of(symbol, figure.value(), figure.unit(), figure.key());
    }
}
