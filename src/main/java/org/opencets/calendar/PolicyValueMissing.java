package org.opencets.calendar;

/** No value of a compliance-year parameter has been recorded for the year (a regulator must enter it). */
public class PolicyValueMissing extends RuntimeException {

    public PolicyValueMissing(PolicyParameter parameter, String qualifier, int year) {
        super("No value of " + parameter + (qualifier.isEmpty() ? "" : " (" + qualifier + ")") + " recorded for " + year);
    }
}
