package org.opencets.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * A relief plan (纾困方案, seed 003 §三) of an emitter with major public-service duties (重大民生保障任务) that cannot
 * comply: its duties, its difficulty and the measures it asks for, with supporting documents; the allocating bureau
 * approves or rejects it with a decision note, once.
 */
public record ReliefPlan(UUID id, Uscc emitter, String emitterName, RegionCode region, int year, String duties, String difficulty, String measures,
        Status status, String decisionNote, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, int version,
        List<Document> documents) {

    public enum Status { SUBMITTED, APPROVED, REJECTED }

    public ReliefPlan {
        documents = List.copyOf(documents);
    }

    public boolean open() {
        return status == Status.SUBMITTED;
    }

    /** A supporting document: an evidence upload, stored once by its SHA-256. */
    public record Document(UUID uploadId, String sha256, String fileName, long sizeBytes, String attachedBy, Instant attachedAt) {
    }
}
