package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Allowance vintages: one for the first compliance period (2019–2020), then one per year from 2021. */
class VintageTest {

    private static void assertRejected(Runnable action, String messageKey) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    @Test
    void firstPeriodVintageParses() {
        assertThat(Vintage.parse("2019-2020")).isEqualTo(Vintage.FIRST_PERIOD).isEqualTo(new Vintage(2019, 2020));
        assertThat(Vintage.parse(" 2019-2020 ")).isEqualTo(Vintage.FIRST_PERIOD);
    }

    @ParameterizedTest(name = "single-year vintage {0}")
    @ValueSource(ints = {2021, 2022, 2023, 2050, 2100})
    void singleYearVintagesParse(int year) {
        Vintage v = Vintage.parse(Integer.toString(year));
        assertThat(v.firstYear()).isEqualTo(year);
        assertThat(v.lastYear()).isEqualTo(year);
    }

    @Test
    void ofYearMapsFirstPeriodYearsToTheSharedVintage() {
        assertThat(Vintage.ofYear(2020)).isEqualTo(Vintage.FIRST_PERIOD);
        assertThat(Vintage.ofYear(2019)).isEqualTo(Vintage.FIRST_PERIOD);
        assertThat(Vintage.ofYear(2021)).isEqualTo(new Vintage(2021, 2021));
        assertThat(Vintage.ofYear(2024)).isEqualTo(Vintage.parse("2024"));
    }

    @ParameterizedTest(name = "no vintage for year {0}")
    @ValueSource(ints = {2018, 2000, 0, -2020, 2101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void ofYearRejectsYearsWithoutAVintage(int year) {
        assertRejected(() -> Vintage.ofYear(year), "vintage.range");
    }

    @ParameterizedTest(name = "out-of-range vintage \"{0}\"")
    @ValueSource(strings = {"2020" /* inside the first period, not its own vintage */, "2019", "2018",
            "2021-2022" /* period 2 issued one vintage per year */, "2020-2021", "2019-2019", "2020-2019",
            "2018-2019", "2019-2021", "2101", "0000", "9999"})
    void outOfRangeVintagesAreRejected(String text) {
        assertRejected(() -> Vintage.parse(text), "vintage.range");
    }

    @ParameterizedTest(name = "malformed vintage \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "  ", "21", "20210", "2019/2020", "2019–2020" /* en dash */, "2019 - 2020",
            "2019-20", "v2021", "２０２１" /* full-width */})
    void malformedVintagesAreRejected(String text) {
        assertRejected(() -> Vintage.parse(text), "vintage.format");
    }

    @ParameterizedTest(name = "constructor rejects ({0}, {1})")
    @CsvSource({"2019, 2019", "2020, 2020", "2021, 2022", "2023, 2022", "2018, 2020", "2100, 2101", "2019, 2021"})
    void constructorKeepsTheInvariant(int first, int last) {
        assertRejected(() -> new Vintage(first, last), "vintage.range");
    }

    @Test
    void toStringUsesAsciiHyphen() {
        assertThat(Vintage.FIRST_PERIOD).hasToString("2019-2020");
        assertThat(Vintage.ofYear(2023)).hasToString("2023");
    }

    @Test
    void vintagesOrderByYear() {
        assertThat(List.of(Vintage.ofYear(2023), Vintage.ofYear(2021), Vintage.FIRST_PERIOD, Vintage.ofYear(2022))
                .stream().sorted())
                .containsExactly(Vintage.FIRST_PERIOD, Vintage.ofYear(2021), Vintage.ofYear(2022), Vintage.ofYear(2023));
        assertThat(Vintage.FIRST_PERIOD).isLessThan(Vintage.ofYear(2021));
    }
}
