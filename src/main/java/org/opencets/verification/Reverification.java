package org.opencets.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The city's re-verification (复查) of a conclusion, chosen specifically or by a sampled draw. When its figures differ
 * the firm must revise its report to them (seed 004 §三(三)6).
 *
 * @param figures re-verified emissions and compliance emissions per unit, once finished
 */
public record Reverification(UUID id, UUID taskId, UUID conclusionId, Selection selectedHow, UUID drawId, Instant openedAt, String openedBy,
        Boolean changed, String opinion, Instant finishedAt, String finishedBy, Map<String, Figures> figures) {

    public enum Selection { SPECIFIC, SAMPLE }

    public record Figures(BigDecimal emissions, BigDecimal compliance) {
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
