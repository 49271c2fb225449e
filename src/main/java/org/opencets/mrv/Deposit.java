package org.opencets.mrv;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.directory.Fuel;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * One version of a unit-month's deposit. Once submitted it never changes (the database refuses it); a correction is
 * a new version that {@code replaces} the returned one.
 */
public record Deposit(UUID id, Uscc emitter, String emitterName, RegionCode region, UUID unitId, String unitCode, YearMonth month,
        int depositVersion, UUID replaces, DepositStatus status, Channel channel, String sampleId, String samplePlace,
        List<Finding> findings, String contentSha256, Long logIndex, Instant submittedAt, String submittedBy, int version, List<MonthlyValue> values, List<AttachedEvidence> evidence) {

    /** How the values arrived. */
    public enum Channel { FORM, EXCEL, API }

    public Optional<MonthlyValue> value(Parameter parameter, Fuel fuel) {
        return values.stream().filter(v -> v.parameter() == parameter && v.fuel() == fuel).findFirst();
    }

    /** Submitted after the month's due date (the timeliness check's warning, kept with the submission). */
    public boolean late() {
        return findings.stream().anyMatch(f -> f.code().equals(DepositChecks.LATE));
    }

    public boolean editable() {
        return status == DepositStatus.DRAFT;
    }
}
