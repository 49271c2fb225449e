package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A fuel's annual figures: NCV and C_ar weighted by monthly consumption; emissions as the sum of the months. */
final class FuelYear {

    private FuelYear() {
    }

    static FuelYearAccount of(String fuel, List<FuelMonthAccount> months, AccountingRules rules) {
        String prefix = "year/" + fuel + "/";
        List<FuelMonthAccount> burnt = months.stream().filter(f -> f.consumption().computed() && f.consumption().value().signum() > 0).toList();
        String unit = months.getFirst().consumption().unit();
        BigDecimal totalFc = burnt.stream().map(f -> f.consumption().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Figure consumption = new Figure(prefix + "consumption", totalFc, unit, "Σ FC", inputs(burnt, FuelMonthAccount::consumption));
        Figure ncv = weighted(prefix + "ncv", months.getFirst().ncv().unit(), "Σ(FC × NCV) / Σ FC", burnt, FuelMonthAccount::ncv,
                v -> rules.rounding().ncv(v));
        boolean gaseous = rules.fuel(fuel).map(FuelFactors::gaseous).orElse(false);
        Figure carbon = weighted(prefix + "carbon", months.getFirst().carbon().unit(), "Σ(FC × C_ar) / Σ FC", burnt, FuelMonthAccount::carbon,
                v -> rules.rounding().carbon(v, gaseous));
        List<Figure.Input> emissionInputs = inputs(months, FuelMonthAccount::emissions);
        BigDecimal emissions = emissionInputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FuelYearAccount(fuel, consumption, ncv, carbon, new Figure(prefix + "emissions", rules.rounding().emissions(emissions), "tCO2",
                "Σ months E", emissionInputs));
    }

    private static Figure weighted(String key, String unit, String formula, List<FuelMonthAccount> burnt,
            java.util.function.Function<FuelMonthAccount, Figure> figure, java.util.function.UnaryOperator<BigDecimal> round) {
        List<FuelMonthAccount> known = burnt.stream().filter(f -> figure.apply(f).computed()).toList();
        BigDecimal fc = known.stream().map(f -> f.consumption().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (fc.signum() == 0) {
            return Figure.notComputed(key, unit, formula);
        }
        BigDecimal weightedSum = known.stream().map(f -> f.consumption().value().multiply(figure.apply(f).value()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Figure.Input> inputs = new ArrayList<>(inputs(known, figure));
        return new Figure(key, round.apply(PowerAccounting.divide(weightedSum, fc)), unit, formula, inputs);
    }

    private static List<Figure.Input> inputs(List<FuelMonthAccount> months, java.util.function.Function<FuelMonthAccount, Figure> figure) {
        return months.stream().map(figure).filter(Figure::computed)
                .map(f -> new Figure.Input(f.key().substring(0, 7), f.value(), f.unit(), f.key(), f.usesDefault()
                        ? Figure.DefaultUse.of("month.usedDefault") : null)).toList();
    }
}
