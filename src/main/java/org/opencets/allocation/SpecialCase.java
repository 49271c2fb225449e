package org.opencets.allocation;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** A special case recorded for an emitter and year, with its special note (特殊说明); withdrawn ones stay on record. */
public record SpecialCase(UUID id, Uscc emitter, String emitterName, RegionCode region, int year, SpecialCaseKind kind, String note, String recordedBy,
        Instant recordedAt, String withdrawnBy, Instant withdrawnAt, String withdrawal) {

    public boolean inForce() {
        return withdrawnAt == null;
    }
}
