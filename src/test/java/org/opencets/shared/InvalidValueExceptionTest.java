package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

    @Test
    void carriesKeyMessageAndArguments() {
        InvalidValueException e = new InvalidValueException("uscc.checksum", "wrong check", "X", 'T', 3);
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("wrong check");
        assertThat(e.messageKey()).isEqualTo("uscc.checksum");
        assertThat(e.arguments()).containsExactly("X", 'T', 3);
    }

    @Test
    void noArguments() {
        assertThat(new InvalidValueException("uscc.blank", "required").arguments()).isEmpty();
        assertThat(new InvalidValueException("k", "m", (Object[]) null).arguments()).isEmpty();
    }

    @Test
    void nullArgumentIsKeptNotTurnedIntoNullPointerException() {
        assertThat(new InvalidValueException("region.format", "m", (Object) null).arguments()).containsExactly((Object) null);
        assertThat(new InvalidValueException("k", "m", "a", null).arguments()).containsExactly("a", null);
    }

    @Test
    void argumentsAreACopy() {
        Object[] args = {"a", "b"};
        InvalidValueException e = new InvalidValueException("k", "m", args);
        args[0] = "changed";
        e.arguments()[1] = "changed";
        assertThat(e.arguments()).containsExactly("a", "b");
    }

    @Test
    void nullInputToValueTypesIsAnInvalidValueNotANullPointer() {
        assertThatThrownBy(() -> RegionCode.of(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("region.format");
                    assertThat(e.arguments()).containsExactly((Object) null);
                });
        assertThatThrownBy(() -> IndustryCode.of(null))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("industry.unknown"));
        assertThatThrownBy(() -> Vintage.parse(null))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("vintage.format"));
        assertThatThrownBy(() -> Uscc.of(null))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("uscc.blank"));
    }
}
