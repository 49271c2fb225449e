package org.opencets.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An emitter's surrender request (履约清缴申请) for a year and its submissions: the province approves the current
 * revision, or rejects it listing every deficiency at once and the emitter amends and resubmits (seed 001 第四步).
 */
public record SurrenderRequest(UUID id, String emitter, String emitterName, String regionCode, int year, Status status, int revision, boolean late,
        Contact contact, Instant createdAt, Instant updatedAt, int version, List<Revision> revisions) {

    public enum Status { SUBMITTED, REJECTED, APPROVED, WITHDRAWN }

    public record Contact(String name, String phone, String email) {
    }

    /** One submission: what it asked, the registry operation carrying it, and the province's decision. */
    public record Revision(int revision, UUID operationId, SurrenderAsk ask, Instant submittedAt, String submittedBy, String outcome,
            List<String> deficiencies, String decidedBy, Instant decidedAt) {
    }

    public Revision current() {
        return revisions.stream().filter(r -> r.revision() == revision).findFirst().orElseThrow();
    }

    /** A number people can quote: 履约 + year + the id's first eight characters. */
    public String number() {
        return "LY" + year + "-" + id.toString().substring(0, 8).toUpperCase();
    }
}
