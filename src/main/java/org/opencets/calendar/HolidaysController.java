package org.opencets.calendar;

import java.time.LocalDate;
import java.util.Locale;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.FormErrors;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The official calendar: a year's holidays and make-up working days, entering an announcement, a day-count check. */
@Controller
@RequestMapping("/calendar/holidays")
class HolidaysController {

    private final OfficialCalendar calendar;
    private final Deadlines deadlines;
    private final MessageSource messages;

    HolidaysController(OfficialCalendar calendar, Deadlines deadlines, MessageSource messages) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @GetMapping
    String show(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? deadlines.today().getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.days(shown));
        model.addAttribute("announcedYears", calendar.calendar().announcedYears());
        model.addAttribute("nextYear", calendar.calendar().announcedYears().isEmpty() ? shown : calendar.calendar().announcedYears().last() + 1);
        model.addAttribute("mayAnnounce", user.kind() == OrganisationKind.PROVINCE_BUREAU && (user.has(Role.ADMIN) || user.has(Role.OFFICER)));
        model.addAttribute("today", deadlines.today());
        return "calendar/holidays";
    }

    @PostMapping
    String announce(CurrentUser user, @RequestParam int year, @RequestParam(required = false) String source,
            @RequestParam(required = false) String lines, Model model, Locale locale, RedirectAttributes flash) {
        try {
            int entered = calendar.announce(user, year, source, lines);
            flash.addFlashAttribute("entered", entered);
            return "redirect:/calendar/holidays?year=" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            model.addAttribute("errorList", e.violations().stream()
                    .map(v -> messages.getMessage("invalid." + v.messageKey(), v.arguments().toArray(), v.defaultMessage(), locale)).toList());
            model.addAttribute("formYear", year);
            model.addAttribute("formSource", source);
            model.addAttribute("formLines", lines);
            return show(user, year, model);
        }
    }

    /** htmx: "n working days after d" and "n natural days after d" with the calendar as it stands. */
    @GetMapping("/check")
    @ResponseBody
    String check(@RequestParam String from, @RequestParam int days, Locale locale) {
        LocalDate start = CalendarPagesController.parseDate(from).orElse(null);
        if (start == null || days < 0 || days > 366) {
            return messages.getMessage("invalid.holidays.line.date", new Object[] {"", from}, locale);
        }
        try {
            return messages.getMessage("holidays.checkResult", new Object[] {start.toString(), String.valueOf(days),
                    calendar.plusWorkingDays(start, days).toString(), calendar.plusNaturalDays(start, days).toString()}, locale);
        } catch (CalendarNotAnnounced e) {
            return messages.getMessage("holidays.none", new Object[] {String.valueOf(e.year())}, locale);
        }
    }
}
