package org.opencets.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Region;
import org.opencets.identity.Regions;
import org.opencets.shared.FormErrors;
import org.opencets.shared.RegionCode;
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

/** Compliance-year data pages: what applies in a year and region, each item's versions, and adding a version. */
@Controller
@RequestMapping("/calendar")
class CalendarPagesController {

    private final Deadlines deadlines;
    private final PolicyYearData policy;
    private final RegulatorScope scope;
    private final Regions regions;
    private final MessageSource messages;

    CalendarPagesController(Deadlines deadlines, PolicyYearData policy, RegulatorScope scope, Regions regions, MessageSource messages) {
        this.deadlines = deadlines;
        this.policy = policy;
        this.scope = scope;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping
    String overview(CurrentUser user, @RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
            @RequestParam(required = false) String asOf, Model model) {
        LocalDate today = deadlines.today();
        int shownYear = year == null ? today.getYear() : year;
        Optional<RegionCode> shownRegion = region(user, region);
        LocalDate on = parseDate(asOf).orElse(today);
        model.addAttribute("year", shownYear);
        model.addAttribute("years", years());
        model.addAttribute("region", shownRegion.map(RegionCode::value).orElse(""));
        model.addAttribute("regionChoices", regionChoices());
        model.addAttribute("asOf", on);
        model.addAttribute("today", today);
        model.addAttribute("rules", deadlines.inForce(shownYear, shownRegion, on).stream()
                .map(r -> deadlines.example(r, exampleAnchor(r, today))).toList());
        model.addAttribute("values", policy.inForce(shownYear, shownRegion, on));
        model.addAttribute("mayRecord", scope.mayRecord(user));
        return "calendar/policy";
    }

    @GetMapping("/deadlines/{kind}")
    String deadline(CurrentUser user, @PathVariable DeadlineKind kind, @RequestParam int year, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("year", year);
        model.addAttribute("versions", deadlines.versions(kind, year));
        model.addAttribute("mayRecord", scope.mayRecord(user));
        model.addAttribute("defaultRegion", user.region().prefix());
        model.addAttribute("today", deadlines.today());
        return "calendar/deadline";
    }

    @PostMapping("/deadlines/{kind}")
    String recordDeadline(CurrentUser user, @PathVariable DeadlineKind kind, @RequestParam int year, @RequestParam String regionPrefix,
            @RequestParam(required = false) String fixedDate, @RequestParam(required = false) String offsetDays,
            @RequestParam(required = false) DayCount dayCount, @RequestParam(required = false) DayOffPolicy dayOffPolicy,
            @RequestParam(required = false) String source, @RequestParam(required = false) String inForceFrom,
            @RequestParam(required = false) String note, Model model, Locale locale, RedirectAttributes flash) {
        try {
            deadlines.record(user, new NewDeadlineRule(year, kind, regionPrefix.strip(), parseDate(fixedDate).orElse(null),
                    parseInt(offsetDays), dayCount, dayOffPolicy, source, parseDate(inForceFrom).orElse(null), note));
            flash.addFlashAttribute("done", "policy.saved");
            return "redirect:/calendar/deadlines/" + kind + "?year=" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            model.addAttribute("form", java.util.Map.of("regionPrefix", regionPrefix, "fixedDate", nz(fixedDate), "offsetDays", nz(offsetDays),
                    "source", nz(source), "inForceFrom", nz(inForceFrom), "note", nz(note)));
            return deadline(user, kind, year, model);
        }
    }

    @GetMapping("/values/{parameter}")
    String value(CurrentUser user, @PathVariable PolicyParameter parameter, @RequestParam int year,
            @RequestParam(defaultValue = "") String qualifier, Model model) {
        model.addAttribute("parameter", parameter);
        model.addAttribute("year", year);
        model.addAttribute("qualifier", qualifier);
        model.addAttribute("versions", policy.versions(parameter, qualifier, year));
        model.addAttribute("mayRecord", scope.mayRecord(user));
        model.addAttribute("defaultRegion", user.region().prefix());
        return "calendar/value";
    }

    @PostMapping("/values/{parameter}")
    String recordValue(CurrentUser user, @PathVariable PolicyParameter parameter, @RequestParam int year,
            @RequestParam(defaultValue = "") String qualifier, @RequestParam String regionPrefix, @RequestParam(required = false) String value,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String source,
            @RequestParam(required = false) String inForceFrom, @RequestParam(required = false) String note, Model model, Locale locale,
            RedirectAttributes flash) {
        try {
            policy.record(user, new NewPolicyValue(year, parameter.name(), qualifier, regionPrefix.strip(), value, unit, source,
                    parseDate(inForceFrom).orElse(null), note));
            flash.addFlashAttribute("done", "policy.saved");
            return "redirect:/calendar/values/" + parameter + "?year=" + year + "&qualifier=" + qualifier;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            model.addAttribute("form", java.util.Map.of("regionPrefix", regionPrefix, "value", nz(value), "unit", nz(unit),
                    "source", nz(source), "inForceFrom", nz(inForceFrom), "note", nz(note)));
            return value(user, parameter, year, qualifier, model);
        }
    }

    private List<Integer> years() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(deadlines.years());
        all.addAll(policy.years());
        all.add(deadlines.today().getYear() + 1);
        return List.copyOf(all.descendingSet());
    }

    private List<Region> regionChoices() {
        return regions.all().stream().filter(r -> r.level() != RegionCode.Level.DISTRICT).toList();
    }

    private static Optional<RegionCode> region(CurrentUser user, String requested) {
        if (requested == null) {
            return user.kind().isNational() ? Optional.empty() : Optional.of(user.region());
        }
        if (requested.isBlank() || !requested.strip().matches("\\d{6}")) {
            return Optional.empty();
        }
        return Optional.of(RegionCode.of(requested.strip()));
    }

    /** Relative rules are shown counted from the end of January of the year, or from today, as an example. */
    private static LocalDate exampleAnchor(DeadlineRule rule, LocalDate today) {
        return switch (rule.kind().anchor()) {
            case MONTH_END -> LocalDate.of(rule.complianceYear(), 1, 31);
            // the period's surrender year ends it: 2021–2022 → 2023-12-31
            case PERIOD_END -> LocalDate.of(org.opencets.shared.CompliancePeriod.containing(rule.complianceYear()).lastYear() + 1, 12, 31);
            default -> today;
        };
    }

    static Optional<LocalDate> parseDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip())).filter(d -> d.getYear() >= 2000 && d.getYear() <= 2100);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Integer parseInt(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
