package org.opencets.accounting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The power sector's annual accounting per generating unit and entity (核算报告指南 发电设施): monthly fuel emissions
 * summed over the year, purchased electricity × the year's grid factor, consumption-weighted annual NCV and C_ar, and
 * the auxiliary indicators. Pure: the same inputs always give the same figures.
 */
public final class PowerAccounting {

    private PowerAccounting() {
    }

    public static UnitAccount unit(UnitYear input, AccountingRules rules) {
        List<Gap> gaps = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<UnitMonth> months = input.months().stream().sorted(Comparator.comparing(UnitMonth::month)).toList();
        missingMonths(input, months, gaps);
        Map<String, Optional<CarbonSubstitute>> substitutes = substitutes(months, rules);
        List<MonthAccount> accounts = months.stream().map(m -> month(input.unit(), m, rules, substitutes, gaps)).toList();
        electricityFactor(input.unit(), accounts, rules, gaps);

        Figure fuelEmissions = sum("year/fuelEmissions", "tCO2", "Σ E_fuel", accounts, MonthAccount::fuelEmissions, rules);
        Figure electricity = sum("year/electricityEmissions", "tCO2", "Σ E_elec", accounts, MonthAccount::electricityEmissions, rules);
        Figure total = total("year/total", fuelEmissions, electricity, rules.electricityReported());
        Figure compliance = total("year/compliance", fuelEmissions, electricity, rules.electricityInCompliance());
        Figure generation = production("year/generation", "MWh", accounts, MonthAccount::generation);
        Figure supplied = production("year/powerSupplied", "MWh", accounts, MonthAccount::powerSupplied);
        Figure heat = production("year/heatSupplied", "GJ", accounts, MonthAccount::heatSupplied);
        Figure heatInput = heatInput(accounts, rules);
        var indicators = PowerIndicators.of(fuelEmissions, supplied, heat, heatInput, rules);
        PowerIndicators.plausibility(input.unit(), generation, heat, heatInput, rules).ifPresent(warnings::add);
        List<FuelYearAccount> fuels = fuelYears(accounts, rules);
        if (accounts.stream().anyMatch(m -> m.fuels().stream().anyMatch(f -> f.carbon().usesDefault() || f.ncv().usesDefault()))) {
            warnings.add(Warning.of(input.unit(), Warning.DEFAULT_USED));
        }
        return new UnitAccount(input.unit(), accounts, fuels, fuelEmissions, electricity, total, compliance, generation, supplied, heat,
                heatInput, indicators, gaps, warnings);
    }

    public static EntityAccount entity(int year, List<UnitAccount> units, AccountingRules rules) {
        List<Gap> gaps = units.stream().flatMap(u -> u.gaps().stream()).toList();
        List<Warning> warnings = units.stream().flatMap(u -> u.warnings().stream()).toList();
        return new EntityAccount(year, units, entitySum("entity/fuelEmissions", units, UnitAccount::fuelEmissions, rules),
                entitySum("entity/electricityEmissions", units, UnitAccount::electricityEmissions, rules),
                entitySum("entity/total", units, UnitAccount::totalEmissions, rules),
                entitySum("entity/compliance", units, UnitAccount::complianceEmissions, rules), gaps, warnings);
    }

    private static void missingMonths(UnitYear input, List<UnitMonth> months, List<Gap> gaps) {
        Map<YearMonth, UnitMonth> byMonth = new HashMap<>();
        months.forEach(m -> byMonth.put(m.month(), m));
        for (YearMonth required : input.requiredMonths()) {
            UnitMonth found = byMonth.get(required);
            if (found == null) {
                gaps.add(Gap.of(input.unit(), required, null, Gap.MONTH_MISSING));
            } else if (!found.approved()) {
                gaps.add(Gap.of(input.unit(), required, null, Gap.MONTH_NOT_APPROVED));
            }
        }
    }

    private static Map<String, Optional<CarbonSubstitute>> substitutes(List<UnitMonth> months, AccountingRules rules) {
        Map<String, Optional<CarbonSubstitute>> substitutes = new HashMap<>();
        months.stream().flatMap(m -> m.fuels().stream()).map(FuelMonth::fuel).distinct().forEach(fuel -> rules.fuel(fuel)
                .ifPresent(factors -> substitutes.put(fuel, CarbonSubstitute.forFuel(factors, months, rules))));
        return substitutes;
    }

    private static MonthAccount month(String unit, UnitMonth m, AccountingRules rules, Map<String, Optional<CarbonSubstitute>> substitutes,
            List<Gap> gaps) {
        FuelCombustion combustion = new FuelCombustion(unit, m.month(), m.source(), rules, gaps);
        List<FuelMonthAccount> fuels = new ArrayList<>();
        for (FuelMonth f : m.fuels()) {
            Optional<FuelFactors> factors = rules.fuel(f.fuel());
            if (factors.isEmpty()) {
                gaps.add(Gap.of(unit, m.month(), f.fuel(), Gap.FUEL_UNKNOWN, rules.dataYear()));
                continue;
            }
            fuels.add(combustion.account(f, factors.get(), substitutes.get(f.fuel())));
        }
        productionValues(unit, m, rules, gaps);
        Figure fuelEmissions = monthFuelSum(m, fuels, rules);
        Figure electricity = PurchasedElectricity.month(unit, m, rules);
        return new MonthAccount(m.month(), m.source(), m.approved(), fuels, fuelEmissions, electricity, m.generation(), m.powerSupplied(),
                m.heatSupplied(), m.purchasedElectricity());
    }

