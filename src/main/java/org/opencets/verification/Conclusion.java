package org.opencets.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The firm's verification conclusion (核查结论): verified emissions per unit (outside power one line for the entity) and
 * for the entity, verified production data and the opinion. Never changed: a revision is a new number.
 */
public record Conclusion(UUID id, UUID taskId, int number, Reason reason, BigDecimal verifiedTotal, BigDecimal verifiedCompliance,
        List<Line> lines, Map<String, BigDecimal> products, String opinion, Instant issuedAt, String issuedBy, boolean onTime, String contentSha256) {

    public enum Reason { FIRST, OBJECTION_UPHELD, REVERIFICATION }

    /** One unit's verified figures; generation and heat for power units only. */
    public record Line(String unit, BigDecimal emissions, BigDecimal compliance, BigDecimal generationMwh, BigDecimal heatGj) {
    }
}
