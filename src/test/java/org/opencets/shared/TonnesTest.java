package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole tonnes of CO2e (1 allowance = 1 tCO2e); never negative. */
class TonnesTest {

    @Test
    void zeroAndPositiveAreAllowed() {
        assertThat(Tonnes.of(0)).isEqualTo(Tonnes.ZERO);
        assertThat(Tonnes.ZERO.value()).isZero();
        assertThat(Tonnes.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
        assertThat(Tonnes.of(1_250_000).value()).isEqualTo(1_250_000L);
    }

    @ParameterizedTest(name = "negative {0} rejected")
    @ValueSource(longs = {-1, -1_000_000, Long.MIN_VALUE})
    void negativesAreRejected(long value) {
        assertThatThrownBy(() -> Tonnes.of(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("tonnes.negative");
                    assertThat(e.arguments()).containsExactly(value);
                });
    }

    @Test
    void plusAndMinus() {
        assertThat(Tonnes.of(120).plus(Tonnes.of(30))).isEqualTo(Tonnes.of(150));
        assertThat(Tonnes.of(120).minus(Tonnes.of(30))).isEqualTo(Tonnes.of(90));
        assertThat(Tonnes.of(120).minus(Tonnes.of(120))).isEqualTo(Tonnes.ZERO);
        assertThat(Tonnes.of(7).plus(Tonnes.ZERO)).isEqualTo(Tonnes.of(7));
    }

    @Test
    void minusBelowZeroIsRejected() {
        assertThatThrownBy(() -> Tonnes.of(30).minus(Tonnes.of(31)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("tonnes.negative"));
    }

    @Test
    void overflowThrowsArithmeticException() {
        assertThatThrownBy(() -> Tonnes.of(Long.MAX_VALUE).plus(Tonnes.of(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Tonnes.of(Long.MAX_VALUE / 2 + 1).plus(Tonnes.of(Long.MAX_VALUE / 2 + 1)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Tonnes.of(Long.MAX_VALUE - 1).plus(Tonnes.of(1)).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void orderingAndIsLessThan() {
        assertThat(Tonnes.of(5).isLessThan(Tonnes.of(6))).isTrue();
        assertThat(Tonnes.of(6).isLessThan(Tonnes.of(6))).isFalse();
        assertThat(Tonnes.of(7).isLessThan(Tonnes.of(6))).isFalse();
        assertThat(Tonnes.of(5)).isLessThan(Tonnes.of(6)).isEqualByComparingTo(Tonnes.of(5));
        assertThat(List.of(Tonnes.of(3), Tonnes.ZERO, Tonnes.of(Long.MAX_VALUE), Tonnes.of(2)).stream().sorted())
                .containsExactly(Tonnes.ZERO, Tonnes.of(2), Tonnes.of(3), Tonnes.of(Long.MAX_VALUE));
    }

    @Test
    void printsWithUnit() {
        assertThat(Tonnes.of(1500)).hasToString("1500 tCO2e");
    }
}
