package org.opencets.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The verifiers' on-site visit: when, who, where, what they saw. */
public record SiteVisit(UUID id, UUID taskId, LocalDate date, String verifiers, String places, String notes, Instant recordedAt, String recordedBy) {
}
