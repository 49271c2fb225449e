package org.opencets.allocation;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * The allocation notice (配额分配通知书) of a decision, delivered in the platform, with its service receipt (送达回证,
 * seed 004 §三(二)3 and 附件2).
 */
public record AllocationNotice(UUID id, UUID decisionId, String number, Uscc emitter, String emitterName, RegionCode region, int year, String issuedBy,
        Instant issuedAt, String contentSha256, Receipt receipt) {

    public enum ReceiptStatus { PENDING, ACKNOWLEDGED, REFUSED }

    /**
     * The fields of 附件2: method and place of service, the recipient's signature (or an agent's, with the relation),
     * the date, a refusal's reason and witness, who served it and a note.
     */
    public record Receipt(ReceiptStatus status, String method, String place, String recipient, String agent, String agentRelation, Instant servedAt,
            String refusalReason, String witness, String servedBy, String note, int version) {
    }
}
