package org.opencets.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.InclusionSuggestion.Decision;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.shared.ConcurrentModification;
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

/** Pages of the yearly list workflow for district and city bureaus. */
@Controller
@RequestMapping("/directory/lists")
class AnnualListController {

    private final AnnualLists lists;
    private final Regions regions;
    private final MessageSource messages;
    private final Deadlines deadlines;

    AnnualListController(AnnualLists lists, Regions regions, MessageSource messages, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.lists = lists;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping
    String overview(CurrentUser user, Model model) {
        model.addAttribute("lists", lists.visibleTo(user));
        model.addAttribute("dues", lists.rules().stream().map(r -> lists.due(r, user.region())).toList());
        model.addAttribute("isDistrict", user.kind() == OrganisationKind.DISTRICT_BUREAU);
        model.addAttribute("isCity", user.kind() == OrganisationKind.CITY_BUREAU);
        model.addAttribute("regionNames", regions);
        model.addAttribute("today", deadlines.today());
        if (user.kind() == OrganisationKind.CITY_BUREAU) {
            Map<String, List<String>> blockers = new LinkedHashMap<>();
            lists.rules().forEach(r -> blockers.put(r.year() + "-" + r.type(), lists.publicationBlockers(user, r.year(), r.type())));
            model.addAttribute("blockers", blockers);
            model.addAttribute("publishedKeys", lists.published().stream()
                    .filter(p -> p.cityCode().equals(user.region().city().value())).map(p -> p.year() + "-" + p.type()).toList());
        }
        return "directory/lists";
    }

    @PostMapping
    String prepare(CurrentUser user, @RequestParam int year, @RequestParam ListType type) {
        return "redirect:/directory/lists/" + lists.prepare(user, year, type).id();
    }

    @GetMapping("/{id}")
    String show(CurrentUser user, @PathVariable UUID id, Model model) {
        AnnualList list = lists.get(user, id);
        model.addAttribute("list", list);
        model.addAttribute("rule", lists.rule(list.year(), list.type()));
        model.addAttribute("due", lists.due(lists.rule(list.year(), list.type()), list.district()));
        model.addAttribute("entries", lists.entries(user, id));
        model.addAttribute("history", lists.history(user, id));
        model.addAttribute("regionNames", regions);
        model.addAttribute("isDistrict", user.kind() == OrganisationKind.DISTRICT_BUREAU);
        model.addAttribute("isCity", user.kind() == OrganisationKind.CITY_BUREAU);
        return "directory/list";
    }

    @PostMapping("/{id}/entries")
    String decide(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes flash) {
        Map<UUID, Decision> decisions = new LinkedHashMap<>();
        Map<UUID, String> notes = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("decision.")) {
                decisions.put(UUID.fromString(key.substring(9)), Decision.valueOf(value));
            } else if (key.startsWith("note.")) {
                notes.put(UUID.fromString(key.substring(5)), value);
            }
        });
        return act(id, flash, model, user, locale, () -> lists.decide(user, id, version, decisions, notes), "list.saved");
    }

    @PostMapping("/{id}/submit")
    String submit(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        return act(id, flash, model, user, locale, () -> lists.submit(user, id, version), "list.submitted");
    }

    @PostMapping("/{id}/approve")
    String approve(CurrentUser user, @PathVariable UUID id, @RequestParam int version, Model model, Locale locale, RedirectAttributes flash) {
        return act(id, flash, model, user, locale, () -> lists.approve(user, id, version), "list.approved");
    }

    @PostMapping("/{id}/return")
    String giveBack(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String reasons,
            Model model, Locale locale, RedirectAttributes flash) {
        return act(id, flash, model, user, locale, () -> lists.returnWithReasons(user, id, version, reasons), "list.returned");
    }

    @PostMapping("/publish")
    String publish(CurrentUser user, @RequestParam int year, @RequestParam ListType type, RedirectAttributes flash, Locale locale) {
        try {
            UUID published = lists.publish(user, year, type);
            return "redirect:/public/lists/" + published;
        } catch (ValidationFailed e) {
            flash.addFlashAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            return "redirect:/directory/lists";
        }
    }

    private String act(UUID id, RedirectAttributes flash, Model model, CurrentUser user, Locale locale, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("done", doneKey);
            return "redirect:/directory/lists/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return show(user, id, model);
    }
}
