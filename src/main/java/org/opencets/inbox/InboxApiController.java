package org.opencets.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.opencets.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inbox}: the calling organisation's open obligations, for plant systems and dashboards. */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox", description = "Open obligations (待办) and their due dates")
class InboxApiController {

    private final Obligations obligations;

    InboxApiController(Obligations obligations) {
        this.obligations = obligations;
    }

    record ObligationResource(String key, String kind, int complianceYear, String region, String emitterUscc, String emitterName,
            String subject, String period, LocalDate due, boolean provisional, long daysLeft, boolean overdue, String link) {
    }

    @GetMapping
    @Operation(summary = "Open obligations of the caller's organisation, soonest first; daysLeft is negative when overdue")
    List<ObligationResource> open(CurrentUser user) {
        LocalDate today = obligations.today();
        return obligations.openFor(user).stream().map(o -> new ObligationResource(o.key(), o.kind().name(), o.complianceYear(),
                o.region().value(), o.emitterUscc(), o.emitterName(), o.subject(), o.period(), o.due(), o.provisional(), o.daysLeft(today),
                o.isOverdue(today), o.link())).toList();
    }
}
