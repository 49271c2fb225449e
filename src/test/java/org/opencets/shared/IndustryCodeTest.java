package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Covered GB/T 4754-2017 four-digit classes, seed 004 附件1 (温室气体重点排放行业及代码). */
class IndustryCodeTest {

    @ParameterizedTest(name = "seed 004 附件1: {0} {2} → {1}")
    @CsvSource({
            "4411, POWER, 火力发电",
            "4412, POWER, 热电联产",
            "4417, POWER, 生物质能发电",
            "3011, BUILDING_MATERIALS, 水泥制造",
            "3041, BUILDING_MATERIALS, 平板玻璃制造",
            "3110, STEEL, 炼铁",
            "3130, STEEL, 钢压延加工",
            "3216, NON_FERROUS, 铝冶炼",
            "3211, NON_FERROUS, 铜冶炼",
            "2511, PETROCHEMICAL, 原油加工及石油制品制造",
            "2614, CHEMICAL, 有机化学原料制造",
            "2659, CHEMICAL, 其他合成材料制造",
            "2221, PAPER, 机制纸及纸板制造",
            "5631, AVIATION, 机场"})
    void seed004CodesAreFoundWithTheirSector(String code, Sector sector, String nameZh) {
        IndustryCode industry = IndustryCode.of(code);
        assertThat(industry.code()).isEqualTo(code);
        assertThat(industry.sector()).isEqualTo(sector);
        assertThat(industry.nameZh()).isEqualTo(nameZh);
        assertThat(industry).hasToString(code);
    }

    @Test
    void seed004TableIsCoveredExactly() {
        // every 4-digit row of 附件1, by sector (备注1: the scope is the 4-digit classes)
        Map<Sector, List<String>> expected = Map.of(
                Sector.POWER, List.of("4411", "4412", "4417"),
                Sector.BUILDING_MATERIALS, List.of("3011", "3041"),
                Sector.STEEL, List.of("3110", "3120", "3130"),
                Sector.NON_FERROUS, List.of("3211", "3216"),
                Sector.PETROCHEMICAL, List.of("2511"),
                Sector.CHEMICAL, List.of("2611", "2612", "2613", "2614", "2619", "2621", "2622", "2623",
                        "2624", "2625", "2629", "2631", "2632", "2651", "2652", "2653", "2659"),
                Sector.PAPER, List.of("2211", "2212", "2221"),
                Sector.AVIATION, List.of("5631"));
        Map<Sector, List<String>> actual = IndustryCode.covered().stream()
                .collect(Collectors.groupingBy(IndustryCode::sector,
                        Collectors.mapping(IndustryCode::code, Collectors.collectingAndThen(Collectors.toList(),
                                l -> l.stream().sorted().toList()))));
        assertThat(actual).isEqualTo(expected);
        assertThat(IndustryCode.covered()).hasSize(32);
    }

    @Test
    void everyCoveredCodeIsFourDigitsAndLooksItselfUp() {
        assertThat(IndustryCode.covered()).allSatisfy(i -> {
            assertThat(i.code()).matches("\\d{4}");
            assertThat(IndustryCode.of(i.code())).isSameAs(i);
            assertThat(i.nameZh()).isNotBlank();
            assertThat(i.nameEn()).isNotBlank();
        });
    }

    @Test
    void coveredIsReadOnly() {
        assertThatThrownBy(() -> IndustryCode.covered().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(IndustryCode.covered()).hasSize(32);
    }

    @Test
    void surroundingSpaceIsStripped() {
        assertThat(IndustryCode.of(" 4411 ").code()).isEqualTo("4411");
    }

    @ParameterizedTest(name = "not a covered 4-digit class: \"{0}\"")
    @NullSource
    @ValueSource(strings = {"9999", "44" /* division, not a class */, "261" /* group */, "", "44110", "4413",
            "4419" /* other power: not covered */, "5611" /* 航空旅客运输: not in 附件1 */, "abcd"})
    void unknownCodesAreRejected(String code) {
        assertThatThrownBy(() -> IndustryCode.of(code))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("industry.unknown"));
    }

    @Test
    void nameFollowsLocale() {
        IndustryCode cement = IndustryCode.of("3011");
        assertThat(cement.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("水泥制造");
        assertThat(cement.name(Locale.CHINESE)).isEqualTo("水泥制造");
        assertThat(cement.name(Locale.ENGLISH)).isEqualTo("Cement manufacturing");
        assertThat(cement.name(Locale.FRENCH)).isEqualTo("Cement manufacturing");
    }

    @Test
    void onlyPowerIsPower() {
        assertThat(Sector.POWER.isPower()).isTrue();
        assertThat(Arrays.stream(Sector.values()).filter(Sector::isPower)).containsExactly(Sector.POWER);
        assertThat(IndustryCode.of("4412").sector().isPower()).isTrue();
        assertThat(IndustryCode.of("3011").sector().isPower()).isFalse();
    }
}
