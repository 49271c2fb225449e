package org.opencets.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** GB 32100-2015 check character, over generated codes. */
class UsccProperties {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 17-char prefixes matching [0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}. */
    @Provide
    Arbitrary<String> prefixes() {
        Arbitrary<String> code2 = Arbitraries.strings().withChars(CHARSET.toCharArray()).ofLength(2);
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> body9 = Arbitraries.strings().withChars(CHARSET.toCharArray()).ofLength(9);
        return Combinators.combine(code2, region, body9).as((a, b, c) -> a + b + c);
    }

    @Provide
    Arbitrary<Character> charsetChars() {
        return Arbitraries.of(CHARSET.chars().mapToObj(c -> (char) c).toList());
    }

    @Property
    void prefixPlusCheckCharacterIsValid(@ForAll("prefixes") String prefix) {
        String code = prefix + Uscc.checkCharacter(prefix);
        assertThat(Uscc.of(code).value()).isEqualTo(code);
        assertThat(Uscc.of(code.toLowerCase()).value()).isEqualTo(code);
    }

    @Property
    void anyOtherCheckCharacterIsRejected(@ForAll("prefixes") String prefix, @ForAll("charsetChars") char other) {
        char check = Uscc.checkCharacter(prefix);
        String wrong = prefix + other;
        if (other == check) {
            assertThat(Uscc.of(wrong).value()).isEqualTo(wrong);
        } else {
            assertThatThrownBy(() -> Uscc.of(wrong))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).messageKey())
                    .isEqualTo("uscc.checksum");
        }
    }

    @Property
    void checkCharacterMatchesTheStandardFormula(@ForAll("prefixes") String prefix) {
        // weights are 3^i mod 31; check = 31 − (Σ vᵢwᵢ mod 31), 31 → 0
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(prefix.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int check = (31 - sum % 31) % 31;
        assertThat(Uscc.checkCharacter(prefix)).isEqualTo(CHARSET.charAt(check));
    }

    @Property
    void changingOneCodeCharacterIsDetected(@ForAll("prefixes") String prefix,
                                            @ForAll @IntRange(min = 0, max = 16) int pos,
                                            @ForAll("charsetChars") char replacement) {
        // every weight is a unit mod 31, so a single substitution always changes the check
        if (pos >= 2 && pos < 8) {
            replacement = (char) ('0' + CHARSET.indexOf(replacement) % 10); // region part stays digits
        }
        String valid = prefix + Uscc.checkCharacter(prefix);
        Assume.that(valid.charAt(pos) != replacement);
        String tampered = valid.substring(0, pos) + replacement + valid.substring(pos + 1);
        assertThatThrownBy(() -> Uscc.of(tampered))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey())
                .isEqualTo("uscc.checksum");
    }
}
