package org.opencets.mrv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.Uscc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/mrv/reports/{uscc}/{year}}: the annual report's figures as they stand (frozen once submitted), what
 * blocks its submission, and submission itself (refused as problem details listing every gap).
 */
@RestController
@RequestMapping("/api/v1/mrv/reports/{uscc}/{year}")
@Tag(name = "Annual emission reports", description = "年度温室气体排放报告: figures with how they were computed, gaps, submission")
class ReportApiController {

    private final AnnualReports reports;

    ReportApiController(AnnualReports reports) {
        this.reports = reports;
    }

    record ReportResource(String emitter, String emitterName, int year, UUID reportId, Integer reportVersion, ReportStatus status, boolean late,
            Instant submittedAt, String contentSha256, Long logIndex, BigDecimal totalEmissions, BigDecimal complianceEmissions,
            boolean submittable, List<FieldViolation> blockers, Object figures) {

        static ReportResource of(AnnualReportView v) {
            AnnualReport r = v.report();
            Object account = v.figures() instanceof ReportFigures.Power p ? p.account() : ((ReportFigures.Streams) v.figures()).account();
            return new ReportResource(v.emitter().uscc().value(), v.emitter().name(), v.year(), r == null ? null : r.id(),
                    r == null ? null : r.reportVersion(), r == null ? null : r.status(), r != null && r.late(), r == null ? null : r.submittedAt(),
                    r == null ? null : r.contentSha256(), r == null ? null : r.logIndex(), v.figures().totalEmissions(),
                    v.figures().complianceEmissions(), v.submittable(), v.blockers(), account);
        }
    }

    @GetMapping
    @Operation(summary = "The report: status, totals, every figure with its formula and inputs, and what blocks submission")
    ReportResource get(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year) {
        return ReportResource.of(reports.view(user, uscc, year));
    }

    @PostMapping("/submit")
    @Operation(summary = "Submit the year's report (a draft is started if none exists); refused with every gap as problem details")
    ReportResource submit(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year) {
        reports.submitYear(user, uscc, year);
        return ReportResource.of(reports.view(user, uscc, year));
    }
}
