package org.opencets.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One recorded version of a compliance-year value, with who recorded it, when, and from when it applies. */
public record PolicyValue(long id, int complianceYear, PolicyParameter parameter, String qualifier, String regionPrefix,
        String value, String unit, String source, LocalDate inForceFrom, String note, String recordedBy, Instant recordedAt) {

    public BigDecimal decimal() {
        return new BigDecimal(value);
    }

    /** A percentage as a fraction: 5 % → 0.05. */
    public BigDecimal fraction() {
        return decimal().movePointLeft(2);
    }

    /** Vintage labels as written, e.g. [2019-2020, 2021, 2022]. */
    public List<String> vintages() {
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    public boolean isNational() {
        return regionPrefix.isEmpty();
    }
}
