package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** GB/T 2260 hierarchy over generated district codes. */
class RegionCodeProperties {

    /** Districts: province 11–99, city 01–99, district 01–99. */
    @Provide
    Arbitrary<RegionCode> districts() {
        return Combinators.combine(
                        Arbitraries.integers().between(11, 99),
                        Arbitraries.integers().between(1, 99),
                        Arbitraries.integers().between(1, 99))
                .as((p, c, d) -> RegionCode.of("%02d%02d%02d".formatted(p, c, d)));
    }

    @Property
    void districtLiesInItsCityAndProvince(@ForAll("districts") RegionCode district) {
        RegionCode city = district.city();
        RegionCode province = district.province();
        assertThat(district.level()).isEqualTo(RegionCode.Level.DISTRICT);
        assertThat(city.level()).isEqualTo(RegionCode.Level.CITY);
        assertThat(province.level()).isEqualTo(RegionCode.Level.PROVINCE);
        assertThat(city.contains(district)).isTrue();
        assertThat(province.contains(city)).isTrue();
        assertThat(province.contains(district)).isTrue();
        assertThat(district.contains(city)).isFalse();
        assertThat(city.contains(province)).isFalse();
        assertThat(city.province()).isEqualTo(province);
        assertThat(district.prefix()).startsWith(city.prefix()).hasSize(6);
        assertThat(city.prefix()).startsWith(province.prefix()).hasSize(4);
        assertThat(province.prefix()).hasSize(2);
    }

    @Property
    void containsIsPrefixOfTheValue(@ForAll("districts") RegionCode a, @ForAll("districts") RegionCode b) {
        assertThat(a.city().contains(b)).isEqualTo(a.value().substring(0, 4).equals(b.value().substring(0, 4)));
        assertThat(a.province().contains(b)).isEqualTo(a.value().substring(0, 2).equals(b.value().substring(0, 2)));
        assertThat(a.contains(b)).isEqualTo(a.equals(b));
    }

    @Property
    void valueRoundTrips(@ForAll("districts") RegionCode district) {
        assertThat(RegionCode.of(district.toString())).isEqualTo(district);
        assertThat(RegionCode.of(district.city().toString())).isEqualTo(district.city());
    }
}
