package org.opencets.accounting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fuel combustion for one fuel and month (核算报告指南 发电设施 §5.2): {@code E = FC × C_ar × OF × 44/12}, with
 * {@code C_ar = NCV × CC} when element carbon is not measured. 44/12 is applied exactly (× 44 ÷ 12), never as a
 * rounded 3.67; each stored step is rounded as the year's rules say.
 */
final class FuelCombustion {

    static final BigDecimal CO2 = new BigDecimal(44);
    static final BigDecimal C = new BigDecimal(12);
    static final String FORMULA = "E = FC × C_ar × OF × 44/12";
    static final String CARBON_FORMULA = "C_ar = NCV × CC";

    private final String unit;
    private final YearMonth month;
    private final String source;
    private final AccountingRules rules;
    private final List<Gap> gaps;

    FuelCombustion(String unit, YearMonth month, String source, AccountingRules rules, List<Gap> gaps) {
        this.unit = unit;
        this.month = month;
        this.source = source;
        this.rules = rules;
        this.gaps = gaps;
    }

    FuelMonthAccount account(FuelMonth input, FuelFactors factors, Optional<CarbonSubstitute> substitute) {
        String prefix = month + "/" + input.fuel() + "/";
        Figure consumption = consumption(prefix, input, factors);
        if (!consumption.computed()) {
            return new FuelMonthAccount(input.fuel(), consumption, Figure.notComputed(prefix + "ncv", factors.ncvUnit(), "NCV"),
                    Figure.notComputed(prefix + "carbon", factors.carbonUnit(), CARBON_FORMULA), Figure.notComputed(prefix + "emissions", "tCO2", FORMULA));
        }
        if (consumption.value().signum() == 0) {
            return notBurnt(prefix, input, factors, consumption);
        }
        Figure ncv = ncv(prefix, input, factors);
        Figure carbon = carbon(prefix, input, factors, ncv, substitute);
        return new FuelMonthAccount(input.fuel(), consumption, ncv, carbon, emissions(prefix, factors, consumption, carbon));
    }

    private Figure consumption(String prefix, FuelMonth input, FuelFactors factors) {
        if (input.consumption() == null) {
            gaps.add(Gap.of(unit, month, input.fuel(), Gap.CONSUMPTION_MISSING));
            return Figure.notComputed(prefix + "consumption", factors.consumptionUnit(), "FC");
        }
        if (input.consumption().signum() < 0) {
            gaps.add(Gap.of(unit, month, input.fuel(), Gap.NEGATIVE, "FC", input.consumption()));
            return Figure.notComputed(prefix + "consumption", factors.consumptionUnit(), "FC");
        }
        return new Figure(prefix + "consumption", input.consumption(), factors.consumptionUnit(), "FC",
                List.of(Figure.Input.of("FC", input.consumption(), factors.consumptionUnit(), source)));
    }

    /** A fuel not burnt this month emits nothing and needs no quality data. */
    private FuelMonthAccount notBurnt(String prefix, FuelMonth input, FuelFactors factors, Figure consumption) {
        return new FuelMonthAccount(input.fuel(), consumption, Figure.notComputed(prefix + "ncv", factors.ncvUnit(), "NCV"),
                Figure.notComputed(prefix + "carbon", factors.carbonUnit(), CARBON_FORMULA),
                new Figure(prefix + "emissions", rules.rounding().emissions(BigDecimal.ZERO), "tCO2", FORMULA,
                        List.of(Figure.Input.of("FC", BigDecimal.ZERO, factors.consumptionUnit(), source))));
    }

