package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CompliancePeriodProperties {

    @Property
    void everyYearOfAPeriodMapsBackToIt(@ForAll @IntRange(min = 2019, max = 2200) int year) {
        CompliancePeriod period = CompliancePeriod.containing(year);
        assertThat(period.contains(year)).isTrue();
        assertThat(period.years()).contains(year).hasSizeBetween(1, 2);
        assertThat(period.years()).allSatisfy(y -> assertThat(CompliancePeriod.containing(y)).isEqualTo(period));
        assertThat(new CompliancePeriod(period.firstYear(), period.lastYear())).isEqualTo(period);
    }

    @Property
    void neighbouringYearsShareAPeriodOnlyInsideTheFirstTwo(@ForAll @IntRange(min = 2019, max = 2200) int year) {
        boolean shared = CompliancePeriod.containing(year).equals(CompliancePeriod.containing(year + 1));
        assertThat(shared).isEqualTo(year == 2019 || year == 2021);
    }
}
