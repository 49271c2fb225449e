package org.opencets.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.shared.RegionCode;

/** Something an organisation must do by a date, for an emitter (and unit, month) where it concerns one. */
public record Obligation(UUID id, String key, DeadlineKind kind, int complianceYear, UUID responsibleOrganisation,
        RegionCode region, String emitterUscc, String emitterName, String subject, String period, String link,
        LocalDate due, boolean provisional, Instant openedAt, Instant closedAt, Outcome outcome) {

    public enum Outcome { DONE, WITHDRAWN }

    /** Negative once overdue: due yesterday → −1. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public boolean isOverdue(LocalDate today) {
        return isOpen() && today.isAfter(due);
    }
}
