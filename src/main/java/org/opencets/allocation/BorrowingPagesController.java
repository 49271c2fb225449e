package org.opencets.allocation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
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

/**
 * The borrowing (预支) and relief plan (纾困方案) pages of a year: the emitter applies (seeing its gap and limit, or why it
 * cannot borrow); the allocating bureau decides; other bureaus read.
 */
@Controller
@RequestMapping("/allocation/{year}")
class BorrowingPagesController {

    private final Borrowings borrowings;
    private final ReliefPlans reliefPlans;
    private final EvidenceFiles files;
    private final MessageSource messages;

    BorrowingPagesController(Borrowings borrowings, ReliefPlans reliefPlans, EvidenceFiles files, MessageSource messages) {
        this.borrowings = borrowings;
        this.reliefPlans = reliefPlans;
        this.files = files;
        this.messages = messages;
    }

    // --- borrowing

    @GetMapping("/borrowing")
    String borrowing(CurrentUser user, @PathVariable int year, Model model, Locale locale) {
        model.addAttribute("year", year);
        boolean emitter = emitter(user);
        model.addAttribute("isEmitter", emitter);
        if (emitter) {
            Borrowings.Standing standing = borrowings.standing(user, user.uscc(), year);
            model.addAttribute("standing", standing);
            Map<String, String> percent = new LinkedHashMap<>();
            if (standing.threshold() != null) {
                percent.put("threshold", Borrowings.percent(standing.threshold()));
                percent.put("share", Borrowings.percent(standing.maxShare()));
            }
            if (standing.limit() != null) {
                percent.put("gapRate", Borrowings.percent(standing.limit().gapRate()));
            }
            model.addAttribute("percent", percent);
            model.addAttribute("obstacles", FormErrors.of(standing.obstacles(), messages, locale).values());
            model.addAttribute("mine", borrowings.of(user, user.uscc(), year));
            model.addAttribute("mayAct", AllocationAccess.isEmitter(user, user.uscc()));
        } else {
            List<Borrowing> requests = borrowings.ofYear(user, year);
            Map<UUID, Boolean> decides = new LinkedHashMap<>();
            requests.forEach(b -> decides.put(b.id(), b.open() && borrowings.mayDecide(user, year, b.region())));
            model.addAttribute("requests", requests);
            model.addAttribute("decides", decides);
        }
        return "allocation/borrowing";
    }

    @PostMapping("/borrowing")
    String request(CurrentUser user, @PathVariable int year, @RequestParam(defaultValue = "") String quantity,
            @RequestParam(defaultValue = "") String reason, Model model, Locale locale, RedirectAttributes flash) {
        model.addAttribute("typed", Map.of("quantity", quantity, "reason", reason));
        return act(model, locale, flash, "allocation.borrowing.done.requested", "/borrowing", year,
                () -> borrowings.request(user, year, quantity(quantity), reason), () -> borrowing(user, year, model, locale));
    }

    @PostMapping("/borrowing/{id}/approve")
    String approve(CurrentUser user, @PathVariable int year, @PathVariable UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String note, Model model, Locale locale,
            RedirectAttributes flash) {
        typedFor(model, id, Map.of("quantity", quantity, "note", note));
        return act(model, locale, flash, "allocation.borrowing.done.approved", "/borrowing", year,
                () -> borrowings.approve(user, id, version, quantity(quantity), note), () -> borrowing(user, year, model, locale));
    }

    @PostMapping("/borrowing/{id}/reject")
    String reject(CurrentUser user, @PathVariable int year, @PathVariable UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String note, Model model, Locale locale, RedirectAttributes flash) {
        typedFor(model, id, Map.of("rejectNote", note));
        return act(model, locale, flash, "allocation.borrowing.done.rejected", "/borrowing", year,
                () -> borrowings.reject(user, id, version, note), () -> borrowing(user, year, model, locale));
    }

    // --- relief plans

    @GetMapping("/relief")
    String relief(CurrentUser user, @PathVariable int year, Model model) {
        model.addAttribute("year", year);
        boolean emitter = emitter(user);
        model.addAttribute("isEmitter", emitter);
        if (emitter) {
            List<ReliefPlan> mine = reliefPlans.of(user, user.uscc(), year);
            model.addAttribute("mine", mine);
            model.addAttribute("mayAct", AllocationAccess.isEmitter(user, user.uscc()));
            model.addAttribute("hasCurrent", mine.stream().anyMatch(p -> p.status() != ReliefPlan.Status.REJECTED));
            model.addAttribute("deadline", reliefPlans.deadline(year, user.region()).orElse(null));
        } else {
            List<ReliefPlan> plans = reliefPlans.ofYear(user, year);
            Map<UUID, Boolean> decides = new LinkedHashMap<>();
            plans.forEach(p -> decides.put(p.id(), p.open() && reliefPlans.mayDecide(user, year, p.region())));
            model.addAttribute("plans", plans);
            model.addAttribute("decides", decides);
        }
        return "allocation/relief";
    }