    private Figure ncv(String prefix, FuelMonth input, FuelFactors factors) {
        Reported ncv = input.ncv();
        if (ncv.hasValue() && ncv.value().signum() < 0) {
            gaps.add(Gap.of(unit, month, input.fuel(), Gap.NEGATIVE, "NCV", ncv.value()));
            return Figure.notComputed(prefix + "ncv", factors.ncvUnit(), "NCV");
        }
        if (ncv.hasValue() && ncv.value().signum() > 0) {
            return new Figure(prefix + "ncv", ncv.value(), factors.ncvUnit(), "NCV",
                    List.of(new Figure.Input("NCV", ncv.value(), factors.ncvUnit(), source,
                            ncv.basis() == Basis.DEFAULT ? Figure.DefaultUse.of("ncv.default.reported") : null)));
        }
        if (factors.defaultNcv().isPresent()) {
            BigDecimal value = factors.defaultNcv().get();
            return new Figure(prefix + "ncv", value, factors.ncvUnit(), "NCV",
                    List.of(new Figure.Input("NCV", value, factors.ncvUnit(), rulesSource(), Figure.DefaultUse.of("ncv.default.notMeasured"))));
        }
        gaps.add(Gap.of(unit, month, input.fuel(), Gap.NCV_MISSING));
        return Figure.notComputed(prefix + "ncv", factors.ncvUnit(), "NCV");
    }

    private Figure carbon(String prefix, FuelMonth input, FuelFactors factors, Figure ncv, Optional<CarbonSubstitute> substitute) {
        Reported carbon = input.carbon();
        if (carbon.hasValue() && carbon.value().signum() < 0) {
            gaps.add(Gap.of(unit, month, input.fuel(), Gap.NEGATIVE, "C_ar", carbon.value()));
            return Figure.notComputed(prefix + "carbon", factors.carbonUnit(), CARBON_FORMULA);
        }
        if (carbon.isMeasured() && carbon.value().signum() > 0) {
            return new Figure(prefix + "carbon", carbon.value(), factors.carbonUnit(), "C_ar",
                    List.of(Figure.Input.of("C_ar", carbon.value(), factors.carbonUnit(), source)));
        }
        if (substitute.isEmpty()) {
            gaps.add(Gap.of(unit, month, input.fuel(), Gap.NO_CARBON_DEFAULT, rules.dataYear()));
            return Figure.notComputed(prefix + "carbon", factors.carbonUnit(), CARBON_FORMULA);
        }
        if (!ncv.computed()) {
            return Figure.notComputed(prefix + "carbon", factors.carbonUnit(), CARBON_FORMULA);
        }
        BigDecimal cc = substitute.get().carbonPerGj();
        BigDecimal value = rules.rounding().carbon(ncv.value().multiply(cc), factors.gaseous());
        List<Figure.Input> inputs = new ArrayList<>(ncv.inputs());
        inputs.add(new Figure.Input("CC", cc, "tC/GJ", rulesSource(), substitute.get().reason()));
        return new Figure(prefix + "carbon", value, factors.carbonUnit(), CARBON_FORMULA, inputs);
    }

    private Figure emissions(String prefix, FuelFactors factors, Figure consumption, Figure carbon) {
        if (!carbon.computed()) {
            return Figure.notComputed(prefix + "emissions", "tCO2", FORMULA);
        }
        BigDecimal exact = consumption.value().multiply(carbon.value()).multiply(factors.oxidationRate()).multiply(CO2)
                .divide(C, MathContext.DECIMAL128);
        List<Figure.Input> inputs = new ArrayList<>();
        inputs.add(Figure.Input.of("FC", consumption.value(), factors.consumptionUnit(), source));
        inputs.addAll(carbon.inputs());
        if (carbon.inputs().size() > 1) {
            inputs.add(Figure.Input.of("C_ar", carbon.value(), factors.carbonUnit(), carbon.key()));
        }
        inputs.add(Figure.Input.of("OF", factors.oxidationRate(), "", rulesSource()));
        return new Figure(prefix + "emissions", rules.rounding().emissions(exact), "tCO2", FORMULA, inputs);
    }

    private String rulesSource() {
        return "rules:" + rules.dataYear();
    }
}
