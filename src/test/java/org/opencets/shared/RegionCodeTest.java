package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Administrative division codes, GB/T 2260: 330000 浙江省, 330600 绍兴市, 330602 越城区. */
class RegionCodeTest {

    private final RegionCode zhejiang = RegionCode.of("330000");
    private final RegionCode shaoxing = RegionCode.of("330600");
    private final RegionCode yuecheng = RegionCode.of("330602");

    @Test
    void gbt2260LevelsFromTrailingZeros() {
        assertThat(zhejiang.level()).isEqualTo(RegionCode.Level.PROVINCE);
        assertThat(shaoxing.level()).isEqualTo(RegionCode.Level.CITY);
        assertThat(yuecheng.level()).isEqualTo(RegionCode.Level.DISTRICT);
        assertThat(RegionCode.of("110101").level()).isEqualTo(RegionCode.Level.DISTRICT); // 北京市东城区
        assertThat(RegionCode.of("330610").level()).isEqualTo(RegionCode.Level.DISTRICT); // district ending in one 0
    }

    @Test
    void gbt2260PrefixIs2DigitsForProvince4ForCity6ForDistrict() {
        assertThat(zhejiang.prefix()).isEqualTo("33");
        assertThat(shaoxing.prefix()).isEqualTo("3306");
        assertThat(yuecheng.prefix()).isEqualTo("330602");
    }

    @Test
    void containsSelfAndEverythingBelow() {
        assertThat(zhejiang.contains(zhejiang)).isTrue();
        assertThat(zhejiang.contains(shaoxing)).isTrue();
        assertThat(zhejiang.contains(yuecheng)).isTrue();
        assertThat(shaoxing.contains(shaoxing)).isTrue();
        assertThat(shaoxing.contains(yuecheng)).isTrue();
        assertThat(yuecheng.contains(yuecheng)).isTrue();
    }

    @Test
    void doesNotContainParentsSiblingsOrOtherProvinces() {
        assertThat(yuecheng.contains(shaoxing)).isFalse();
        assertThat(yuecheng.contains(zhejiang)).isFalse();
        assertThat(shaoxing.contains(zhejiang)).isFalse();
        assertThat(yuecheng.contains(RegionCode.of("330603"))).isFalse(); // 柯桥区, sibling district
        assertThat(shaoxing.contains(RegionCode.of("330102"))).isFalse(); // 杭州市上城区
        assertThat(shaoxing.contains(RegionCode.of("330100"))).isFalse(); // 杭州市
        assertThat(zhejiang.contains(RegionCode.of("310110"))).isFalse(); // 上海市杨浦区
        assertThat(zhejiang.contains(RegionCode.of("320000"))).isFalse();
    }

    @Test
    void cityOfDistrictAndOfCity() {
        assertThat(yuecheng.city()).isEqualTo(shaoxing);
        assertThat(shaoxing.city()).isEqualTo(shaoxing);
    }

    @Test
    void provinceHasNoCity() {
        assertThatThrownBy(zhejiang::city).isInstanceOf(IllegalStateException.class).hasMessageContaining("330000");
    }

    @Test
    void provinceOfEveryLevel() {
        assertThat(yuecheng.province()).isEqualTo(zhejiang);
        assertThat(shaoxing.province()).isEqualTo(zhejiang);
        assertThat(zhejiang.province()).isEqualTo(zhejiang);
    }

    @Test
    void surroundingSpaceIsStrippedAndValueIsCanonical() {
        RegionCode r = RegionCode.of(" 330602\n");
        assertThat(r.value()).isEqualTo("330602");
        assertThat(r).isEqualTo(yuecheng).hasToString("330602");
        assertThat(new RegionCode("330600")).isEqualTo(shaoxing);
    }

    @ParameterizedTest(name = "GB/T 2260 bad format: \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "33060", "3306021", "33060A", "33 602", "３３０６０２" /* full-width */,
            "-33060", "000000", "001100", "000101" /* no province 00 */,
            "330001", "330099" /* district without a city (xx00yy) */})
    void badFormatsAreRejected(String value) {
        assertThatThrownBy(() -> RegionCode.of(value))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("region.format"));
    }
}