    @PostMapping("/relief")
    String apply(CurrentUser user, @PathVariable int year, @RequestParam(defaultValue = "") String duties,
            @RequestParam(defaultValue = "") String difficulty, @RequestParam(defaultValue = "") String measures,
            @RequestParam(name = "documents", required = false) List<MultipartFile> documents, Model model, Locale locale, RedirectAttributes flash) {
        model.addAttribute("typed", Map.of("duties", duties, "difficulty", difficulty, "measures", measures));
        return act(model, locale, flash, "allocation.relief.done.applied", "/relief", year, () -> {
            List<InputStream> opened = new ArrayList<>();
            try {
                List<ReliefPlans.Upload> uploads = new ArrayList<>();
                for (MultipartFile f : documents == null ? List.<MultipartFile>of() : documents) {
                    if (!f.isEmpty()) {
                        InputStream in = f.getInputStream();
                        opened.add(in);
                        uploads.add(new ReliefPlans.Upload(f.getOriginalFilename(), in));
                    }
                }
                return reliefPlans.apply(user, year, duties, difficulty, measures, uploads);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                opened.forEach(BorrowingPagesController::closeQuietly);
            }
        }, () -> relief(user, year, model));
    }

    @PostMapping("/relief/{id}/documents")
    String attach(CurrentUser user, @PathVariable int year, @PathVariable UUID id, @RequestParam("file") MultipartFile file, Model model,
            Locale locale, RedirectAttributes flash) {
        return act(model, locale, flash, "allocation.relief.done.attached", "/relief", year, () -> {
            try (InputStream in = file.getInputStream()) {
                return reliefPlans.attach(user, id, file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> relief(user, year, model));
    }

    @PostMapping("/relief/{id}/approve")
    String approvePlan(CurrentUser user, @PathVariable int year, @PathVariable UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String note, Model model, Locale locale, RedirectAttributes flash) {
        typedFor(model, id, Map.of("note", note));
        return act(model, locale, flash, "allocation.relief.done.approved", "/relief", year, () -> reliefPlans.approve(user, id, version, note),
                () -> relief(user, year, model));
    }

    @PostMapping("/relief/{id}/reject")
    String rejectPlan(CurrentUser user, @PathVariable int year, @PathVariable UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String note, Model model, Locale locale, RedirectAttributes flash) {
        typedFor(model, id, Map.of("note", note));
        return act(model, locale, flash, "allocation.relief.done.rejected", "/relief", year, () -> reliefPlans.reject(user, id, version, note),
                () -> relief(user, year, model));
    }

    @GetMapping("/relief/{id}/documents/{uploadId}")
    void document(CurrentUser user, @PathVariable int year, @PathVariable UUID id, @PathVariable UUID uploadId, HttpServletResponse response)
            throws IOException {
        ReliefPlan.Document d = reliefPlans.document(user, id, uploadId);
        response.setContentType(files.mediaType(d.sha256()).orElse("application/octet-stream"));
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString());
        try (InputStream in = files.open(d.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    private String act(Model model, Locale locale, RedirectAttributes flash, String doneKey, String page, int year, Supplier<?> action,
            Supplier<String> again) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
            return "redirect:/allocation/" + year + page;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return again.get();
    }

    private static void typedFor(Model model, UUID id, Map<String, String> typed) {
        model.addAttribute("typedFor", id);
        model.addAttribute("typed", typed);
    }

    private static boolean emitter(CurrentUser user) {
        return user.kind() == OrganisationKind.KEY_EMITTER && user.uscc() != null;
    }

    /** Whole tonnes as typed; anything else is refused before the service is asked. */
    private static long quantity(String typed) {
        String t = typed == null ? "" : typed.strip().replace(",", "");
        if (!t.matches("-?\\d{1,15}")) {
            throw new ValidationFailed(FieldViolation.of("quantity", "allocation.borrowing.quantity.format", "Give whole tonnes"));
        }
        return Long.parseLong(t);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the upload is read already
        }
    }
}
