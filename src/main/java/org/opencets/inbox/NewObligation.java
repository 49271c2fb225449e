package org.opencets.inbox;

import java.util.Objects;
import java.util.UUID;
import org.opencets.calendar.Deadline;
import org.opencets.shared.RegionCode;

/**
 * An obligation a module opens. The due date comes only from a {@link Deadline} the calendar computed.
 *
 * @param key chosen by the opening module and unique: opening the same key again changes nothing
 */
public record NewObligation(String key, Deadline deadline, UUID responsibleOrganisation, RegionCode region, String emitterUscc,
        String emitterName, String subject, String period, String link) {

    public NewObligation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(responsibleOrganisation, "responsibleOrganisation");
        Objects.requireNonNull(region, "region");
    }
}
