package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 履约周期: period 1 = 2019–2020, period 2 = 2021–2022, then one year each from 2023. */
class CompliancePeriodTest {

    @ParameterizedTest(name = "emission year {0} → {1}–{2}")
    @CsvSource({"2019, 2019, 2020", "2020, 2019, 2020", "2021, 2021, 2022", "2022, 2021, 2022",
            "2023, 2023, 2023", "2024, 2024, 2024", "2030, 2030, 2030"})
    void containingMapsYearToItsPeriod(int year, int first, int last) {
        CompliancePeriod period = CompliancePeriod.containing(year);
        assertThat(period).isEqualTo(new CompliancePeriod(first, last));
        assertThat(period.contains(year)).isTrue();
    }

    @Test
    void periodYearsAndToString() {
        assertThat(CompliancePeriod.containing(2019).years()).containsExactly(2019, 2020);
        assertThat(CompliancePeriod.containing(2022).years()).containsExactly(2021, 2022);
        assertThat(CompliancePeriod.containing(2023).years()).containsExactly(2023);
        assertThat(CompliancePeriod.containing(2020)).hasToString("2019–2020");
        assertThat(CompliancePeriod.containing(2021)).hasToString("2021–2022");
        assertThat(CompliancePeriod.containing(2023)).hasToString("2023");
    }

    @Test
    void containsOnlyItsOwnYears() {
        CompliancePeriod second = CompliancePeriod.containing(2021);
        assertThat(second.contains(2020)).isFalse();
        assertThat(second.contains(2021)).isTrue();
        assertThat(second.contains(2022)).isTrue();
        assertThat(second.contains(2023)).isFalse();
        assertThat(CompliancePeriod.containing(2023).contains(2024)).isFalse();
    }

    @ParameterizedTest(name = "no period for {0}")
    @ValueSource(ints = {2018, 2000, 0, Integer.MIN_VALUE})
    void yearsBefore2019HaveNoPeriod(int year) {
        assertThatThrownBy(() -> CompliancePeriod.containing(year))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("period.range"));
    }

    @ParameterizedTest(name = "not a compliance period: ({0}, {1})")
    @CsvSource({"2018, 2019", "2019, 2019", "2020, 2020", "2020, 2021", "2021, 2021", "2022, 2022",
            "2022, 2023", "2023, 2024", "2019, 2022", "2024, 2023"})
    void constructorAcceptsOnlyRealPeriods(int first, int last) {
        assertThatThrownBy(() -> new CompliancePeriod(first, last))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("period.range"));
    }
}
