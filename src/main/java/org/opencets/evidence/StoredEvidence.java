package org.opencets.evidence;

import java.util.UUID;

/** One upload: its id, the file name given, and the content it points to (stored once however often uploaded). */
public record StoredEvidence(UUID uploadId, String fileName, String sha256, EvidenceType type, long sizeBytes, boolean alreadyStored) {
}
