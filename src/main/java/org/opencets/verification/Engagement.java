package org.opencets.verification;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.Uscc;

/** A firm prepared an emitter's report or consulted for it in a data year: what makes the firm conflicted. */
public record Engagement(UUID id, UUID firmId, Uscc emitter, String province, int year, Kind kind, String note, Instant recordedAt, String recordedBy) {

    public enum Kind { REPORT_PREPARATION, CONSULTING }
}
