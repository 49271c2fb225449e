package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit's QC plan for a year: edit and submit (emitter), review (district, city), revise with a reason. */
@Controller
@RequestMapping("/mrv/plans")
class PlanPagesController {

    private static final List<String> COLUMNS = List.of("method", "instrument", "calibration", "lab", "frequency");

    private final QualityControlPlans plans;
    private final MonthlyDeposits deposits;
    private final Deadlines deadlines;
    private final MessageSource messages;

    PlanPagesController(QualityControlPlans plans, MonthlyDeposits deposits, Deadlines deadlines, MessageSource messages) {
        this.plans = plans;
        this.deposits = deposits;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @GetMapping("/{unitId}/{year}")
    String show(CurrentUser user, @PathVariable UUID unitId, @PathVariable int year, @RequestParam Optional<UUID> version, Model model) {
        MonthlyDeposits.Unit unit = deposits.unit(user, unitId);
        List<QcPlan> versions = plans.versions(user, unitId, year);
        QcPlan shown = version.flatMap(id -> versions.stream().filter(p -> p.id().equals(id)).findFirst())
                .orElse(versions.isEmpty() ? null : versions.getFirst());
        model.addAttribute("unit", unit.unit());
        model.addAttribute("emitter", unit.emitter());
        model.addAttribute("year", year);
        model.addAttribute("versions", versions);
        model.addAttribute("plan", shown);
        model.addAttribute("fields", PlanRules.fields(unit.unit().fuels()));
        model.addAttribute("bases", MeasurementBasis.values());
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("inForce", plans.inForce(user, unitId, year).orElse(null));
        model.addAttribute("isEmitter", MrvAccess.isEmitter(user, unit.emitter().uscc()));
        deadlines.find(DeadlineKind.QC_PLAN_SUBMISSION, year, unit.emitter().region()).ifPresent(d -> model.addAttribute("due", d));
        if (shown != null) {
            model.addAttribute("history", plans.history(user, shown.id()));
            model.addAttribute("canReview", shown.status().waitingFor().map(l -> l.mayAct(user, shown.region())).orElse(false));
        }
        return "mrv/plan";
    }

    @PostMapping("/{unitId}/{year}/draft")
    String draft(CurrentUser user, @PathVariable UUID unitId, @PathVariable int year, @RequestParam(required = false) String revisionReason,
            Model model, Locale locale, RedirectAttributes flash) {
        return act(user, unitId, year, model, locale, flash, "plan.drafted", () -> {
            if (revisionReason != null) {
                plans.revise(user, unitId, year, revisionReason);
            } else {
                plans.draft(user, unitId, year);
            }
        });
    }

    @PostMapping("/by-id/{id}/items")
    String save(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes flash) {
        QcPlan plan = plans.get(user, id);
        model.addAttribute("typed", form);
        return act(user, plan.unitId(), plan.year(), model, locale, flash, "plan.saved",
                () -> plans.save(user, id, version, items(form, deposits.unit(user, plan.unitId()).unit().fuels())));
    }

    @PostMapping("/by-id/{id}/submit")
    String submit(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        QcPlan plan = plans.get(user, id);
        return act(user, plan.unitId(), plan.year(), model, locale, flash, "plan.submitted", () -> plans.submit(user, id, version));
    }

    @PostMapping("/by-id/{id}/approve")
    String approve(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        QcPlan plan = plans.get(user, id);
        return act(user, plan.unitId(), plan.year(), model, locale, flash, "plan.approved", () -> plans.approve(user, id, version));
    }

    @PostMapping("/by-id/{id}/return")
    String giveBack(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String reasons,
            Model model, Locale locale, RedirectAttributes flash) {
        QcPlan plan = plans.get(user, id);
        return act(user, plan.unitId(), plan.year(), model, locale, flash, "plan.returned",
                () -> plans.returnWithReasons(user, id, version, DepositForm.reasons(reasons)));
    }

    /** Rows "basis.F", "method.F", … per field F; a row with neither method nor default is not part of the plan yet. */
    static List<QcPlanItem> items(Map<String, String> form, List<org.opencets.directory.Fuel> fuels) {
        List<QcPlanItem> items = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (ParameterField f : PlanRules.fields(fuels)) {
            String n = f.name();
            String method = text(form.get("method." + n));
            String rawDefault = text(form.get("default." + n));
            if (method == null && rawDefault == null) {
                continue;
            }
            MeasurementBasis basis = DepositForm.basis(form.get("basis." + n));
            if (basis == null) {
                problems.add(FieldViolation.of(n, "deposit.basis.unknown", "{0}: unknown basis \"{1}\"", n, form.get("basis." + n)));
                continue;
            }
            BigDecimal defaultValue = null;
            if (rawDefault != null) {
                try {
                    defaultValue = new BigDecimal(rawDefault.replace(",", ""));
                } catch (NumberFormatException e) {
                    problems.add(FieldViolation.of(n, "deposit.value.notNumber", "{0}: \"{1}\" is not a number", n, rawDefault));
                    continue;
                }
            }
            items.add(new QcPlanItem(f.parameter(), f.fuel(), basis, method,
                    text(form.get("instrument." + n)), text(form.get("calibration." + n)), text(form.get("lab." + n)),
                    text(form.get("frequency." + n)), defaultValue));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return items;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String act(CurrentUser user, UUID unitId, int year, Model model, Locale locale, RedirectAttributes flash, String doneKey,
            Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", doneKey);
            return "redirect:/mrv/plans/" + unitId + "/" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return show(user, unitId, year, Optional.empty(), model);
    }
}
