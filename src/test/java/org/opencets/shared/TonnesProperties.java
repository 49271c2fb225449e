package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Positive;

class TonnesProperties {

    @Property
    void plusThenMinusIsIdentity(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long a,
                                 @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long b) {
        assertThat(Tonnes.of(a).plus(Tonnes.of(b)).minus(Tonnes.of(b))).isEqualTo(Tonnes.of(a));
    }

    @Property
    void plusThenMinusIsIdentityOverTheWholeRange(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long a,
                                                  @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long b) {
        Assume.that(a <= Long.MAX_VALUE - b);
        assertThat(Tonnes.of(a).plus(Tonnes.of(b)).minus(Tonnes.of(b))).isEqualTo(Tonnes.of(a));
    }

    @Property
    void plusOverflowAlwaysThrows(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long a) {
        long b = Long.MAX_VALUE - a + 1; // a + b = Long.MAX_VALUE + 1
        assertThatThrownBy(() -> Tonnes.of(a).plus(Tonnes.of(b))).isInstanceOf(ArithmeticException.class);
    }

    @Property
    void plusIsCommutativeAndNeverSmaller(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long a,
                                          @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long b) {
        Tonnes sum = Tonnes.of(a).plus(Tonnes.of(b));
        assertThat(sum).isEqualTo(Tonnes.of(b).plus(Tonnes.of(a)));
        assertThat(sum.isLessThan(Tonnes.of(a))).isFalse();
        assertThat(sum.value()).isEqualTo(a + b);
    }

    @Property
    void minusIsDefinedExactlyWhenNotLessThan(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
        Tonnes ta = Tonnes.of(a);
        Tonnes tb = Tonnes.of(b);
        if (ta.isLessThan(tb)) {
            assertThatThrownBy(() -> ta.minus(tb)).isInstanceOf(InvalidValueException.class);
        } else {
            assertThat(ta.minus(tb).value()).isEqualTo(a - b);
        }
    }

    @Property
    void negativeNeverConstructs(@ForAll @Positive long n) {
        assertThatThrownBy(() -> Tonnes.of(-n)).isInstanceOf(InvalidValueException.class);
    }
}
