package org.opencets.accounting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The year's missing-measurement rule for a fuel's carbon content: the carbon per GJ that replaces a month without a
 * measured C_ar. With at least the year's minimum of measured months, the highest measured month (conservative);
 * otherwise the fuel's default for the year.
 */
record CarbonSubstitute(BigDecimal carbonPerGj, Figure.DefaultUse reason) {

    static Optional<CarbonSubstitute> forFuel(FuelFactors factors, List<UnitMonth> months, AccountingRules rules) {
        List<BigDecimal> measured = months.stream().flatMap(m -> m.fuels().stream())
                .filter(f -> f.fuel().equals(factors.fuel()) && burnt(f) && f.carbon().isMeasured()
                        && f.carbon().value().signum() > 0 && hasPositiveNcv(f))
                .map(f -> f.carbon().value().divide(f.ncv().value(), MathContext.DECIMAL64))
                .toList();
        Optional<Integer> minimum = rules.minMeasuredCarbonMonths();
        if (minimum.isPresent() && measured.size() >= minimum.get()) {
            BigDecimal highest = rules.rounding().carbonPerGj(measured.stream().max(BigDecimal::compareTo).orElseThrow());
            return Optional.of(new CarbonSubstitute(highest, Figure.DefaultUse.of("carbon.substitute.highestMeasured", measured.size(), minimum.get())));
        }
        return factors.defaultCarbonPerGj().map(cc -> new CarbonSubstitute(cc, reason(measured.size(), minimum)));
    }

    private static Figure.DefaultUse reason(int measured, Optional<Integer> minimum) {
        if (measured == 0) {
            return Figure.DefaultUse.of("carbon.default.notMeasured");
        }
        return minimum.map(m -> Figure.DefaultUse.of("carbon.default.fewMeasured", measured, m))
                .orElse(Figure.DefaultUse.of("carbon.default.yearRule", measured));
    }

    private static boolean burnt(FuelMonth f) {
        return f.consumption() != null && f.consumption().signum() > 0;
    }

    private static boolean hasPositiveNcv(FuelMonth f) {
        return f.ncv().hasValue() && f.ncv().value().signum() > 0;
    }
}
