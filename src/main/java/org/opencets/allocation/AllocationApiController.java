package org.opencets.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.accounting.Figure;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.Uscc;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Allocation over the API: the year's decisions per emitter, one emitter's year with how each figure was computed, the
 * issuance instructions (for the registry), and the allocating bureau's decisions. Refusals are problem details.
 */
@RestController
@RequestMapping("/api/v1/allocation")
@Tag(name = "Allocation", description = "Pre-allocation, final allocation and true-up, issuance instructions (seeds 002 §二(五), 003 §一 §三)")
class AllocationApiController {

    private final Allocations allocations;

    AllocationApiController(Allocations allocations) {
        this.allocations = allocations;
    }

    /** An emitter's allocation year as the API shows it: identifiers as plain strings. */
    record EntityResource(String emitter, String emitterName, String region, int year, String specialCase, String specialNote, Integer basisRevision,
            String basisSource, java.math.BigDecimal verifiedCompliance, Long preAllocation, Long allocationDue, Long obligation, long issued, long borrowed,
            boolean correctionDue, List<String> problems) {

        static EntityResource of(EntityYear e) {
            var pre = e.preAllocation();
            var fin = e.finalDecision();
            return new EntityResource(e.emitter().value(), e.emitterName(), e.region().value(), e.year(),
                    e.specialCase().map(c -> c.kind().name()).orElse(null), e.specialCase().map(SpecialCase::note).orElse(null),
                    e.basis().map(VerifiedBasis::revision).orElse(null), e.basis().map(b -> b.source().name()).orElse(null),
                    e.basis().map(VerifiedBasis::verifiedCompliance).orElse(null), pre.map(AllocationDecision::allocationDue).orElse(null),
                    fin.map(AllocationDecision::allocationDue).orElse(null), fin.map(AllocationDecision::obligation).orElse(null), e.issued(), e.borrowed(),
                    e.correctionDue(), e.problems().stream().map(p -> p.code() + " " + p.args()).toList());
        }
    }

    record DecisionResource(UUID id, String emitter, int year, String kind, int revision, String specialCase, long allocationDue, Long obligation,
            long alreadyIssued, long borrowed, long toIssue, String account, String reason, List<Figure> figures, String contentSha256, String decidedBy,
            Instant decidedAt) {

        static DecisionResource of(AllocationDecision d) {
            return new DecisionResource(d.id(), d.emitter().value(), d.year(), d.kind().name(), d.revision(),
                    d.specialCase() == null ? null : d.specialCase().name(), d.allocationDue(), d.obligation(), d.alreadyIssued(), d.borrowed(), d.toIssue(),
                    d.account().name(), d.reason(), d.figures(), d.contentSha256(), d.decidedOrganisation(), d.decidedAt());
        }
    }

    record InstructionResource(UUID id, UUID decisionId, UUID borrowingId, String emitter, String emitterName, int year, String vintage, String purpose,
            String direction, long quantity, String account, boolean ownSurrenderOnly, Instant createdAt) {

        static InstructionResource of(IssuanceInstruction i) {
            return new InstructionResource(i.id(), i.decisionId(), i.borrowingId(), i.emitter().value(), i.emitterName(), i.year(), i.vintage(),
                    i.purpose().name(), i.direction().name(), i.quantity(), i.account().name(), i.ownSurrenderOnly(), i.createdAt());
        }
    }

    record EntityDetail(EntityResource summary, List<DecisionResource> decisions, List<InstructionResource> instructions) {
    }

    @GetMapping("/{year}")
    @Operation(summary = "The year's power emitters the caller sees, with pre-allocation, allocation due, obligation and what was issued")
    List<EntityResource> year(CurrentUser user, @PathVariable int year) {
        return allocations.year(user, year).stream().map(EntityResource::of).toList();
    }

    @GetMapping("/{year}/{uscc}")
    @Operation(summary = "One emitter's year: its decisions with every figure's formula and inputs, and its instructions")
    EntityDetail entity(CurrentUser user, @PathVariable int year, @PathVariable Uscc uscc) {
        EntityYear e = allocations.entity(user, uscc, year);
        return new EntityDetail(EntityResource.of(e), e.decisions().stream().map(DecisionResource::of).toList(),
                e.instructions().stream().map(InstructionResource::of).toList());
    }

    @GetMapping("/{year}/instructions")
    @Operation(summary = "The year's issuance instructions the caller sees (the registry operator sees all); the id is the idempotency key")
    List<InstructionResource> instructions(CurrentUser user, @PathVariable int year) {
        return allocations.instructionsOfYear(user, year).stream().map(InstructionResource::of).toList();
    }

    @PostMapping("/{year}/{uscc}/pre-allocation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pre-allocate an emitter (the allocating bureau); refused with problem details when it cannot be")
    DecisionResource preAllocate(CurrentUser user, @PathVariable int year, @PathVariable Uscc uscc) {
        return DecisionResource.of(allocations.preAllocate(user, uscc, year));
    }

    @PostMapping("/{year}/{uscc}/final")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Final allocation (or its correction) with the true-up (the allocating bureau); refused with problem details")
    DecisionResource finalise(CurrentUser user, @PathVariable int year, @PathVariable Uscc uscc) {
        return DecisionResource.of(allocations.finalise(user, uscc, year));
    }
}
