package org.opencets.allocation;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * A request to borrow (预支) allowances of the next year against the gap of a year (seed 003 §三): the emitter applies,
 * the allocating bureau approves a quantity (never above the request or the limit) or rejects, once.
 *
 * @param maximum the limit when requested (50 % of the gap in 2021/22)
 * @param gap     obligation − allocation due of the year's final allocation when requested
 */
public record Borrowing(UUID id, Uscc emitter, String emitterName, RegionCode region, int year, long requested, long maximum, long gap, String reason,
        Status status, Long approved, String decisionNote, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, int version) {

    public enum Status { REQUESTED, APPROVED, REJECTED }

    public boolean open() {
        return status == Status.REQUESTED;
    }
}
