package org.opencets.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.accounting.Figure;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * A pre-allocation or final allocation (核定) decision for an emitter and year. Never changed: a correction is the next
 * revision. {@code toIssue} is what this decision moves (negative: taken back); {@code figures} is how it was computed.
 */
public record AllocationDecision(UUID id, Uscc emitter, String emitterName, RegionCode region, int year, Kind kind, int revision, UUID basisId,
        SpecialCaseKind specialCase, String specialNote, long allocationDue, Long obligation, long alreadyIssued, long borrowed, long toIssue,
        Account account, String reason, List<Figure> figures, String contentSha256, String decidedBy, String decidedOrganisation, Instant decidedAt) {

    public enum Kind { PRE_ALLOCATION, FINAL }

    /** Where the allowances go: the emitter's registry account, the provincial authority's (seed 003 §一), or nowhere. */
    public enum Account { EMITTER, PROVINCIAL, NONE }

    public AllocationDecision {
        figures = List.copyOf(figures);
    }

    public boolean isFinal() {
        return kind == Kind.FINAL;
    }

    public boolean isCorrection() {
        return revision > 1;
    }
}
