package org.opencets.inbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.calendar.CalendarNotAnnounced;
import org.opencets.calendar.OfficialCalendar;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every user's inbox: the list, the month view, the bureau's overdue overview and the in-app reminders. */
@Controller
@RequestMapping("/inbox")
class InboxController {

    private final Obligations obligations;
    private final Notifications notifications;
    private final OfficialCalendar calendar;
    private final Regions regions;

    InboxController(Obligations obligations, Notifications notifications, OfficialCalendar calendar, Regions regions) {
        this.obligations = obligations;
        this.notifications = notifications;
        this.calendar = calendar;
        this.regions = regions;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        common(user, model, "list");
        model.addAttribute("items", obligations.openFor(user));
        return "inbox/list";
    }

    @GetMapping("/calendar")
    String month(CurrentUser user, @RequestParam(required = false) String month, Model model) {
        common(user, model, "calendar");
        YearMonth shown = parseMonth(month).orElse(YearMonth.from(obligations.today()));
        Map<LocalDate, List<Obligation>> byDay = new LinkedHashMap<>();
        obligations.dueInMonth(user, shown).forEach(o -> byDay.computeIfAbsent(o.due(), d -> new ArrayList<>()).add(o));
        model.addAttribute("month", shown);
        model.addAttribute("prev", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("weeks", weeks(shown));
        model.addAttribute("byDay", byDay);
        model.addAttribute("dayInfo", dayInfo(shown));
        return "inbox/calendar";
    }

    @GetMapping("/overdue")
    String overdue(CurrentUser user, Model model) {
        common(user, model, "overdue");
        model.addAttribute("groups", obligations.overdueInRegion(user));
        model.addAttribute("regionNames", regions);
        return "inbox/overdue";
    }

    @GetMapping("/notifications")
    String notifications(CurrentUser user, Model model) {
        common(user, model, "notifications");
        model.addAttribute("notifications", notifications.recent(user));
        return "inbox/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead(CurrentUser user) {
        notifications.markAllRead(user);
        return "redirect:/inbox/notifications";
    }

    private void common(CurrentUser user, Model model, String tab) {
        model.addAttribute("tab", tab);
        model.addAttribute("today", obligations.today());
        model.addAttribute("isBureau", user.kind().isBureau());
    }

    /** Monday-first weeks covering the month; days outside it are null. */
    private static List<List<LocalDate>> weeks(YearMonth month) {
        List<List<LocalDate>> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
        while (!day.isAfter(month.atEndOfMonth())) {
            List<LocalDate> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(YearMonth.from(day).equals(month) ? day : null);
            }
            weeks.add(week);
        }
        return weeks;
    }

    /** Per day: "off", "workday" (make-up), "" or "unknown" when the year is not announced. */
    private Map<LocalDate, String> dayInfo(YearMonth month) {
        Map<LocalDate, String> info = new LinkedHashMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            try {
                boolean working = calendar.isWorkingDay(d);
                info.put(d, working ? (weekend ? "workday" : "") : (weekend ? "weekend" : "off"));
            } catch (CalendarNotAnnounced e) {
                info.put(d, weekend ? "weekend" : "");
            }
        }
        return info;
    }

    private static java.util.Optional<YearMonth> parseMonth(String raw) {
        try {
            return raw == null ? java.util.Optional.empty()
                    : java.util.Optional.of(YearMonth.parse(raw.strip())).filter(m -> m.getYear() >= 2000 && m.getYear() <= 2100);
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
