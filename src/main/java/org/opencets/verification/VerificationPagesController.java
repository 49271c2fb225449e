package org.opencets.verification;

import org.opencets.shared.WorkClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.mrv.MonthlyDeposits;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.Sector;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The verification pages: the year's tasks, draws, a task's whole workflow, its report PDF. */
@Controller
@RequestMapping("/verification")
class VerificationPagesController {

    private final VerificationTasks tasks;
    private final VerificationWork work;
    private final VerificationResults results;
    private final VerificationFirms firms;
    private final MonthlyDeposits deposits;
    private final KeyEmitterDirectory directory;
    private final VerificationDocuments documents;
    private final MessageSource messages;
    private final WorkClock clock;

    VerificationPagesController(VerificationTasks tasks, VerificationWork work, VerificationResults results, VerificationFirms firms,
            MonthlyDeposits deposits, KeyEmitterDirectory directory, VerificationDocuments documents, MessageSource messages, WorkClock clock) {
        this.tasks = tasks;
        this.work = work;
        this.results = results;
        this.firms = firms;
        this.deposits = deposits;
        this.directory = directory;
        this.documents = documents;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String index(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? clock.today().getYear() - 1 : year;
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(clock.today().getYear() - 4, clock.today().getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("tasks", tasks.tasks(user, y));
        model.addAttribute("isCity", VerificationAccess.isCity(user, user.region()));
        model.addAttribute("draws", user.kind().isBureau() ? tasks.draws(user, y) : List.of());
        return "verification/index";
    }

    @PostMapping("/tasks/create")
    String create(CurrentUser user, @RequestParam int year, Model model, Locale locale, RedirectAttributes flash) {
        try {
            int n = tasks.createTasks(user, year);
            flash.addFlashAttribute("done", messages.getMessage("verification.created", new Object[] {n}, locale));
        } catch (ValidationFailed e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/verification?year=" + year;
    }

    @PostMapping("/draws")
    String draw(CurrentUser user, @RequestParam int year, @RequestParam(defaultValue = "") String seed, Locale locale, RedirectAttributes flash) {
        try {
            Draw d = tasks.draw(user, year, seed);
            return "redirect:/verification/draws/" + d.id();
        } catch (ValidationFailed e) {
            flash.addFlashAttribute("errors", errors(e, locale));
            return "redirect:/verification?year=" + year;
        }
    }

    @PostMapping("/samples")
    String sample(CurrentUser user, @RequestParam int year, @RequestParam(defaultValue = "0") int size, @RequestParam(defaultValue = "") String seed,
            Locale locale, RedirectAttributes flash) {
        try {
            Draw d = results.sample(user, year, size, seed);
            return "redirect:/verification/draws/" + d.id();
        } catch (ValidationFailed e) {
            flash.addFlashAttribute("errors", errors(e, locale));
            return "redirect:/verification?year=" + year;
        }
    }

    @GetMapping("/draws/{id}")
    String draw(CurrentUser user, @PathVariable UUID id, Model model) {
        Draw d = tasks.draw(user, id);
        model.addAttribute("draw", d);
        model.addAttribute("reproduces", VerificationTasks.reproduces(d));
        model.addAttribute("firmNames", firms.firms().stream().collect(java.util.stream.Collectors.toMap(f -> f.uscc().value(), Firm::name)));
        return "verification/draw";
    }

    @GetMapping("/tasks/{id}")
    String task(CurrentUser user, @PathVariable UUID id, Model model) {
        TaskView view = tasks.view(user, id);
        VerificationTask t = view.task();
        model.addAttribute("view", view);
        model.addAttribute("t", t);
        model.addAttribute("isCity", VerificationAccess.isCity(user, t.region()));
        model.addAttribute("isFirm", VerificationAccess.isFirm(user, t));
        model.addAttribute("isEmitter", VerificationAccess.isEmitter(user, t));
        model.addAttribute("today", clock.today());
        if (VerificationAccess.isCity(user, t.region()) && (t.status() == TaskStatus.UNASSIGNED || t.status() == TaskStatus.ASSIGNED)) {
            model.addAttribute("candidates", tasks.candidates(user, id));
        }
        Reverification required = view.requiredByReverification();
        model.addAttribute("required", required);
        model.addAttribute("prefill", prefill(view));
        model.addAttribute("verified", view.latestConclusion() == null ? Map.of() : view.latestConclusion().lines().stream()
                .collect(java.util.stream.Collectors.toMap(Conclusion.Line::unit, l -> l)));
        return "verification/task";
    }

    /** The deposits of the year and whether each is still what was logged (htmx). */
    @GetMapping("/tasks/{id}/deposits")
    String deposits(CurrentUser user, @PathVariable UUID id, Model model) {
        VerificationTask t = tasks.task(user, id);
        var emitter = directory.findByUscc(t.emitter()).orElseThrow();
        var list = deposits.year(user, emitter, t.year());
        model.addAttribute("deposits", list);
        model.addAttribute("checks", list.stream().collect(java.util.stream.Collectors.toMap(d -> d.id(), d -> d.logIndex() == null ? List.of()
                : deposits.verify(user, d.id()))));
        return "verification/task :: deposits";
    }

    @PostMapping("/tasks/{id}/assign")
    String assign(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) UUID firm, Model model,
            Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.assigned", () -> {
            if (firm == null) {
                throw new ValidationFailed(FieldViolation.of("firm", "verification.task.unknownFirm", "Choose a verification firm"));
            }
            return tasks.assign(user, id, version, firm);
        });
    }

