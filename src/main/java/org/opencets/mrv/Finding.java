package org.opencets.mrv;

import java.util.List;

/**
 * One result of the automatic checks. Errors block submission; warnings travel with the submission so reviewers see
 * them (a late month, a default where the plan promises a measurement, generation that does not fit the load).
 *
 * @param field the parameter field ("NCV.BITUMINOUS"), "evidence.LAB_REPORT", "sampleId", "month" or "plan"
 * @param code  the message key below {@code check.}
 */
public record Finding(Severity severity, String field, String code, String defaultMessage, List<String> arguments) {

    public enum Severity { ERROR, WARNING }

    public static Finding error(String field, String code, String defaultMessage, Object... args) {
        return new Finding(Severity.ERROR, field, code, defaultMessage, strings(args));
    }

    public static Finding warning(String field, String code, String defaultMessage, Object... args) {
        return new Finding(Severity.WARNING, field, code, defaultMessage, strings(args));
    }

    public boolean blocking() {
        return severity == Severity.ERROR;
    }

    private static List<String> strings(Object... args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
