package org.opencets.mrv;

import java.time.Instant;
import java.util.UUID;
import org.opencets.directory.Fuel;

/** An evidence file attached to a deposit, with what it proves (and for which fuel, when it is about one). */
public record AttachedEvidence(UUID uploadId, String sha256, String fileName, EvidenceKind kind, Fuel fuel, long sizeBytes,
        Instant attachedAt, String attachedBy) {
}
