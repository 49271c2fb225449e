package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GasWorkedExampleTest {

    static final FuelFactors GAS = new FuelFactors("NATURAL_GAS", true, false, new BigDecimal("0.99"), Optional.of(new BigDecimal("0.01532")),
            Optional.of(new BigDecimal("389.31")));
    static final AccountingRules RULES = new AccountingRules(2023, Map.of("NATURAL_GAS", GAS), Optional.of(new BigDecimal("0.5703")), true, false,
            Optional.of(new BigDecimal("0.11")), Rounding.PLATFORM, Optional.of(3),
            new AccountingRules.Plausibility(BigDecimal.ONE, new BigDecimal("0.46")));

    @Test
    void domainGasExample_21e4Nm3_ncv389_31_cc0_01532_of99_gives454_33() {
        YearMonth jan = YearMonth.of(2023, 1);
        UnitMonth month = new UnitMonth(jan, "deposit-1", true,
                List.of(new FuelMonth("NATURAL_GAS", new BigDecimal("21"), Reported.measured("389.31"), Reported.byDefault())),
                new BigDecimal("100"), new BigDecimal("95"), BigDecimal.ZERO, BigDecimal.ZERO);

        UnitAccount unit = PowerAccounting.unit(new UnitYear("G1", List.of(jan), List.of(month)), RULES);

        FuelMonthAccount gas = unit.months().getFirst().fuels().getFirst();
        assertThat(gas.carbon().value()).isEqualByComparingTo("5.96");
        assertThat(gas.carbon().usesDefault()).isTrue();
        assertThat(gas.emissions().value()).isEqualByComparingTo("454.33");
        assertThat(unit.totalEmissions().value()).isEqualByComparingTo("454.33");
        assertThat(unit.gaps()).isEmpty();
    }
}
