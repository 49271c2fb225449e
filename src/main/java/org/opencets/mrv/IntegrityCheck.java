package org.opencets.mrv;

import java.util.List;

/** One tamper-evidence check of a submitted deposit, with the message key below {@code integrity.} and its arguments. */
public record IntegrityCheck(String code, boolean ok, List<String> arguments) {

    public static boolean allHold(List<IntegrityCheck> checks) {
        return !checks.isEmpty() && checks.stream().allMatch(IntegrityCheck::ok);
    }
}