    private static void productionValues(String unit, UnitMonth m, AccountingRules rules, List<Gap> gaps) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("GENERATION", m.generation());
        values.put("POWER_SUPPLIED", m.powerSupplied());
        values.put("HEAT_SUPPLIED", m.heatSupplied());
        if (rules.electricityReported()) {
            values.put("PURCHASED_ELECTRICITY", m.purchasedElectricity());
        }
        values.forEach((field, value) -> {
            if (value == null) {
                gaps.add(Gap.of(unit, m.month(), field, Gap.VALUE_MISSING));
            } else if (value.signum() < 0) {
                gaps.add(Gap.of(unit, m.month(), field, Gap.NEGATIVE, field, value));
            }
        });
    }

    private static Figure monthFuelSum(UnitMonth m, List<FuelMonthAccount> fuels, AccountingRules rules) {
        List<Figure.Input> inputs = fuels.stream().filter(f -> f.emissions().computed())
                .map(f -> Figure.Input.of("E_" + f.fuel(), f.emissions().value(), "tCO2", f.emissions().key())).toList();
        BigDecimal total = inputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figure(m.month() + "/fuelEmissions", rules.rounding().emissions(total), "tCO2", "Σ_fuels E", inputs);
    }

    private static void electricityFactor(String unit, List<MonthAccount> accounts, AccountingRules rules, List<Gap> gaps) {
        if (rules.electricityReported() && rules.gridFactor().isEmpty()
                && accounts.stream().anyMatch(m -> m.purchasedElectricity() != null && m.purchasedElectricity().signum() > 0)) {
            gaps.add(Gap.of(unit, null, "PURCHASED_ELECTRICITY", Gap.NO_GRID_FACTOR, rules.dataYear()));
        }
    }

    private static Figure sum(String key, String unit, String formula, List<MonthAccount> months, Function<MonthAccount, Figure> figure,
            AccountingRules rules) {
        List<Figure.Input> inputs = months.stream().map(figure).filter(Figure::computed)
                .map(f -> Figure.Input.of(f.key().substring(0, 7), f.value(), unit, f.key())).toList();
        BigDecimal total = inputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figure(key, rules.rounding().emissions(total), unit, formula, inputs);
    }

    private static Figure total(String key, Figure fuel, Figure electricity, boolean withElectricity) {
        if (!withElectricity) {
            return new Figure(key, fuel.value(), "tCO2", "E_fuel", List.of(Figure.Input.of("E_fuel", fuel.value(), "tCO2", fuel.key())));
        }
        return new Figure(key, fuel.value().add(electricity.value()), "tCO2", "E_fuel + E_elec",
                List.of(Figure.Input.of("E_fuel", fuel.value(), "tCO2", fuel.key()),
                        Figure.Input.of("E_elec", electricity.value(), "tCO2", electricity.key())));
    }

    private static Figure production(String key, String unit, List<MonthAccount> months, Function<MonthAccount, BigDecimal> value) {
        List<Figure.Input> inputs = months.stream().filter(m -> value.apply(m) != null && value.apply(m).signum() >= 0)
                .map(m -> Figure.Input.of(m.month().toString(), value.apply(m), unit, m.source())).toList();
        BigDecimal total = inputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figure(key, total, unit, "Σ months", inputs);
    }

    private static Figure heatInput(List<MonthAccount> months, AccountingRules rules) {
        List<Figure.Input> inputs = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (MonthAccount m : months) {
            for (FuelMonthAccount f : m.fuels()) {
                if (f.consumption().computed() && f.ncv().computed()) {
                    BigDecimal gj = f.consumption().value().multiply(f.ncv().value());
                    total = total.add(gj);
                    inputs.add(Figure.Input.of(m.month() + " " + f.fuel(), gj, "GJ", f.ncv().key()));
                }
            }
        }
        return new Figure("year/heatInput", rules.rounding().amount(total), "GJ", "Σ(FC × NCV)", inputs);
    }

    private static List<FuelYearAccount> fuelYears(List<MonthAccount> months, AccountingRules rules) {
        Map<String, List<FuelMonthAccount>> byFuel = new LinkedHashMap<>();
        months.forEach(m -> m.fuels().forEach(f -> byFuel.computeIfAbsent(f.fuel(), k -> new ArrayList<>()).add(f)));
        return byFuel.entrySet().stream().map(e -> FuelYear.of(e.getKey(), e.getValue(), rules)).toList();
    }

    private static Figure entitySum(String key, List<UnitAccount> units, Function<UnitAccount, Figure> figure, AccountingRules rules) {
        List<Figure.Input> inputs = units.stream().map(u -> Figure.Input.of(u.unit(), figure.apply(u).value(), "tCO2", u.unit() + "/" + figure.apply(u).key()))
                .toList();
        BigDecimal total = inputs.stream().map(Figure.Input::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figure(key, rules.rounding().emissions(total), "tCO2", "Σ units", inputs);
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL128);
    }
}
