package org.opencets.compliance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A compliance certificate (履约证明) the registry issues to an entity that surrendered its whole obligation for a
 * year (seed 003 §五(三) "对完成履约的重点排放单位，由注登机构出具履约证明"). {@code number} is stable for the
 * entity and year; {@code fingerprint} is the SHA-256 of the certified figures, printed so a copy can be checked.
 */
public record ComplianceCertificate(String number, int year, String entityName, String uscc, String etsAccount, long obligation, long allowances,
        long ccer, LocalDate completedOn, LocalDate deadline, boolean onTime, boolean forced, Instant issuedAt, String issuer, String fingerprint) {
}
