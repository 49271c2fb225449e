package org.opencets.calendar;

import java.time.LocalDate;
import java.util.Locale;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
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
import org.springframework.web.util.HtmlUtils;

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
            model.addAttribute("errorList", e.violations().stream()
                    .map(v -> messages.getMessage("invalid." + v.messageKey(), v.arguments().toArray(), v.defaultMessage(), locale)).toList());
            model.addAttribute("formYear", year);
            model.addAttribute("formSource", source);
            model.addAttribute("formLines", lines);
            return show(user, year, model);
        }
    }

    /** htmx: "n working days after d" and "n natural days after d" with the calendar as it stands. */
    @GetMapping(value = "/check", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String check(@RequestParam(required = false) String from, @RequestParam(required = false) String days, Locale locale) {
        LocalDate start = CalendarPagesController.parseDate(from).orElse(null);
        Integer count = days != null && days.strip().matches("\\d{1,3}") ? Integer.valueOf(days.strip()) : null;
        if (start == null || count == null || count > 366) {
            return HtmlUtils.htmlEscape(messages.getMessage("holidays.checkInvalid", null, locale), "UTF-8");
        }
        try {
            return HtmlUtils.htmlEscape(messages.getMessage("holidays.checkResult", new Object[] {start.toString(), String.valueOf(count),
                    calendar.plusWorkingDays(start, count).toString(), calendar.plusNaturalDays(start, count).toString()}, locale), "UTF-8");
        } catch (CalendarNotAnnounced e) {
            return HtmlUtils.htmlEscape(messages.getMessage("holidays.none", new Object[] {String.valueOf(e.year())}, locale), "UTF-8");
        }
    }
}
