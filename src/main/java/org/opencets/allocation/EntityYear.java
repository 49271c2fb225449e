package org.opencets.allocation;

import java.util.List;
import java.util.Optional;
import org.opencets.accounting.Figure;
import org.opencets.allocationmethod.AllocationOutcome;
import org.opencets.allocationmethod.MethodProblem;
import org.opencets.directory.EmitterStatus;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * An emitter's allocation year at a glance: the directory's status, any special case, the verified data of the year
 * and the year before, what the method computes from them now, the decisions taken and the instructions sent.
 *
 * @param preview     the final allocation the method computes from the current data (empty without the year's data)
 * @param prePreview  the pre-allocation it computes (empty without the previous year's data or the year's ratio)
 * @param borrowed    allowances of this year borrowed early (approved borrowing of the previous year)
 */
public record EntityYear(Uscc emitter, String emitterName, RegionCode region, int year, EmitterStatus status, Optional<SpecialCase> specialCase,
        Optional<VerifiedBasis> basis, Optional<VerifiedBasis> previousBasis, Optional<AllocationOutcome> preview, Optional<Figure> prePreview,
        List<AllocationDecision> decisions, List<IssuanceInstruction> instructions, long borrowed) {

    public EntityYear {
        decisions = List.copyOf(decisions);
        instructions = List.copyOf(instructions);
    }

    public Optional<AllocationDecision> preAllocation() {
        return decisions.stream().filter(d -> d.kind() == AllocationDecision.Kind.PRE_ALLOCATION).reduce((a, b) -> b);
    }

    public Optional<AllocationDecision> finalDecision() {
        return decisions.stream().filter(AllocationDecision::isFinal).reduce((a, b) -> b);
    }

    /** Net allowances of the year issued so far (taken back counts negative), borrowing excluded. */
    public long issued() {
        return decisions.stream().mapToLong(AllocationDecision::toIssue).sum();
    }

    /**
     * The final decision rests on older verified data or another special case than today's: a correction is due. New
     * data changes nothing for a dissolved emitter (it gets nothing either way).
     */
    public boolean correctionDue() {
        return finalDecision().map(f -> (f.specialCase() != SpecialCaseKind.DISSOLVED && basis.map(b -> !b.id().equals(f.basisId())).orElse(false))
                || specialCase.map(SpecialCase::kind).orElse(null) != f.specialCase()).orElse(false);
    }

    public List<MethodProblem> problems() {
        return preview.filter(AllocationOutcome.Refused.class::isInstance).map(o -> ((AllocationOutcome.Refused) o).problems()).orElse(List.of());
    }
}
