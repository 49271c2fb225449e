package org.opencets.shared;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check
 * character over the first 17 (weights 3^i mod 31, check = 31 - (sum mod 31), 31 becomes 0).
 */
public record Uscc(String value) {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("uscc.blank", "USCC is required");
        }
        value = value.strip().toUpperCase();
        if (!value.matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
            throw new InvalidValueException("uscc.format",
                    "USCC must be 18 characters: 2 registration characters, 6-digit region code, 10 code characters", value);
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new InvalidValueException("uscc.checksum",
                    "USCC check character is wrong: expected " + expected, value, String.valueOf(expected));
        }
    }

    public static Uscc of(String value) {
        return new Uscc(value);
    }

    /** The check character (18th) for the first 17 characters of a USCC. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new InvalidValueException("uscc.format", "A USCC check character needs exactly 17 code characters", first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                // indexOf = -1 would silently yield a wrong (or out-of-range) check character
                throw new InvalidValueException("uscc.format", "Not a USCC code character: " + first17.charAt(i), first17);
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** The region code (GB/T 2260) embedded in characters 3–8: where the entity was registered. */
    public String registrationRegion() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
