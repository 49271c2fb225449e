package org.opencets.mrv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.identity.CurrentUser;
import org.opencets.notary.ReceiptJson;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/mrv}: plant systems push a unit-month with the organisation's API key (header {@code X-API-Key}):
 * PUT the values, POST each evidence file, read the checks, POST submit and keep the receipt.
 */
@RestController
@RequestMapping("/api/v1/mrv/deposits/{unitCode}/{month}")
@Tag(name = "Monthly deposits", description = "月度信息化存证: values, evidence, checks, submission and receipts of a unit-month")
class MrvApiController {

    private final MonthlyDeposits deposits;

    MrvApiController(MonthlyDeposits deposits) {
        this.deposits = deposits;
    }

    record ValueResource(String parameter, String fuel, BigDecimal value, MeasurementBasis basis, String note) {
    }

    record DepositRequest(List<ValueResource> values, String sampleId, String samplePlace) {
    }

    record EvidenceResource(UUID uploadId, String fileName, EvidenceKind kind, Fuel fuel, String sha256, long sizeBytes) {
    }

    record DepositResource(UUID id, String unitCode, YearMonth month, int depositVersion, UUID replaces, DepositStatus status,
            Deposit.Channel channel, String sampleId, String samplePlace, List<ValueResource> values, List<EvidenceResource> evidence,
            List<Finding> findings, String contentSha256, Long logIndex, boolean late) {

        static DepositResource of(Deposit d, List<Finding> findings) {
            return new DepositResource(d.id(), d.unitCode(), d.month(), d.depositVersion(), d.replaces(), d.status(), d.channel(), d.sampleId(),
                    d.samplePlace(), d.values().stream().map(v -> new ValueResource(v.parameter().name(), v.fuel() == null ? null : v.fuel().name(),
                            v.value(), v.basis(), v.note())).toList(),
                    d.evidence().stream().map(e -> new EvidenceResource(e.uploadId(), e.fileName(), e.kind(), e.fuel(), e.sha256(),
                            e.sizeBytes())).toList(),
                    findings, d.contentSha256(), d.logIndex(), d.late());
        }
    }

    @GetMapping
    @Operation(summary = "The unit-month's newest version; for a draft, the checks as they stand")
    DepositResource get(CurrentUser user, @PathVariable String unitCode, @PathVariable YearMonth month) {
        Deposit d = newest(user, unitCode, month);
        return DepositResource.of(d, d.editable() ? deposits.check(user, d.id()) : d.findings());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enter the values into the month's draft (created if needed); returns the draft and its checks")
    DepositResource put(CurrentUser user, @PathVariable String unitCode, @PathVariable YearMonth month, @RequestBody DepositRequest request) {
        GeneratingUnit unit = deposits.ownUnit(user, unitCode);
        Deposit d = deposits.enter(user, unit.id(), month, Deposit.Channel.API, input(request));
        return DepositResource.of(d, deposits.check(user, d.id()));
    }

    @PostMapping(value = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach one evidence file (streamed; PDF, JPG, PNG, XLSX, MP4/MOV) to the month's draft")
    DepositResource attach(CurrentUser user, @PathVariable String unitCode, @PathVariable YearMonth month, @RequestParam EvidenceKind kind,
            @RequestParam(required = false) Fuel fuel, @RequestParam("file") MultipartFile file) throws IOException {
        Deposit draft = newest(user, unitCode, month);
        try (InputStream in = file.getInputStream()) {
            Deposit d = deposits.attach(user, draft.id(), kind, fuel, file.getOriginalFilename(), in);
            return DepositResource.of(d, deposits.check(user, d.id()));
        }
    }

    record SubmissionResource(DepositResource deposit, String receipt) {
    }

    @PostMapping("/submit")
    @Operation(summary = "Submit the draft: refused with every blocking finding, else frozen, logged, and its receipt returned")
    SubmissionResource submit(CurrentUser user, @PathVariable String unitCode, @PathVariable YearMonth month) {
        Deposit draft = newest(user, unitCode, month);
        MonthlyDeposits.Submission s = deposits.submit(user, draft.id(), draft.version());
        return new SubmissionResource(DepositResource.of(s.deposit(), s.deposit().findings()), ReceiptJson.write(s.receipt()));
    }

    @GetMapping(value = "/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The newest submitted version's receipt against the latest signed tree head")
    String receipt(CurrentUser user, @PathVariable String unitCode, @PathVariable YearMonth month) {
        Deposit d = newest(user, unitCode, month);
        return deposits.receipt(user, d.id()).map(ReceiptJson::write).orElseThrow(() -> new RecordNotFound("Receipt", d.id()));
    }

    private Deposit newest(CurrentUser user, String unitCode, YearMonth month) {
        GeneratingUnit unit = deposits.ownUnit(user, unitCode);
        return deposits.versions(user, unit.id(), month).stream().findFirst()
                .orElseThrow(() -> new RecordNotFound("Monthly deposit", unitCode + " " + month));
    }

    static DepositInput input(DepositRequest request) {
        List<MonthlyValue> values = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        List<ValueResource> given = request == null || request.values() == null ? List.of() : request.values();
        for (int i = 0; i < given.size(); i++) {
            ValueResource v = given.get(i);
            String field = "values[" + i + "]";
            Parameter parameter = Parameter.parse(v.parameter()).orElse(null);
            if (parameter == null) {
                problems.add(FieldViolation.of(field, "deposit.parameter.unknown", "Unknown parameter {0}", v.parameter()));
                continue;
            }
            Fuel fuel;
            try {
                fuel = v.fuel() == null || v.fuel().isBlank() ? null : Fuel.valueOf(v.fuel().strip());
            } catch (IllegalArgumentException e) {
                problems.add(FieldViolation.of(field, "deposit.fuel.unknown", "Unknown fuel {0}", v.fuel()));
                continue;
            }
            if (parameter.perFuel() != (fuel != null)) {
                problems.add(FieldViolation.of(field, parameter.perFuel() ? "deposit.fuel.required" : "deposit.fuel.notAllowed",
                        parameter.perFuel() ? "{0} needs a fuel" : "{0} takes no fuel", parameter));
                continue;
            }
            values.add(new MonthlyValue(parameter, fuel, v.value(), v.basis() == null ? MeasurementBasis.MEASURED : v.basis(), v.note()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new DepositInput(values, request == null ? null : request.sampleId(), request == null ? null : request.samplePlace());
    }
}
