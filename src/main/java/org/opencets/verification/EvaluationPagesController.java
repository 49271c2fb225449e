package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Regions;
import org.opencets.shared.FormErrors;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city's evaluation of the firms, and the public page where it is published (seed 002 §二(八)). */
@Controller
class EvaluationPagesController {

    private final FirmEvaluations evaluations;
    private final Deadlines deadlines;
    private final Regions regions;
    private final MessageSource messages;
    private final WorkClock clock;

    EvaluationPagesController(FirmEvaluations evaluations, Deadlines deadlines, Regions regions, MessageSource messages, WorkClock clock) {
        this.evaluations = evaluations;
        this.deadlines = deadlines;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/verification/evaluation/{year}")
    String evaluation(CurrentUser user, @PathVariable int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("preview", evaluations.preview(user, year));
        model.addAttribute("published", evaluations.published(user, year).orElse(null));
        model.addAttribute("isCity", VerificationAccess.isCity(user, user.region()));
        model.addAttribute("due", Deadlines.ifSet(() -> deadlines.due(DeadlineKind.VERIFIER_EVALUATION, year, user.region())).map(d -> d.due()).orElse(null));
        return "verification/evaluation";
    }

    @PostMapping("/verification/evaluation/{year}/publish")
    String publish(CurrentUser user, @PathVariable int year, Model model, Locale locale, RedirectAttributes flash) {
        try {
            evaluations.publish(user, year);
            flash.addFlashAttribute("done", messages.getMessage("verification.evaluation.publishedDone", null, locale));
            return "redirect:/verification/evaluation/" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            return evaluation(user, year, model);
        }
    }

    @PostMapping("/verification/evaluation/{year}/interviews/{firmId}")
    String interview(CurrentUser user, @PathVariable int year, @PathVariable UUID firmId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, @RequestParam(defaultValue = "") String firmHead,
            @RequestParam(defaultValue = "") String participants, @RequestParam(defaultValue = "") String record, Model model, Locale locale,
            RedirectAttributes flash) {
        try {
            evaluations.recordInterview(user, year, firmId, heldOn, firmHead, participants, record);
            flash.addFlashAttribute("done", messages.getMessage("verification.saved", null, locale));
            return "redirect:/verification/evaluation/" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            return evaluation(user, year, model);
        }
    }

    /** Public: every city's latest published evaluation of a year. */
    @GetMapping("/public/verifiers")
    String publicPage(@RequestParam(required = false) Integer year, Model model) {
        var years = evaluations.publishedYears();
        int y = year != null ? year : years.isEmpty() ? clock.today().getYear() - 1 : years.getFirst();
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        var list = evaluations.publishedIn(y);
        model.addAttribute("evaluations", list);
        model.addAttribute("cityNames", list.stream().collect(java.util.stream.Collectors.toMap(FirmEvaluation::city,
                e -> regions.nameOf(org.opencets.shared.RegionCode.of(e.city())), (a, b) -> a)));
        return "public/verifiers";
    }
}
