package org.opencets.calendar;

import java.time.LocalDate;
import java.util.List;
import org.opencets.shared.FieldViolation;

/** What every new version of compliance-year data must say: for which region, from which notice, from when. */
final class VersionFields {

    private VersionFields() {
    }

    static void check(int year, String regionPrefix, String source, LocalDate inForceFrom, String note, List<FieldViolation> v) {
        if (year < 2013 || year > 2100) {
            v.add(FieldViolation.of("year", "policy.year.range", "Compliance year must be between 2013 and 2100", year));
        }
        if (regionPrefix == null || !regionPrefix.strip().matches("(\\d{2}|\\d{4}|\\d{6})?")) {
            v.add(FieldViolation.of("regionPrefix", "policy.region.format", "Region: empty for national, or 2, 4 or 6 digits of the region code"));
        }
        if (source == null || source.isBlank()) {
            v.add(FieldViolation.of("source", "policy.source.required", "Name the notice this comes from (document number and clause)"));
        } else if (source.strip().length() > 300) {
            v.add(FieldViolation.of("source", "policy.source.length", "The source may have at most 300 characters"));
        }
        if (inForceFrom == null) {
            v.add(FieldViolation.of("inForceFrom", "policy.inForceFrom.required", "Enter the date from which this applies"));
        }
        if (note != null && note.length() > 500) {
            v.add(FieldViolation.of("note", "policy.note.length", "The note may have at most 500 characters"));
        }
    }
}
