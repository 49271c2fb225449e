package org.opencets.directory;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.RegionCode;

/** A district's proposed list of key emitters for a year and list type. */
public record AnnualList(UUID id, RegionCode district, int year, ListType type, AnnualListStatus status,
        Instant submittedAt, String submittedBy, Instant reviewedAt, String reviewedBy, String returnReason, int version) {
}
