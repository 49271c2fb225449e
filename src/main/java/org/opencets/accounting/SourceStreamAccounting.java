package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generic source-stream model for the non-power sectors (cement, flat glass, steel, aluminium, chemicals, paper,
 * aviation guidelines): fuel {@code E = AD × NCV × CC × OF × 44/12}; process {@code E = AD × EF}; purchased
 * electricity {@code AD × EF_grid} and heat {@code AD × EF_heat} with the year's factors.
 */
public final class SourceStreamAccounting {

    static final String FUEL_FORMULA = "E = AD × NCV × CC × OF × 44/12";
    static final String FACTOR_FORMULA = "E = AD × EF";

    private SourceStreamAccounting() {
    }

    public static StreamsAccount account(int year, List<SourceStream> streams, List<ProductOutput> products, AccountingRules rules) {
        List<Gap> gaps = new ArrayList<>();
        List<Figure> figures = streams.stream().map(s -> stream(s, rules, gaps)).toList();
        Figure fuel = kindSum("fuelCombustion", streams, figures, StreamKind.FUEL_COMBUSTION, rules);
        Figure process = kindSum("process", streams, figures, StreamKind.PROCESS, rules);
        Figure electricity = kindSum("purchasedElectricity", streams, figures, StreamKind.PURCHASED_ELECTRICITY, rules);
        Figure heat = kindSum("purchasedHeat", streams, figures, StreamKind.PURCHASED_HEAT, rules);
        List<Figure> reported = new ArrayList<>(List.of(fuel, process, heat));
        if (rules.electricityReported()) {
            reported.add(electricity);
        }
        Figure total = add("total", reported, rules);
        Figure compliance = add("compliance", rules.electricityReported() && rules.electricityInCompliance() ? List.of(fuel, process, electricity, heat) : List.of(fuel, process), rules);
        List<Figure> intensities = products.stream().map(p -> intensity(p, total, rules, gaps)).toList();
        return new StreamsAccount(year, figures, fuel, process, electricity, heat, total, compliance, intensities, gaps);
    }

    private static Figure stream(SourceStream s, AccountingRules rules, List<Gap> gaps) {
        String key = "stream/" + s.key();
        if (s.activity() == null) {
            gaps.add(Gap.of(s.key(), null, "activity", Gap.VALUE_MISSING));
            return Figure.notComputed(key, "tCO2", formula(s));
        }
        if (s.activity().signum() < 0) {
            gaps.add(Gap.of(s.key(), null, "activity", Gap.NEGATIVE, "AD", s.activity()));
            return Figure.notComputed(key, "tCO2", formula(s));
        }
        return switch (s.kind()) {
            case FUEL_COMBUSTION -> fuel(key, s, rules, gaps);
            case PROCESS -> factor(key, s, s.emissionFactor(), "EF", rules, gaps);
            case PURCHASED_ELECTRICITY -> rules.electricityReported() ? factor(key, s, yearFactor(rules.gridFactor()), "EF_grid", rules, gaps)
                    : new Figure(key, rules.rounding().emissions(BigDecimal.ZERO), "tCO2", "not accounted in " + rules.dataYear(), List.of());
            case PURCHASED_HEAT -> factor(key, s, yearFactor(rules.heatFactor()), "EF_heat", rules, gaps);
        };
    }

    private static Figure fuel(String key, SourceStream s, AccountingRules rules, List<Gap> gaps) {
        Optional<FuelFactors> factors = Optional.ofNullable(s.fuel()).flatMap(rules::fuel);
        if (factors.isEmpty()) {
            gaps.add(Gap.of(s.key(), null, "fuel", Gap.FUEL_UNKNOWN, rules.dataYear()));
            return Figure.notComputed(key, "tCO2", FUEL_FORMULA);
        }
        FuelFactors f = factors.get();
        if (!f.consumptionUnit().equals(s.activityUnit())) {
            gaps.add(Gap.of(s.key(), null, "activityUnit", Gap.UNIT_MISMATCH, s.activityUnit(), f.consumptionUnit()));
            return Figure.notComputed(key, "tCO2", FUEL_FORMULA);
        }
        List<Figure.Input> inputs = new ArrayList<>();
        inputs.add(Figure.Input.of("AD", s.activity(), s.activityUnit(), s.source()));
        Optional<BigDecimal> ncv = parameter("NCV", s.ncv(), f.defaultNcv(), f.ncvUnit(), s, rules, inputs, gaps);
        Optional<BigDecimal> cc = parameter("CC", s.carbonPerGj(), f.defaultCarbonPerGj(), "tC/GJ", s, rules, inputs, gaps);
        Optional<BigDecimal> of = parameter("OF", s.oxidationRate(), Optional.of(f.oxidationRate()), "", s, rules, inputs, gaps);
        if (ncv.isEmpty() || cc.isEmpty() || of.isEmpty()) {
            return Figure.notComputed(key, "tCO2", FUEL_FORMULA);
        }
        BigDecimal exact = PowerAccounting.divide(s.activity().multiply(ncv.get()).multiply(cc.get()).multiply(of.get()).multiply(FuelCombustion.CO2),
                FuelCombustion.C);
        return new Figure(key, rules.rounding().emissions(exact), "tCO2", FUEL_FORMULA, inputs);
    }