    @PostMapping("/tasks/{id}/review")
    String review(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String note, Model model,
            Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.reviewed", () -> work.reviewDocuments(user, id, version, note));
    }

    @PostMapping("/tasks/{id}/visits")
    String visit(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "") String verifiers, @RequestParam(defaultValue = "") String places, @RequestParam(defaultValue = "") String notes,
            Model model, Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.visitRecorded", () -> work.recordVisit(user, id, date, verifiers, places, notes));
    }

    @PostMapping("/tasks/{id}/findings")
    String finding(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.findingSent", () -> work.raiseFinding(user, id, subject, description));
    }

    @PostMapping("/tasks/{id}/findings/{findingId}/respond")
    String respond(CurrentUser user, @PathVariable UUID id, @PathVariable UUID findingId, @RequestParam int version,
            @RequestParam(defaultValue = "") String response, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.findingAnswered", () -> work.respond(user, findingId, version, response));
    }

    @PostMapping("/tasks/{id}/findings/{findingId}/judge")
    String judge(CurrentUser user, @PathVariable UUID id, @PathVariable UUID findingId, @RequestParam int version,
            @RequestParam(defaultValue = "CLOSED") Finding.Status verdict, @RequestParam(defaultValue = "") String note, Model model, Locale locale,
            RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.findingJudged." + verdict, () -> work.judgeFinding(user, findingId, version, verdict, note));
    }

    @PostMapping("/tasks/{id}/conclusion")
    String conclude(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes flash) {
        model.addAttribute("typed", form);
        return act(user, id, model, locale, flash, "verification.concluded",
                () -> work.conclude(user, id, version, ConclusionForm.parse(tasks.task(user, id), form)));
    }

    @PostMapping("/tasks/{id}/accept")
    String accept(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.accepted", () -> results.accept(user, id, version));
    }

    @PostMapping("/tasks/{id}/objection")
    String object(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String grounds, Model model,
            Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.objected", () -> results.object(user, id, version, grounds));
    }

    @PostMapping("/tasks/{id}/coordination")
    String coordinate(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String note, Model model, Locale locale,
            RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.coordinated", () -> {
            results.coordinate(user, id, note);
            return null;
        });
    }

    @PostMapping("/tasks/{id}/decision")
    String decide(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) Objection.Decision decision,
            @RequestParam(defaultValue = "") String decisionText, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.decided", () -> results.decide(user, id, version, decision, decisionText));
    }

    @PostMapping("/tasks/{id}/reverify")
    String reverify(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, id, model, locale, flash, "verification.reverifying", () -> results.reverify(user, id, version));
    }

    @PostMapping("/tasks/{id}/reverification")
    String finishReverification(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes flash) {
        model.addAttribute("typedReverification", form);
        return act(user, id, model, locale, flash, "verification.reverified", () -> results.finishReverification(user, id, version,
                ConclusionForm.figures(tasks.task(user, id), form), form.getOrDefault("opinion", "")));
    }

    @GetMapping("/tasks/{id}/report.pdf")
    void pdf(CurrentUser user, @PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        TaskView view = tasks.view(user, id);
        if (view.latestConclusion() == null) {
            throw new org.opencets.shared.RecordNotFound("Verification report", id);
        }
        byte[] pdf = documents.pdf(view, locale);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.inline()
                .filename("核查报告-" + view.task().emitterName() + "-" + view.task().year() + ".pdf", StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(pdf);
    }

    // --- firms

    @GetMapping("/firms")
    String firms(CurrentUser user, Model model) {
        model.addAttribute("firms", firms.firms());
        return "verification/firms";
    }

    @GetMapping("/firms/{id}")
    String firm(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("firm", firms.firm(id));
        model.addAttribute("verifiers", firms.verifiers(id));
        boolean own = VerificationAccess.isFirmMember(user, id);
        boolean registrar = (user.kind() == OrganisationKind.PROVINCE_BUREAU || user.kind() == OrganisationKind.CITY_BUREAU) && VerificationAccess.actor(user);
        model.addAttribute("own", own);
        model.addAttribute("registrar", registrar);
        model.addAttribute("engagements", own || user.kind().isBureau() || user.kind() == OrganisationKind.MINISTRY ? firms.engagements(user, id) : List.of());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("kinds", Engagement.Kind.values());
        return "verification/firm";
    }

    @PostMapping("/firms/{id}/profile")
    String profile(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String qualification,
            @RequestParam(required = false) List<Sector> sectors, @RequestParam(defaultValue = "false") boolean active, Model model, Locale locale,
            RedirectAttributes flash) {
        return firmAct(user, id, model, locale, flash, () -> firms.updateProfile(user, id, version, qualification, set(sectors), active));
    }

    @PostMapping("/firms/{id}/verifiers")
    String addVerifier(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String credentialNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate credentialUntil,
            @RequestParam(required = false) List<Sector> sectors, Model model, Locale locale, RedirectAttributes flash) {
        return firmAct(user, id, model, locale, flash, () -> firms.addVerifier(user, id, name, credentialNumber, credentialUntil, set(sectors)));
    }

    @PostMapping("/firms/{id}/verifiers/{verifierId}/active")
    String verifierActive(CurrentUser user, @PathVariable UUID id, @PathVariable UUID verifierId, @RequestParam boolean active, Model model,
            Locale locale, RedirectAttributes flash) {
        return firmAct(user, id, model, locale, flash, () -> {
            firms.setVerifierActive(user, id, verifierId, active);
            return null;
        });
    }

    @PostMapping("/firms/{id}/engagements")
    String engagement(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String emitter, @RequestParam(defaultValue = "0") int year,
            @RequestParam(defaultValue = "CONSULTING") Engagement.Kind kind, @RequestParam(defaultValue = "") String note, Model model, Locale locale,
            RedirectAttributes flash) {
        return firmAct(user, id, model, locale, flash, () -> {
            org.opencets.shared.Uscc uscc;
            try {
                uscc = org.opencets.shared.Uscc.of(emitter.strip());
            } catch (org.opencets.shared.InvalidValueException e) {
                throw new ValidationFailed(FieldViolation.of("emitter", e));
            }
            return firms.recordEngagement(user, id, uscc, year, kind, note);
        });
    }

    private String firmAct(CurrentUser user, UUID id, Model model, Locale locale, RedirectAttributes flash, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage("verification.saved", null, locale));
            return "redirect:/verification/firms/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", errors(e, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return firm(user, id, model);
    }

    private String act(CurrentUser user, UUID id, Model model, Locale locale, RedirectAttributes flash, String doneKey, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
            return "redirect:/verification/tasks/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", errors(e, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return task(user, id, model);
    }

    private Map<String, String> errors(ValidationFailed e, Locale locale) {
        return FormErrors.of(e.violations(), messages, locale);
    }

    private static EnumSet<Sector> set(List<Sector> sectors) {
        return sectors == null || sectors.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(sectors);
    }

    /** What the conclusion form starts with: the latest conclusion's figures, else the reported ones. */
    private static Map<String, String> prefill(TaskView view) {
        Map<String, String> values = new java.util.HashMap<>();
        List<VerificationTask.ReportedLine> lines = view.task().lines();
        Conclusion latest = view.latestConclusion();
        Reverification required = view.requiredByReverification();
        for (int i = 0; i < lines.size(); i++) {
            String unit = lines.get(i).unit();
            values.put("u" + i + ".e", lines.get(i).emissions().toPlainString());
            values.put("u" + i + ".c", lines.get(i).compliance().toPlainString());
            values.put("u" + i + ".g", VerificationWork.plain(lines.get(i).generationMwh()));
            values.put("u" + i + ".h", VerificationWork.plain(lines.get(i).heatGj()));
            if (latest != null) {
                final int idx = i;
                latest.lines().stream().filter(l -> l.unit().equals(unit)).findFirst().ifPresent(l -> {
                    values.put("u" + idx + ".e", l.emissions().toPlainString());
                    values.put("u" + idx + ".c", l.compliance().toPlainString());
                    values.put("u" + idx + ".g", VerificationWork.plain(l.generationMwh()));
                    values.put("u" + idx + ".h", VerificationWork.plain(l.heatGj()));
                });
            }
            if (required != null && required.figures().containsKey(unit)) {
                values.put("u" + i + ".e", required.figures().get(unit).emissions().toPlainString());
                values.put("u" + i + ".c", required.figures().get(unit).compliance().toPlainString());
            }
        }
        view.task().products().forEach((k, v) -> values.put("p." + k, v.toPlainString()));
        if (latest != null) {
            latest.products().forEach((k, v) -> values.put("p." + k, v.toPlainString()));
            values.put("opinion", latest.opinion());
        }
        return values;
    }
}
