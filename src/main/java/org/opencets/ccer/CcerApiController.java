package org.opencets.ccer;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CCER registry over the API. Requests that move CCER carry the client's own id: resending it answers with the
 * first outcome (200 instead of 201), the same id with other content is refused. Refusals are problem details and
 * change nothing.
 */
@RestController
@RequestMapping("/api/v1/ccer")
@Tag(name = "CCER registry", description = "CCER projects, accounts, issuance, binding to the ETS registry, national compliance offsets")
class CcerApiController {

    private final CcerRegistry registry;
    private final ComplianceOffsets offsets;

    CcerApiController(CcerRegistry registry, ComplianceOffsets offsets) {
        this.registry = registry;
        this.offsets = offsets;
    }

    record AccountResource(String id, String holderUscc, String holderName, String region, java.time.Instant openedAt, String boundEtsAccount,
            java.time.Instant boundAt, List<CcerHolding> holdings, List<CcerOffset> offsets, List<FirstPeriodCancellation> firstPeriodCancellations) {

        static AccountResource of(CcerAccount a, List<CcerHolding> holdings, List<CcerOffset> offsets, List<FirstPeriodCancellation> cancellations) {
            return new AccountResource(a.id(), a.holder().value(), a.holderName(), a.region().value(), a.openedAt(), a.boundEtsAccount(), a.boundAt(),
                    holdings, offsets, cancellations);
        }
    }

    private static ResponseEntity<AccountResource> account(Recorded<CcerAccount> r) {
        return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(AccountResource.of(r.value(), null, null, null));
    }

    private static <T> ResponseEntity<T> outcome(Recorded<T> r) {
        return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(r.value());
    }

    @GetMapping("/projects")
    List<CcerProject> projects(CurrentUser user) {
        return registry.projects(user);
    }

    record ProjectRequest(String projectNumber, String name, String type, String methodology, Boolean inNationalEts) {
    }

    @PostMapping("/projects")
    ResponseEntity<CcerProject> registerProject(CurrentUser user, @RequestBody ProjectRequest r) {
        return outcome(registry.registerProject(user, r.projectNumber(), r.name(), r.type(), r.methodology(), r.inNationalEts()));
    }

    @GetMapping("/accounts")
    List<AccountResource> accounts(CurrentUser user) {
        return registry.accounts(user).stream().map(a -> AccountResource.of(a, null, null, null)).toList();
    }

    @GetMapping("/accounts/{id}")
    AccountResource account(CurrentUser user, @PathVariable String id) {
        CcerAccount account = registry.account(user, id);
        return AccountResource.of(account, registry.holdings(user, account.id()), registry.offsets(user, account.id()),
                registry.firstPeriodCancellations(user, account.id()));
    }

    record AccountRequest(String uscc, String holderName, String region) {
    }

    @PostMapping("/accounts")
    ResponseEntity<AccountResource> openAccount(CurrentUser user, @RequestBody AccountRequest r) {
        return account(registry.openAccount(user, r.uscc(), r.holderName(), r.region()));
    }

    record IssuanceRequest(String id, String account, String project, Object quantity) {
    }

    @PostMapping("/issuances")
    ResponseEntity<CcerMovement> issue(CurrentUser user, @RequestBody IssuanceRequest r) {
        CcerAccess.requireOperator(user);
        return outcome(registry.issue(user, r.id(), r.account(), r.project(), CcerInput.quantity(r.quantity())));
    }

    record BindingRequest(String etsAccount) {
    }

    @PostMapping("/accounts/{id}/binding")
    ResponseEntity<AccountResource> bind(CurrentUser user, @PathVariable String id, @RequestBody BindingRequest r) {
        return account(offsets.bind(user, id, r.etsAccount()));
    }

    record OffsetRequest(String id, String account, String project, Object quantity) {
    }

    /** National compliance offset (全国履约抵销): freezes the CCER and tells the ETS registry. */
    @PostMapping("/offsets")
    ResponseEntity<CcerOffset> requestOffset(CurrentUser user, @RequestBody OffsetRequest r) {
        registry.account(user, r.account()); // an account the caller does not see is not found, before any input is judged
        return outcome(offsets.requestOffset(user, r.id(), r.account(), r.project(), CcerInput.quantity(r.quantity())));
    }

    record FirstPeriodApplication(String id, UUID cancellation) {
    }

    /** Applies a period-1 cancellation for 2021/2022 (seed 003 §二). */
    @PostMapping("/first-period-applications")
    ResponseEntity<CcerOffset> applyFirstPeriod(CurrentUser user, @RequestBody FirstPeriodApplication r) {
        return outcome(offsets.applyFirstPeriodCancellation(user, r.id(), r.cancellation()));
    }

    record FirstPeriodCancellationRequest(String id, String account, String project, Object quantity, String cancelledOn) {
    }

    /** The operator records a period-1 cancellation (history). */
    @PostMapping("/first-period-cancellations")
    ResponseEntity<FirstPeriodCancellation> recordFirstPeriod(CurrentUser user, @RequestBody FirstPeriodCancellationRequest r) {
        CcerAccess.requireOperator(user);
        return outcome(registry.recordFirstPeriodCancellation(user, r.id(), r.account(), r.project(), CcerInput.quantity(r.quantity()),
                date(r.cancelledOn())));
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationFailed(FieldViolation.of("cancelledOn", "ccer.cancelledOn.format", "Give the date as yyyy-MM-dd"));
        }
    }
}
