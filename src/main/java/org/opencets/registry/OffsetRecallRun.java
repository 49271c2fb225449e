package org.opencets.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One run of the recall of a compliance period's unused PENDING_OFFSET CCER (seed 001 第六步). */
public record OffsetRecallRun(int periodLastYear, LocalDate recallDate, int lots, long quantity, Instant runAt, String runBy) {
}
