package org.opencets.compliance;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance over the API: an emitter's year, checking and submitting surrender requests (the client's own request id
 * makes a resend harmless: 200 instead of 201), the province's review, forced compliance, standings, the dashboard
 * and certificates. Refusals are problem details and change nothing.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance", description = "Surrender with CCER offsets, provincial review, forced and late compliance, certificates, compliance rate")
class ComplianceApiController {

    private final Compliance compliance;
    private final ComplianceOverview overview;
    private final ForcedCompliance forced;

    ComplianceApiController(Compliance compliance, ComplianceOverview overview, ForcedCompliance forced) {
        this.compliance = compliance;
        this.overview = overview;
        this.forced = forced;
    }

    @GetMapping("/{year}/emitters/{uscc}")
    EmitterYear emitterYear(CurrentUser user, @PathVariable int year, @PathVariable String uscc) {
        return compliance.emitterYear(user, uscc, year);
    }

    record AskRequest(List<ComplianceInput.RawAllowance> allowances, List<ComplianceInput.RawOffset> offsets) {
        SurrenderAsk ask() {
            return ComplianceInput.ask(allowances, offsets);
        }
    }

    record CheckResult(boolean acceptable, long offset, BigDecimal ratioPercent, List<FieldViolation> problems) {
    }

    /** The rules' verdict on a draft, recording nothing (what the page shows as the user types). */
    @PostMapping("/{year}/check")
    CheckResult check(CurrentUser user, @PathVariable int year, @RequestBody AskRequest r) {
        SurrenderAsk ask = r.ask();
        List<FieldViolation> problems = compliance.check(user, year, ask);
        long obligation = compliance.obligation(user, user.uscc().value(), year).map(Obligation::tonnes).orElse(0L);
        return new CheckResult(problems.isEmpty(), ask.offsetTotal(), compliance.ratioPercent(ask.offsetTotal(), obligation), problems);
    }

    record SubmitRequest(UUID id, Integer year, List<ComplianceInput.RawAllowance> allowances, List<ComplianceInput.RawOffset> offsets,
            SurrenderRequest.Contact contact, Integer version) {
    }

    @PostMapping("/requests")
    ResponseEntity<SurrenderRequest> submit(CurrentUser user, @RequestBody SubmitRequest r) {
        if (r.id() == null || r.year() == null) {
            throw new ValidationFailed(FieldViolation.of("id", "compliance.request.id", "Give the request its own id (a UUID) and the compliance year"));
        }
        boolean replay = compliance.requestIfAny(user, r.id()).isPresent();
        SurrenderRequest out = compliance.submit(user, r.id(), r.year(), ComplianceInput.ask(r.allowances(), r.offsets()), r.contact());
        return ResponseEntity.status(replay ? HttpStatus.OK : HttpStatus.CREATED).body(out);
    }

    /** Amends a rejected request and submits it again. */
    @PutMapping("/requests/{id}")
    SurrenderRequest amend(CurrentUser user, @PathVariable UUID id, @RequestBody SubmitRequest r) {
        return compliance.amend(user, id, version(r.version()), ComplianceInput.ask(r.allowances(), r.offsets()), r.contact());
    }

    /** The version of the request the client read: a decision or amendment on a request changed since is refused. */
    private static int version(Integer version) {
        if (version == null) {
            throw new ValidationFailed(FieldViolation.of("version", "compliance.version", "Give the version of the request you act on"));
        }
        return version;
    }

    @GetMapping("/requests")
    List<SurrenderRequest> requests(CurrentUser user, @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean open) {
        return compliance.requests(user, year, open);
    }

    @GetMapping("/requests/{id}")
    SurrenderRequest request(CurrentUser user, @PathVariable UUID id) {
        return compliance.request(user, id);
    }

    @GetMapping(value = "/requests/{id}/form", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] form(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer revision) {
        SurrenderRequest r = compliance.request(user, id);
        return overview.applicationFormPdf(user, r, revision == null ? r.revision() : revision);
    }

    record Approval(Integer version) {
    }

    @PostMapping("/requests/{id}/approval")
    SurrenderRequest approve(CurrentUser user, @PathVariable UUID id, @RequestBody Approval a) {
        return compliance.approve(user, id, version(a.version()));
    }

    record Rejection(Integer version, List<String> deficiencies) {
    }

    @PostMapping("/requests/{id}/rejection")
    SurrenderRequest reject(CurrentUser user, @PathVariable UUID id, @RequestBody Rejection r) {
        return compliance.reject(user, id, version(r.version()), r.deficiencies());
    }

    @GetMapping("/{year}/standings")
    List<YearStanding> standings(CurrentUser user, @PathVariable int year) {
        return overview.standings(user, year);
    }

    @GetMapping("/{year}/dashboard")
    ComplianceDashboard dashboard(CurrentUser user, @PathVariable int year) {
        return overview.dashboard(user, year);
    }

    @GetMapping("/{year}/certificates/{uscc}")
    ComplianceCertificate certificate(CurrentUser user, @PathVariable int year, @PathVariable String uscc) {
        return overview.certificate(user, uscc, year);
    }

    @GetMapping(value = "/{year}/certificates/{uscc}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] certificatePdf(CurrentUser user, @PathVariable int year, @PathVariable String uscc) {
        return overview.certificatePdf(user, uscc, year);
    }

    @GetMapping("/{year}/forced")
    List<ForcedCase> forcedCases(CurrentUser user, @PathVariable int year) {
        return forced.cases(user, year);
    }

    @PostMapping("/{year}/forced/{uscc}/entrustment")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    ForcedCase entrust(CurrentUser user, @PathVariable int year, @PathVariable String uscc) {
        return forced.entrust(user, uscc, year);
    }

    @PostMapping("/forced/{id}/execution")
    ForcedCase execute(CurrentUser user, @PathVariable UUID id) {
        return forced.execute(user, id);
    }
}
