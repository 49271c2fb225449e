package org.opencets.mrv;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.Fuel;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.identity.CurrentUser;
import org.opencets.notary.ReceiptJson;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FormErrors;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit-month page: enter, attach, check and submit; review; receipt and integrity. */
@Controller
@RequestMapping("/mrv/deposits")
class DepositPagesController {

    private final MonthlyDeposits deposits;
    private final EvidenceFiles files;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final MrvLabels labels;

    DepositPagesController(MonthlyDeposits deposits, EvidenceFiles files, Deadlines deadlines, MessageSource messages, MrvLabels labels) {
        this.labels = labels;
        this.deposits = deposits;
        this.files = files;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @GetMapping("/{unitId}/{month}")
    String show(CurrentUser user, @PathVariable UUID unitId, @PathVariable YearMonth month, @RequestParam Optional<UUID> version,
            Model model, Locale locale) {
        MonthlyDeposits.Unit unit = deposits.unit(user, unitId);
        List<Deposit> versions = deposits.versions(user, unitId, month);
        Deposit shown = version.flatMap(id -> versions.stream().filter(d -> d.id().equals(id)).findFirst())
                .orElse(versions.isEmpty() ? null : versions.getFirst());
        model.addAttribute("unit", unit.unit());
        model.addAttribute("emitter", unit.emitter());
        model.addAttribute("month", month);
        model.addAttribute("versions", versions);
        model.addAttribute("deposit", shown);
        model.addAttribute("fields", PlanRules.fields(unit.unit().fuels()));
        model.addAttribute("fuels", unit.unit().fuels());
        model.addAttribute("kinds", EvidenceKind.values());
        model.addAttribute("bases", MeasurementBasis.values());
        model.addAttribute("due", deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT, month, unit.emitter().region()));
        boolean isEmitter = MrvAccess.isEmitter(user, unit.emitter().uscc());
        model.addAttribute("isEmitter", isEmitter);
        model.addAttribute("monthEnded", month.isBefore(YearMonth.from(deadlines.today())));
        if (shown != null) {
            model.addAttribute("history", deposits.history(user, shown.id()));
            model.addAttribute("returnReasons", ReviewEvent.lastReturnReasons(deposits.history(user,
                    shown.status() == DepositStatus.RETURNED || shown.replaces() == null ? shown.id() : shown.replaces())));
            model.addAttribute("canReview", shown.status().waitingFor().map(l -> l.mayAct(user, shown.region())).orElse(false));
            if (shown.status() == DepositStatus.DRAFT) {
                model.addAttribute("findings", labels.findings(deposits.check(user, shown.id()), locale));
            } else {
                model.addAttribute("submittedFindings", labels.findings(shown.findings(), locale));
                model.addAttribute("receipt", deposits.receipt(user, shown.id()).orElse(null));
            }
        }
        return "mrv/deposit";
    }

