package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class VintageProperties {

    @Provide
    Arbitrary<Vintage> vintages() {
        return Arbitraries.oneOf(
                Arbitraries.just(Vintage.FIRST_PERIOD),
                Arbitraries.integers().between(2021, 2100).map(Vintage::ofYear));
    }

    @Property
    void toStringRoundTripsThroughParse(@ForAll("vintages") Vintage vintage) {
        assertThat(Vintage.parse(vintage.toString())).isEqualTo(vintage);
    }

    @Property
    void ofYearContainsTheYear(@ForAll @IntRange(min = 2019, max = 2100) int year) {
        Vintage v = Vintage.ofYear(year);
        assertThat(year).isBetween(v.firstYear(), v.lastYear());
        assertThat(v.firstYear() == v.lastYear()).isEqualTo(year >= 2021);
    }

    @Property
    void orderFollowsEmissionYears(@ForAll @IntRange(min = 2019, max = 2100) int a,
                                   @ForAll @IntRange(min = 2019, max = 2100) int b) {
        int byYear = Integer.compare(Math.max(a, 2020), Math.max(b, 2020)); // 2019 and 2020 share a vintage
        assertThat(Integer.signum(Vintage.ofYear(a).compareTo(Vintage.ofYear(b)))).isEqualTo(byYear);
        assertThat(Vintage.ofYear(a).equals(Vintage.ofYear(b))).isEqualTo(byYear == 0);
    }
}
