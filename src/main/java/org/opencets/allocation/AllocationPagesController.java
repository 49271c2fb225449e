package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.Uscc;
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

/** The allocation pages: the year of a region, an emitter's year with "how computed", special cases. */
@Controller
@RequestMapping("/allocation")
class AllocationPagesController {

    private final Allocations allocations;
    private final SpecialCases specialCases;
    private final Notices notices;
    private final MessageSource messages;
    private final WorkClock clock;

    AllocationPagesController(Allocations allocations, SpecialCases specialCases, Notices notices, MessageSource messages, WorkClock clock) {
        this.allocations = allocations;
        this.specialCases = specialCases;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String index(CurrentUser user, @RequestParam(required = false) Integer year) {
        int y = year != null ? year : IntStream.iterate(clock.today().getYear() - 1, i -> i >= 2021, i -> i - 1)
                .filter(i -> !allocations.decisionsOfYear(user, i).isEmpty()).findFirst().orElse(clock.today().getYear() - 1);
        return "redirect:/allocation/" + y;
    }

    @GetMapping("/{year}")
    String year(CurrentUser user, @PathVariable int year, Model model) {
        List<EntityYear> entities = allocations.year(user, year);
        model.addAttribute("year", year);
        model.addAttribute("years", IntStream.rangeClosed(2021, clock.today().getYear()).boxed().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("entities", entities);
        model.addAttribute("mayDecide", allocations.mayDecide(user, year, user.region()));
        model.addAttribute("specialCases", specialCases.ofYear(user, year).stream().filter(SpecialCase::inForce).count());
        model.addAttribute("totals", totals(entities));
        model.addAttribute("isEmitter", user.uscc() != null);
        return "allocation/year";
    }

    @GetMapping("/{year}/{uscc:[0-9A-Z]{18}}")
    String entity(CurrentUser user, @PathVariable int year, @PathVariable String uscc, Model model) {
        EntityYear e = allocations.entity(user, Uscc.of(uscc), year);
        model.addAttribute("year", year);
        model.addAttribute("e", e);
        model.addAttribute("mayDecide", allocations.mayDecide(user, year, e.region()));
        model.addAttribute("figures", e.finalDecision().map(AllocationDecision::figures).orElseGet(() -> e.preview()
                .filter(org.opencets.allocationmethod.AllocationOutcome.Allocated.class::isInstance)
                .map(o -> Allocations.figures(((org.opencets.allocationmethod.AllocationOutcome.Allocated) o).allocation())).orElse(List.of())));
        model.addAttribute("figuresDecided", e.finalDecision().isPresent());
        model.addAttribute("notices", e.decisions().stream().map(d -> notices.ofDecision(user, d.id()).orElse(null))
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toMap(AllocationNotice::decisionId, n -> n)));
        model.addAttribute("kinds", SpecialCaseKind.values());
        model.addAttribute("history", specialCases.ofYear(user, year).stream().filter(c -> c.emitter().equals(e.emitter())).toList());
        return "allocation/entity";
    }

    @GetMapping("/{year}/special-cases")
    String specialCases(CurrentUser user, @PathVariable int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("cases", specialCases.ofYear(user, year));
        model.addAttribute("suggested", allocations.year(user, year).stream()
                .filter(e -> e.specialCase().isEmpty() && e.status() != org.opencets.directory.EmitterStatus.NORMAL).toList());
        return "allocation/special-cases";
    }

    @PostMapping("/{year}/pre-allocate")
    String preAllocateAll(CurrentUser user, @PathVariable int year, Locale locale, RedirectAttributes flash) {
        return run(allocations.preAllocateAll(user, year), "allocation.preAllocated", year, locale, flash);
    }

    @PostMapping("/{year}/finalise")
    String finaliseAll(CurrentUser user, @PathVariable int year, Locale locale, RedirectAttributes flash) {
        return run(allocations.finaliseAll(user, year), "allocation.finalised", year, locale, flash);
    }

    @PostMapping("/{year}/{uscc:[0-9A-Z]{18}}/pre-allocate")
    String preAllocate(CurrentUser user, @PathVariable int year, @PathVariable String uscc, Locale locale, RedirectAttributes flash) {
        return step(() -> allocations.preAllocate(user, Uscc.of(uscc), year), "allocation.preAllocatedOne", year, uscc, locale, flash);
    }

    @PostMapping("/{year}/{uscc:[0-9A-Z]{18}}/finalise")
    String finalise(CurrentUser user, @PathVariable int year, @PathVariable String uscc, Locale locale, RedirectAttributes flash) {
        return step(() -> allocations.finalise(user, Uscc.of(uscc), year), "allocation.finalisedOne", year, uscc, locale, flash);
    }

    @PostMapping("/{year}/{uscc:[0-9A-Z]{18}}/special-case")
    String recordSpecialCase(CurrentUser user, @PathVariable int year, @PathVariable String uscc, @RequestParam(required = false) SpecialCaseKind kind,
            @RequestParam(defaultValue = "") String note, Locale locale, RedirectAttributes flash) {
        return step(() -> specialCases.record(user, Uscc.of(uscc), year, kind, note), "allocation.special.recorded", year, uscc, locale, flash);
    }

    @PostMapping("/special-cases/{id}/withdraw")
    String withdraw(CurrentUser user, @PathVariable UUID id, @RequestParam int year, @RequestParam String uscc, @RequestParam(defaultValue = "") String reason,
            Locale locale, RedirectAttributes flash) {
        return step(() -> specialCases.withdraw(user, id, reason), "allocation.special.withdrawn", year, uscc, locale, flash);
    }

    private String run(Allocations.Run run, String doneKey, int year, Locale locale, RedirectAttributes flash) {
        flash.addFlashAttribute("done", messages.getMessage(doneKey, new Object[] {run.decided().size()}, locale));
        if (!run.refused().isEmpty()) {
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            run.refused().forEach((name, violations) -> refused.put(name, String.join(" ", FormErrors.of(violations, messages, locale).values())));
            flash.addFlashAttribute("refused", refused);
        }
        return "redirect:/allocation/" + year;
    }

    private String step(java.util.function.Supplier<Object> action, String doneKey, int year, String uscc, Locale locale, RedirectAttributes flash) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
        } catch (ValidationFailed e) {
            flash.addFlashAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            flash.addFlashAttribute("errors", FormErrors.of(List.of(FieldViolation.of("_", "allocation.conflict", "Someone else changed this first")),
                    messages, locale));
        }
        return "redirect:/allocation/" + year + "/" + uscc;
    }

    /** Column totals of the year table: verified emissions, pre-allocation, allocation due, obligation, net issued. */
    static Map<String, Long> totals(List<EntityYear> entities) {
        long verified = entities.stream().flatMap(e -> e.basis().stream()).mapToLong(b -> b.verifiedCompliance().longValue()).sum();
        long pre = entities.stream().flatMap(e -> e.preAllocation().stream()).mapToLong(AllocationDecision::allocationDue).sum();
        long due = entities.stream().flatMap(e -> e.finalDecision().stream()).mapToLong(AllocationDecision::allocationDue).sum();
        long obligation = entities.stream().flatMap(e -> e.finalDecision().stream()).mapToLong(d -> d.obligation() == null ? 0 : d.obligation()).sum();
        long issued = entities.stream().mapToLong(EntityYear::issued).sum();
        return Map.of("verified", verified, "pre", pre, "due", due, "obligation", obligation, "issued", issued);
    }
}
