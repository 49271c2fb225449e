package org.opencets.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.identity.Role;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FormErrors;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Sector;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory pages: search, an emitter's record with its units and history, and the forms. */
@Controller
@RequestMapping("/directory")
class DirectoryPagesController {

    private final KeyEmitterDirectory directory;
    private final Regions regions;
    private final MessageSource messages;

    DirectoryPagesController(KeyEmitterDirectory directory, Regions regions, MessageSource messages) {
        this.directory = directory;
        this.regions = regions;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("statuses", EmitterStatus.values());
        model.addAttribute("industries", IndustryCode.covered());
        model.addAttribute("categories", UnitCategory.values());
        model.addAttribute("coolingTypes", CoolingType.values());
        model.addAttribute("fuelChoices", Fuel.values());
        model.addAttribute("regionNames", regions);
    }

    @GetMapping
    String search(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (user.kind() == OrganisationKind.KEY_EMITTER) {
            return "redirect:/directory/mine";
        }
        model.addAttribute("result", directory.search(user, q, region, sector, status, page, 25));
        model.addAttribute("regions", user.kind().isBureau() ? regions.within(user.region()) : List.of());
        model.addAttribute("canEdit", canEdit(user));
        return "directory/search";
    }

    @GetMapping("/mine")
    String mine(CurrentUser user) {
        if (user.uscc() == null) {
            throw new RecordNotFound("Key emitter", user.organisationName());
        }
        return "redirect:/directory/emitters/" + directory.get(user, user.uscc()).id();
    }

    @GetMapping("/emitters/new")
    String newEmitter(CurrentUser user, Model model) {
        requireEditor(user);
        model.addAttribute("form", EmitterForm.empty());
        return formPage(user, model, null);
    }

    @PostMapping("/emitters")
    String create(CurrentUser user, @ModelAttribute("form") EmitterForm form, Model model, Locale locale, RedirectAttributes flash) {
        try {
            KeyEmitter created = directory.register(user, form);
            flash.addFlashAttribute("saved", true);
            return "redirect:/directory/emitters/" + created.id();
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            return formPage(user, model, null);
        }
    }

    @GetMapping("/emitters/{id}")
    String show(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "details") String tab, Model model) {
        KeyEmitter emitter = directory.get(user, id);
        model.addAttribute("emitter", emitter);
        model.addAttribute("tab", tab);
        model.addAttribute("canEdit", canEdit(user) && user.region().contains(emitter.region()));
        model.addAttribute("canEditContacts", directory.isOwnEmitter(user, emitter));
        switch (tab) {
            case "units" -> model.addAttribute("units", directory.units(user, id));
            case "history" -> model.addAttribute("history", directory.history(user, id));
            case "emissions" -> model.addAttribute("emissions", directory.emissions(user, id));
            default -> model.addAttribute("facilities", directory.facilities(user, id));
        }
        return "directory/emitter";
    }

    @GetMapping("/emitters/{id}/edit")
    String edit(CurrentUser user, @PathVariable UUID id, Model model) {
        KeyEmitter emitter = directory.get(user, id);
        if (!directory.isOwnEmitter(user, emitter)) {
            KeyEmitterDirectory.requireEditor(user, emitter.region());
        }
        model.addAttribute("form", EmitterForm.of(emitter));
        model.addAttribute("version", emitter.version());
        return formPage(user, model, emitter);
    }

    @PostMapping("/emitters/{id}")
    String update(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @ModelAttribute("form") EmitterForm form,
            Model model, Locale locale, RedirectAttributes flash) {
        KeyEmitter emitter = directory.get(user, id);
        try {
            directory.update(user, id, version, form);
            flash.addFlashAttribute("saved", true);
            return "redirect:/directory/emitters/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("version", version);
        return formPage(user, model, emitter);
    }

    @GetMapping("/emitters/{id}/units/new")
    String newUnit(CurrentUser user, @PathVariable UUID id, Model model) {
        KeyEmitter emitter = directory.get(user, id);
        KeyEmitterDirectory.requireEditor(user, emitter.region());
        model.addAttribute("emitter", emitter);
        model.addAttribute("form", UnitForm.empty());
        return "directory/unit-form";
    }

    @PostMapping("/emitters/{id}/units")
    String addUnit(CurrentUser user, @PathVariable UUID id, @ModelAttribute("form") UnitForm form,
            @RequestParam(name = "fuel", required = false) String[] fuel, Model model, Locale locale, RedirectAttributes flash) {
        UnitForm withFuels = withFuels(form, fuel);
        try {
            directory.addUnit(user, id, withFuels);
            flash.addFlashAttribute("saved", true);
            return "redirect:/directory/emitters/" + id + "?tab=units";
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
            model.addAttribute("emitter", directory.get(user, id));
            model.addAttribute("form", withFuels);
            return "directory/unit-form";
        }
    }

    @GetMapping("/emitters/{id}/units/{unitId}")
    String editUnit(CurrentUser user, @PathVariable UUID id, @PathVariable UUID unitId, Model model) {
        KeyEmitter emitter = directory.get(user, id);
        GeneratingUnit unit = directory.unit(user, id, unitId);
        model.addAttribute("emitter", emitter);
        model.addAttribute("unit", unit);
        model.addAttribute("form", UnitForm.of(unit));
        model.addAttribute("version", unit.version());
        model.addAttribute("history", directory.unitHistory(user, id, unitId));
        model.addAttribute("canEdit", canEdit(user) && user.region().contains(emitter.region()));
        return "directory/unit-form";
    }

    @PostMapping("/emitters/{id}/units/{unitId}")
    String updateUnit(CurrentUser user, @PathVariable UUID id, @PathVariable UUID unitId, @RequestParam int version,
            @ModelAttribute("form") UnitForm form, @RequestParam(name = "fuel", required = false) String[] fuel, Model model,
            Locale locale, RedirectAttributes flash) {
        UnitForm withFuels = withFuels(form, fuel);
        try {
            directory.updateUnit(user, id, unitId, version, withFuels);
            flash.addFlashAttribute("saved", true);
            return "redirect:/directory/emitters/" + id + "?tab=units";
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("emitter", directory.get(user, id));
        model.addAttribute("unit", directory.unit(user, id, unitId));
        model.addAttribute("form", withFuels);
        model.addAttribute("version", version);
        model.addAttribute("history", directory.unitHistory(user, id, unitId));
        model.addAttribute("canEdit", true);
        return "directory/unit-form";
    }

    private String formPage(CurrentUser user, Model model, KeyEmitter emitter) {
        model.addAttribute("emitter", emitter);
        boolean contactsOnly = emitter != null && directory.isOwnEmitter(user, emitter);
        model.addAttribute("contactsOnly", contactsOnly);
        model.addAttribute("regions", regions.within(contactsOnly ? emitter.region() : user.region()).stream()
                .filter(r -> r.level() == org.opencets.shared.RegionCode.Level.DISTRICT).toList());
        return "directory/emitter-form";
    }

    private static UnitForm withFuels(UnitForm form, String[] fuel) {
        if (fuel == null || fuel.length == 0) {
            return form;
        }
        return new UnitForm(form.facilityName(), form.unitCode(), form.ratedCapacityMw(), form.category(),
                String.join(";", Arrays.asList(fuel)), form.coolingType(), form.commissioningDate(), form.shutdownDate());
    }

    private static boolean canEdit(CurrentUser user) {
        return user.kind().isBureau() && (user.has(Role.OFFICER) || user.has(Role.ADMIN));
    }

    private static void requireEditor(CurrentUser user) {
        KeyEmitterDirectory.requireEditor(user, user.region());
    }
}
