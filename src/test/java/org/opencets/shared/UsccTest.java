package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unified social credit code, GB 32100-2015. */
class UsccTest {

    private static void assertRejected(String value, String messageKey) {
        assertThatThrownBy(() -> Uscc.of(value))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey())
                .isEqualTo(messageKey);
    }

    @ParameterizedTest(name = "GB 32100-2015 valid example {0}")
    @ValueSource(strings = {"91310110666007217T", "914403003429409755"})
    void gb32100ValidExamplesAreAccepted(String code) {
        Uscc uscc = Uscc.of(code);
        assertThat(uscc.value()).isEqualTo(code);
        assertThat(uscc).hasToString(code);
    }

    @Test
    void gb32100CheckCharacterOfWorkedExamples() {
        // 91310110666007217: Σ vᵢwᵢ = 966, 966 mod 31 = 5, 31 − 5 = 26 → charset[26] = 'T'
        assertThat(Uscc.checkCharacter("91310110666007217")).isEqualTo('T');
        assertThat(Uscc.checkCharacter("91440300342940975")).isEqualTo('5');
    }

    @Test
    void gb32100CheckOf31BecomesZero() {
        // Σ vᵢwᵢ mod 31 = 0 here, so 31 − 0 = 31, which the standard maps to '0'
        assertThat(Uscc.checkCharacter("91330602MA2BCDE0X")).isEqualTo('0');
        assertThat(Uscc.of("91330602MA2BCDE0X0").value()).isEqualTo("91330602MA2BCDE0X0");
        assertThat(Uscc.checkCharacter("91330602MA2BCDE08")).isEqualTo('Y'); // highest charset value, 30
    }

    @Test
    void gb32100CheckCharacterRejectsInputThatIsNot17CodeCharacters() {
        assertThatThrownBy(() -> Uscc.checkCharacter("9131011066600721"))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("uscc.format");
        assertThatThrownBy(() -> Uscc.checkCharacter(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Uscc.checkCharacter("I1310110666007217")) // I is not in the charset
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("uscc.format");
    }

    @Test
    void lowerCaseAndSurroundingSpaceAreNormalised() {
        assertThat(Uscc.of("91310110666007217t").value()).isEqualTo("91310110666007217T");
        assertThat(Uscc.of("  91330602ma2bcde0x0\t").value()).isEqualTo("91330602MA2BCDE0X0");
        assertThat(Uscc.of("91310110666007217t")).isEqualTo(Uscc.of("91310110666007217T"));
    }

    @ParameterizedTest(name = "GB 32100-2015 wrong check character: {0}")
    @ValueSource(strings = {"91310110666007217U", "91310110666007217Y", "914403003429409750",
            "914403003429409754", "91310110666007218T" /* a body digit changed, check kept */})
    void wrongCheckCharacterIsRejected(String code) {
        assertRejected(code, "uscc.checksum");
    }

    @Test
    void checksumErrorCarriesTheExpectedCharacter() {
        assertThatThrownBy(() -> Uscc.of("91310110666007217U"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.arguments()).containsExactly("91310110666007217U", "T");
                    assertThat(e.getMessage()).contains("expected T");
                });
    }

    @ParameterizedTest(name = "GB 32100-2015 wrong length: {0}")
    @ValueSource(strings = {"9131011066600721", "91310110666007217", "91310110666007217TT", "9", "91310110666007217T0"})
    void wrongLengthIsRejected(String code) {
        assertRejected(code, "uscc.format");
    }

    @ParameterizedTest(name = "GB 32100-2015 forbidden letter: {0}")
    @ValueSource(strings = {
            "91310110666007217I", "91310110666007217O", "91310110666007217S", "91310110666007217V", "91310110666007217Z",
            "I1310110666007217T", "9O310110666007217T", "9131011066600S217T", "91310110666007V17T", "9131011066600721ZT"})
    void forbiddenLettersIOSVZAreRejected(String code) {
        assertRejected(code, "uscc.format");
    }

    @ParameterizedTest(name = "GB 32100-2015 characters 3–8 are the region digits: {0}")
    @ValueSource(strings = {"913A0110666007217T", "9131011X666007217T", "91-310110666007217", "91310110666007217-"})
    void nonDigitRegionAndPunctuationAreRejected(String code) {
        assertRejected(code, "uscc.format");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankIsRejected(String code) {
        assertRejected(code, "uscc.blank");
    }

    @Test
    void registrationRegionIsCharacters3To8() {
        assertThat(Uscc.of("91310110666007217T").registrationRegion()).isEqualTo("310110");
        assertThat(Uscc.of("914403003429409755").registrationRegion()).isEqualTo("440300");
    }
}
