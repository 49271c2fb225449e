package org.opencets.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

    @GetMapping("/tasks")
    @Operation(summary = "The year's verification tasks the caller sees (a bureau its region's, a firm its own, an emitter its own)")
    List<VerificationTask> tasks(CurrentUser user, @RequestParam int year) {
        return tasks.tasks(user, year);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One task with its visits, findings, conclusions, objections, re-verifications and history")
    TaskView task(CurrentUser user, @PathVariable UUID id) {
        return tasks.view(user, id);
    }

    @GetMapping("/results/{uscc}/{year}")
    @Operation(summary = "The final verified emissions of an emitter and year as last published (404 while not final)")
    VerifiedEmissionsFinalised result(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year) {
        VerifiedEmissionsFinalised result = verified.current(uscc, year).orElseThrow(() -> new RecordNotFound("Verified emissions", uscc.value()));
        tasks.task(user, result.taskId());
        return result;
    }
}
