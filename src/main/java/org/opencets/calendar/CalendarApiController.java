package org.opencets.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/calendar}: due dates as the platform computes them, the official calendar, compliance-year values. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Compliance calendar", description = "Deadlines, working days and compliance-year values (年度政策数据)")
class CalendarApiController {

    private final Deadlines deadlines;
    private final PolicyYearData policy;
    private final OfficialCalendar calendar;

    CalendarApiController(Deadlines deadlines, PolicyYearData policy, OfficialCalendar calendar) {
        this.deadlines = deadlines;
        this.policy = policy;
        this.calendar = calendar;
    }

    record DeadlineResource(String kind, int complianceYear, LocalDate due, LocalDate unadjusted, LocalDate anchor, boolean movedOffDayOff,
            boolean provisional, String rule, String dayOffPolicy, String ruleRegion, String source, LocalDate ruleInForceFrom) {

        static DeadlineResource of(Deadline d) {
            DeadlineRule r = d.rule();
            String rule = r.isFixed() ? "fixed " + r.fixedDate() : r.offsetDays() + " " + r.dayCount() + " days after " + d.kind().anchor();
            return new DeadlineResource(d.kind().name(), d.complianceYear(), d.due(), d.unadjusted(), d.anchor(), d.movedOffDayOff(),
                    d.provisional(), rule, r.dayOffPolicy().name(), r.regionPrefix(), r.source(), r.inForceFrom());
        }
    }

    record WorkingDaysResource(LocalDate from, int days, LocalDate workingDaysLater, LocalDate naturalDaysLater) {
    }

    record PolicyValueResource(int complianceYear, String parameter, String qualifier, String region, String value, String unit,
            String source, LocalDate inForceFrom, String note, String recordedBy, String recordedAt) {

        static PolicyValueResource of(PolicyValue v) {
            return new PolicyValueResource(v.complianceYear(), v.parameter().name(), v.qualifier(), v.regionPrefix(), v.value(), v.unit(),
                    v.source(), v.inForceFrom(), v.note(), v.recordedBy(), v.recordedAt().toString());
        }
    }

    @GetMapping("/deadlines")
    @Operation(summary = "When a step is due: a fixed deadline of the year, or counted from an anchor date (month end, submission, request)")
    DeadlineResource deadline(@RequestParam DeadlineKind kind, @RequestParam int year, @RequestParam String region,
            @RequestParam(required = false) LocalDate anchor, @RequestParam(required = false) LocalDate asOf) {
        RegionCode code = RegionCode.of(region);
        supported("anchor", anchor);
        supported("asOf", asOf);
        if (!kind.isFixed() && anchor == null) {
            throw new ValidationFailed(FieldViolation.of("anchor", "deadline.anchor.required", "This deadline counts from a date: give anchor", kind.anchor()));
        }
        Deadline d = deadlines.dueAsOf(kind, year, code, kind.isFixed() ? null : anchor, asOf == null ? deadlines.today() : asOf);
        return DeadlineResource.of(d);
    }

    @GetMapping("/working-days")
    @Operation(summary = "The date n working days (official calendar) and n natural days after a date")
    WorkingDaysResource workingDays(@RequestParam LocalDate from, @RequestParam int days) {
        supported("from", from);
        if (days < 0 || days > 366) {
            throw new ValidationFailed(FieldViolation.of("days", "deadline.offset.range", "Enter a number of days between 1 and 366"));
        }
        return new WorkingDaysResource(from, days, calendar.plusWorkingDays(from, days), calendar.plusNaturalDays(from, days));
    }

    @GetMapping("/policy-values")
    @Operation(summary = "Compliance-year values in force on a date (default today) for a region (omit for national values only)")
    List<PolicyValueResource> values(@RequestParam int year, @RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate asOf) {
        Optional<RegionCode> code = region == null || region.isBlank() ? Optional.empty() : Optional.of(RegionCode.of(region));
        return policy.inForce(year, code, asOf == null ? deadlines.today() : asOf).stream().map(PolicyValueResource::of).toList();
    }

    /** Dates far outside the scheme's life are bad input, not arithmetic to attempt. */
    private static void supported(String field, LocalDate date) {
        if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            throw new ValidationFailed(FieldViolation.of(field, "date.outOfRange", "Use a date between 2000 and 2100", date.toString()));
        }
    }

    record NewValueRequest(int year, String parameter, String qualifier, String region, String value, String unit, String source,
            LocalDate inForceFrom, String note) {
    }

    @PostMapping("/policy-values")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a version of a compliance-year value (provincial or city bureau; never overwrites)")
    PolicyValueResource record(CurrentUser user, @RequestBody NewValueRequest request) {
        return PolicyValueResource.of(policy.record(user, new NewPolicyValue(request.year(), request.parameter(), request.qualifier(),
                request.region() == null ? "" : request.region(), request.value(), request.unit(), request.source(), request.inForceFrom(),
                request.note())));
    }
}
