package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opencets.accounting.AccountingRules;
import org.opencets.accounting.FuelFactors;
import org.opencets.accounting.Rounding;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyValueMissing;
import org.opencets.calendar.PolicyYearData;
import org.opencets.directory.Fuel;
import org.opencets.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Loads a data year's accounting rules from the compliance-year data (calendar.policy_value) for the engine (fossil
 * fuels only, {@link Fuel#isFossil()}).
 */
@Component
class AccountingRulesSource {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final PolicyYearData policy;

    AccountingRulesSource(PolicyYearData policy) {
        this.policy = policy;
    }

    /** The rules, or a clear error naming the first missing value (a regulator must enter it for the year). */
    AccountingRules rules(int year, RegionCode region) {
        try {
            return load(year, region);
        } catch (PolicyValueMissing e) {
            throw MonthlyDeposits.invalid("year", "report.rules.missing", "The accounting data of {0} are incomplete: {1}", year, e.getMessage());
        }
    }

    private AccountingRules load(int year, RegionCode region) {
        BigDecimal coalOf = percent(PolicyParameter.COAL_OXIDATION_RATE, "", year, region);
        BigDecimal coalCc = policy.decimal(PolicyParameter.DEFAULT_COAL_CARBON_CONTENT, "", year, region);
        Map<String, FuelFactors> fuels = new LinkedHashMap<>();
        for (Fuel fuel : Fuel.values()) {
            if (fuel.isCoal()) {
                fuels.put(fuel.name(), new FuelFactors(fuel.name(), false, true, coalOf, Optional.of(coalCc), Optional.empty()));
            }
        }
        fuels.put(Fuel.NATURAL_GAS.name(), other(Fuel.NATURAL_GAS, "GAS", true, year, region));
        fuels.put(Fuel.FUEL_OIL.name(), other(Fuel.FUEL_OIL, "OIL", false, year, region));
        boolean reported = flag(PolicyParameter.PURCHASED_ELECTRICITY_REPORTED, year, region);
        return new AccountingRules(year, fuels, optional(PolicyParameter.GRID_EMISSION_FACTOR, "", year, region), reported,
                reported && flag(PolicyParameter.PURCHASED_ELECTRICITY_IN_COMPLIANCE, year, region),
                optional(PolicyParameter.PURCHASED_HEAT_EMISSION_FACTOR, "", year, region), rounding(year, region),
                optional(PolicyParameter.MISSING_CARBON_MIN_MEASURED_MONTHS, "", year, region).map(BigDecimal::intValueExact),
                new AccountingRules.Plausibility(policy.decimal(PolicyParameter.PLAUSIBILITY_LIMIT, "CHP", year, region),
                        policy.decimal(PolicyParameter.PLAUSIBILITY_LIMIT, "CONDENSING", year, region)));
    }

    private FuelFactors other(Fuel fuel, String qualifier, boolean gaseous, int year, RegionCode region) {
        return new FuelFactors(fuel.name(), gaseous, false, percent(PolicyParameter.FUEL_OXIDATION_RATE, qualifier, year, region),
                Optional.of(policy.decimal(PolicyParameter.DEFAULT_FUEL_CARBON_CONTENT, qualifier, year, region)),
                Optional.of(policy.decimal(PolicyParameter.DEFAULT_FUEL_NCV, qualifier, year, region)));
    }

    private Rounding rounding(int year, RegionCode region) {
        return new Rounding(places("NCV", year, region), places("CARBON_SOLID", year, region), places("CARBON_GAS", year, region),
                places("CARBON_PER_GJ", year, region), places("EMISSIONS", year, region), places("AMOUNTS", year, region),
                places("INDICATORS", year, region));
    }

    private int places(String qualifier, int year, RegionCode region) {
        return policy.decimal(PolicyParameter.ACCOUNTING_DECIMALS, qualifier, year, region).intValueExact();
    }

    private BigDecimal percent(PolicyParameter p, String qualifier, int year, RegionCode region) {
        return policy.decimal(p, qualifier, year, region).divide(HUNDRED);
    }

    private boolean flag(PolicyParameter p, int year, RegionCode region) {
        return policy.decimal(p, "", year, region).signum() > 0;
    }

    private Optional<BigDecimal> optional(PolicyParameter p, String qualifier, int year, RegionCode region) {
        try {
            return Optional.of(policy.decimal(p, qualifier, year, region));
        } catch (PolicyValueMissing e) {
            return Optional.empty();
        }
    }
}