    @PostMapping("/{unitId}/{month}/draft")
    String draft(CurrentUser user, @PathVariable UUID unitId, @PathVariable YearMonth month, Model model, Locale locale,
            RedirectAttributes flash) {
        try {
            deposits.draft(user, unitId, month, Deposit.Channel.FORM);
            return "redirect:/mrv/deposits/" + unitId + "/" + month;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(labels.violations(e.violations(), locale), messages, locale));
            return show(user, unitId, month, Optional.empty(), model, locale);
        }
    }

    @GetMapping("/{unitId}/{month}/template.xlsx")
    void template(CurrentUser user, @PathVariable UUID unitId, @PathVariable YearMonth month, HttpServletResponse response) throws IOException {
        MonthlyDeposits.Unit unit = deposits.unit(user, unitId);
        Deposit current = deposits.versions(user, unitId, month).stream().findFirst().orElse(null);
        byte[] workbook = DepositWorkbook.template(unit.emitter().name(), unit.unit().unitCode(), month, unit.unit().fuels(),
                current == null ? null : new DepositInput(current.values(), current.sampleId(), current.samplePlace()));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("月度存证-" + unit.unit().unitCode() + "-" + month + ".xlsx", StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(workbook);
    }

    /** Imports the filled-in template into the month's draft; a rejected sheet changes nothing. */
    @PostMapping("/{unitId}/{month}/import")
    String importSheet(CurrentUser user, @PathVariable UUID unitId, @PathVariable YearMonth month, @RequestParam("file") MultipartFile file,
            Model model, Locale locale, RedirectAttributes flash) throws IOException {
        MonthlyDeposits.Unit unit = deposits.unit(user, unitId);
        DepositWorkbook.Result result;
        try (InputStream in = file.getInputStream()) {
            result = DepositWorkbook.read(in, unit.unit().unitCode(), month, unit.unit().fuels());
        }
        try {
            switch (result) {
                case DepositWorkbook.Rejected rejected -> throw new ValidationFailed(rejected.violations());
                case DepositWorkbook.Parsed parsed -> deposits.enter(user, unitId, month, Deposit.Channel.EXCEL, parsed.input());
            }
            flash.addFlashAttribute("done", "deposit.imported");
            return "redirect:/mrv/deposits/" + unitId + "/" + month;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(labels.violations(e.violations(), locale), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return show(user, unitId, month, Optional.empty(), model, locale);
    }

    @PostMapping("/by-id/{id}/values")
    String save(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        model.addAttribute("typed", form);
        return act(user, d, model, locale, flash, "deposit.saved", () -> deposits.save(user, id, version,
                DepositForm.read(form, deposits.unit(user, d.unitId()).unit().fuels())));
    }

    @PostMapping("/by-id/{id}/evidence")
    String attach(CurrentUser user, @PathVariable UUID id, @RequestParam EvidenceKind kind, @RequestParam(required = false) String fuel,
            @RequestParam("file") MultipartFile file, Model model, Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        return act(user, d, model, locale, flash, "deposit.attached", () -> {
            Fuel forFuel = fuel == null || fuel.isBlank() ? null : Arrays.stream(Fuel.values()).filter(f -> f.name().equals(fuel.strip()))
                    .findFirst().orElseThrow(() -> MonthlyDeposits.invalid("fuel", "deposit.fuel.unknown", "Unknown fuel {0}", fuel));
            try (InputStream in = file.getInputStream()) {
                deposits.attach(user, id, kind, forFuel, file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/by-id/{id}/evidence/{uploadId}/remove")
    String detach(CurrentUser user, @PathVariable UUID id, @PathVariable UUID uploadId, Model model, Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        return act(user, d, model, locale, flash, "deposit.detached", () -> deposits.detach(user, id, uploadId));
    }

    /** A version by id (links from the annual report's "how computed") shows its unit-month page at that version. */
    @GetMapping("/by-id/{id}")
    String byId(CurrentUser user, @PathVariable UUID id) {
        Deposit d = deposits.get(user, id);
        return "redirect:/mrv/deposits/" + d.unitId() + "/" + d.month() + "?version=" + d.id();
    }

    @GetMapping("/by-id/{id}/checks")
    String checks(CurrentUser user, @PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("findings", labels.findings(deposits.check(user, id), locale));
        return "mrv/deposit :: findings";
    }

    @PostMapping("/by-id/{id}/submit")
    String submit(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        return act(user, d, model, locale, flash, "deposit.submitted", () -> deposits.submit(user, id, version));
    }

    @PostMapping("/by-id/{id}/discard")
    String discard(CurrentUser user, @PathVariable UUID id, Model model, Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        return act(user, d, model, locale, flash, "deposit.discarded", () -> deposits.discard(user, id));
    }

    @PostMapping("/by-id/{id}/approve")
    String approve(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        return act(user, d, model, locale, flash, "deposit.approved", () -> deposits.approve(user, id, version));
    }

    @PostMapping("/by-id/{id}/return")
    String giveBack(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String reasons,
            Model model, Locale locale, RedirectAttributes flash) {
        Deposit d = deposits.get(user, id);
        return act(user, d, model, locale, flash, "deposit.returned",
                () -> deposits.returnWithReasons(user, id, version, DepositForm.reasons(reasons)));
    }

    @GetMapping("/by-id/{id}/integrity")
    String integrity(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("checks", deposits.verify(user, id));
        return "mrv/deposit :: integrity";
    }

    @GetMapping("/by-id/{id}/receipt.json")
    void receipt(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        Deposit d = deposits.get(user, id);
        var receipt = deposits.receipt(user, id).orElseThrow(() -> new RecordNotFound("Receipt", id));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("receipt-" + d.unitCode() + "-" + d.month() + "-v" + d.depositVersion() + ".json", StandardCharsets.UTF_8).build().toString());
        response.getWriter().write(ReceiptJson.write(receipt));
    }

    @GetMapping("/by-id/{id}/evidence/{uploadId}")
    void download(CurrentUser user, @PathVariable UUID id, @PathVariable UUID uploadId, HttpServletResponse response) throws IOException {
        AttachedEvidence e = deposits.get(user, id).evidence().stream().filter(x -> x.uploadId().equals(uploadId)).findFirst()
                .orElseThrow(() -> new RecordNotFound("Evidence", uploadId));
        response.setContentType(files.mediaType(e.sha256()).orElse("application/octet-stream"));
        response.setHeader("Content-Disposition", ContentDisposition.inline().filename(e.fileName(), StandardCharsets.UTF_8).build().toString());
        try (InputStream in = files.open(e.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    private String act(CurrentUser user, Deposit d, Model model, Locale locale, RedirectAttributes flash, String doneKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", doneKey);
            return "redirect:/mrv/deposits/" + d.unitId() + "/" + d.month();
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(labels.violations(e.violations(), locale), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return show(user, d.unitId(), d.month(), Optional.empty(), model, locale);
    }

}
