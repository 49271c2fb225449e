package org.opencets.mrv;

import java.time.Instant;
import java.util.UUID;

/** A document the emitter attached to its annual report (stored once in the evidence store). */
public record ReportAttachment(UUID uploadId, String sha256, String fileName, long sizeBytes, Instant attachedAt, String attachedBy) {
}