    private static Optional<BigDecimal> parameter(String symbol, Reported reported, Optional<BigDecimal> yearDefault, String unit, SourceStream s,
            AccountingRules rules, List<Figure.Input> inputs, List<Gap> gaps) {
        if (reported != null && reported.hasValue()) {
            if (reported.value().signum() < 0) {
                gaps.add(Gap.of(s.key(), null, symbol, Gap.NEGATIVE, symbol, reported.value()));
                return Optional.empty();
            }
            inputs.add(new Figure.Input(symbol, reported.value(), unit, s.source(),
                    reported.basis() == Basis.DEFAULT ? Figure.DefaultUse.of("stream.default.reported") : null));
            return Optional.of(reported.value());
        }
        if (yearDefault.isEmpty()) {
            gaps.add(Gap.of(s.key(), null, symbol, Gap.FACTOR_MISSING, symbol));
            return Optional.empty();
        }
        inputs.add(new Figure.Input(symbol, yearDefault.get(), unit, "rules:" + rules.dataYear(), Figure.DefaultUse.of("stream.default.year", symbol)));
        return yearDefault;
    }

    private static Reported yearFactor(Optional<BigDecimal> factor) {
        return factor.map(v -> new Reported(v, Basis.DEFAULT)).orElse(null);
    }

    private static Figure factor(String key, SourceStream s, Reported ef, String symbol, AccountingRules rules, List<Gap> gaps) {
        if (ef == null || !ef.hasValue()) {
            gaps.add(Gap.of(s.key(), null, symbol, Gap.FACTOR_MISSING, symbol));
            return Figure.notComputed(key, "tCO2", FACTOR_FORMULA);
        }
        if (ef.value().signum() < 0) {
            gaps.add(Gap.of(s.key(), null, symbol, Gap.NEGATIVE, symbol, ef.value()));
            return Figure.notComputed(key, "tCO2", FACTOR_FORMULA);
        }
        String expectedUnit = s.kind() == StreamKind.PURCHASED_ELECTRICITY ? "MWh" : s.kind() == StreamKind.PURCHASED_HEAT ? "GJ" : null;
        if (expectedUnit != null && !expectedUnit.equals(s.activityUnit())) {
            gaps.add(Gap.of(s.key(), null, "activityUnit", Gap.UNIT_MISMATCH, s.activityUnit(), expectedUnit));
            return Figure.notComputed(key, "tCO2", FACTOR_FORMULA);
        }
        boolean fromRules = s.kind() != StreamKind.PROCESS;
        return new Figure(key, rules.rounding().emissions(s.activity().multiply(ef.value())), "tCO2", FACTOR_FORMULA,
                List.of(Figure.Input.of("AD", s.activity(), s.activityUnit(), s.source()),
                        Figure.Input.of(symbol, ef.value(), "tCO2/" + s.activityUnit(), fromRules ? "rules:" + rules.dataYear() : s.source())));
    }

    private static String formula(SourceStream s) {
        return s.kind() == StreamKind.FUEL_COMBUSTION ? FUEL_FORMULA : FACTOR_FORMULA;
    }

    private static Figure kindSum(String key, List<SourceStream> streams, List<Figure> figures, StreamKind kind, AccountingRules rules) {
        List<Figure.Input> inputs = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).kind() == kind && figures.get(i).computed()) {
                inputs.add(Figure.Input.of(streams.get(i).name(), figures.get(i).value(), "tCO2", figures.get(i).key()));
            }
        }
        BigDecimal total = inputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figure("year/" + key, rules.rounding().emissions(total), "tCO2", "Σ streams", inputs);
    }

    private static Figure add(String key, List<Figure> parts, AccountingRules rules) {
        List<Figure.Input> inputs = parts.stream().map(p -> Figure.Input.of(p.key().substring(5), p.value(), "tCO2", p.key())).toList();
        BigDecimal total = inputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figure("year/" + key, rules.rounding().emissions(total), "tCO2", "Σ kinds", inputs);
    }

    private static Figure intensity(ProductOutput p, Figure total, AccountingRules rules, List<Gap> gaps) {
        String key = "year/intensity/" + p.key();
        String unit = "tCO2/" + p.unit();
        if (p.output() == null || p.output().signum() <= 0) {
            gaps.add(p.output() == null || p.output().signum() == 0 ? Gap.of(p.key(), null, "output", Gap.VALUE_MISSING)
                    : Gap.of(p.key(), null, "output", Gap.NEGATIVE, p.name(), p.output()));
            return Figure.notComputed(key, unit, "E_total / output");
        }
        return new Figure(key, rules.rounding().indicator(PowerAccounting.divide(total.value(), p.output())), unit, "E_total / output",
                List.of(Figure.Input.of("E_total", total.value(), "tCO2", total.key()), Figure.Input.of(p.name(), p.output(), p.unit(), "supplementary")));
    }
}
