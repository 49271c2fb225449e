package org.opencets.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Uscc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Verification over the API: the tasks the caller sees, one task's whole record, and final verified emissions. */
@RestController
@RequestMapping("/api/v1/verification")
@Tag(name = "Verification", description = "Verification tasks, conclusions and final verified emissions (seed 002 §二(四))")
class VerificationApiController {

    private final VerificationTasks tasks;
    private final VerifiedEmissions verified;

    VerificationApiController(VerificationTasks tasks, VerifiedEmissions verified) {
        this.tasks = tasks;
        this.verified = verified;
    }

    /** A task as the API shows it: identifiers as plain strings. */
    record TaskResource(UUID id, int year, String emitter, String emitterName, String region, String sector, UUID reportId, int reportVersion,
            BigDecimal reportedTotal, BigDecimal reportedCompliance, UUID firmId, String firmName, String assignedHow, String status, LocalDate due,
            LocalDate objectionUntil, boolean documentReviewed, List<VerificationTask.ReportedLine> lines, Map<String, BigDecimal> products) {

        static TaskResource of(VerificationTask t) {
            return new TaskResource(t.id(), t.year(), t.emitter().value(), t.emitterName(), t.region().value(), t.sector().name(), t.reportId(),
                    t.reportVersion(), t.reportedTotal(), t.reportedCompliance(), t.firmId(), t.firmName(),
                    t.assignedHow() == null ? null : t.assignedHow().name(), t.status().name(), t.due(), t.objectionUntil(), t.documentReviewDone(),
                    t.lines(), t.products());
        }
    }

    record TaskDetail(TaskResource task, List<SiteVisit> visits, List<Finding> findings, List<Conclusion> conclusions, List<Objection> objections,
            List<Reverification> reverifications, List<TaskEvent> history) {
    }

    record ResultResource(UUID taskId, UUID conclusionId, String emitter, String emitterName, String region, int year, int revision,
            BigDecimal verifiedTotal, BigDecimal verifiedCompliance, List<Conclusion.Line> units, BigDecimal previousTotal, BigDecimal previousCompliance,
            Instant finalisedAt) {
    }

    @GetMapping("/tasks")
    @Operation(summary = "The year's verification tasks the caller sees (a bureau its region's, a firm its own, an emitter its own)")
    List<TaskResource> tasks(CurrentUser user, @RequestParam int year) {
        return tasks.tasks(user, year).stream().map(TaskResource::of).toList();
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One task with its visits, findings, conclusions, objections, re-verifications and history")
    TaskDetail task(CurrentUser user, @PathVariable UUID id) {
        TaskView v = tasks.view(user, id);
        return new TaskDetail(TaskResource.of(v.task()), v.visits(), v.findings(), v.conclusions(), v.objections(), v.reverifications(), v.history());
    }

    @GetMapping("/results/{uscc}/{year}")
    @Operation(summary = "The final verified emissions of an emitter and year as last published (404 while not final)")
    ResultResource result(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year) {
        VerifiedEmissionsFinalised r = verified.current(uscc, year).orElseThrow(() -> new RecordNotFound("Verified emissions", uscc.value()));
        tasks.task(user, r.taskId());
        return new ResultResource(r.taskId(), r.conclusionId(), r.emitter().value(), r.emitterName(), r.region().value(), r.year(), r.revision(),
                r.verifiedTotal(), r.verifiedCompliance(), r.units(), r.previousTotal(), r.previousCompliance(), r.finalisedAt());
    }
}
