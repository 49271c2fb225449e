package org.opencets.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A province bureau's administrator lists the organisations of the province and registers new ones
 * (then gives them their first administrator on the people page).
 */
@Controller
@RequestMapping("/admin/organisations")
class AdminOrganisationsController {

    static final int MAX_NAME = 200;

    /**
     * The kinds a province may create. National bodies (ministry, registries) would see the whole
     * country, and a second province bureau is the ministry's business.
     */
    static final Set<OrganisationKind> CREATABLE = EnumSet.of(OrganisationKind.CITY_BUREAU, OrganisationKind.DISTRICT_BUREAU,
            OrganisationKind.KEY_EMITTER, OrganisationKind.VERIFIER, OrganisationKind.EXCHANGE, OrganisationKind.BANK);

    private final Organisations organisations;
    private final Regions regions;
    private final AdminFormErrors errors;

    AdminOrganisationsController(Organisations organisations, Regions regions, AdminFormErrors errors) {
        this.organisations = organisations;
        this.regions = regions;
        this.errors = errors;
    }

    record OrganisationForm(String name, String kind, String region, String uscc) {

        static OrganisationForm empty() {
            return new OrganisationForm("", "", "", "");
        }
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        requireProvinceAdmin(user);
        listModel(user, OrganisationForm.empty(), new AdminFormErrors.Errors(), model);
        return "admin/organisations";
    }

    @PostMapping
    String create(CurrentUser user, @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "kind", required = false) String kind, @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "uscc", required = false) String uscc, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        requireProvinceAdmin(user);
        OrganisationForm form = new OrganisationForm(name, kind, region, uscc);
        AdminFormErrors.Errors problems = new AdminFormErrors.Errors();

        if (name != null && name.strip().length() > MAX_NAME) {
            problems.field("name", errors.text("invalid.organisation.name.length", MAX_NAME));
        }
        OrganisationKind organisationKind = null;
        try {
            organisationKind = kind == null || kind.isBlank() ? null : OrganisationKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            // shown below as "choose a kind"
        }
        if (organisationKind == null || !CREATABLE.contains(organisationKind)) {
            problems.field("kind", errors.text("invalid.organisation.kind.notAllowed"));
        }
        RegionCode regionCode = null;
        try {
            regionCode = RegionCode.of(region);
        } catch (InvalidValueException e) {
            problems.field("region", errors.text(e));
        }
        if (organisationKind != null && regionCode != null && !fitsLevel(organisationKind, regionCode)) {
            problems.field("region", errors.text("invalid.organisation.kind.level"));
        }
        Uscc code = null;
        try {
            code = uscc == null || uscc.isBlank() ? null : Uscc.of(uscc);
        } catch (InvalidValueException e) {
            problems.field("uscc", errors.text(e));
        }
        if (name != null && regionCode != null && problems.isEmpty()) {
            String stripped = name.strip();
            RegionCode at = regionCode;
            boolean taken = organisations.visibleTo(user).stream()
                    .anyMatch(o -> o.region().equals(at) && o.name().equals(stripped));
            if (taken) {
                problems.field("name", errors.text("invalid.organisation.name.taken"));
            }
        }

        if (problems.isEmpty()) {
            try {
                Organisation created = organisations.register(user, name, organisationKind, regionCode, code);
                redirect.addFlashAttribute("created", created);
                return "redirect:/admin/organisations";
            } catch (InvalidValueException e) {
                String field = fieldOf(e);
                if (field == null) {
                    problems.global(errors.text(e));
                } else {
                    problems.field(field, errors.text(e));
                }
            } catch (DuplicateKeyException e) {
                problems.global(errors.text("invalid.organisation.duplicate"));
            }
        }
        response.setStatus(422);
        listModel(user, form, problems, model);
        return "admin/organisations";
    }

    private void listModel(CurrentUser user, OrganisationForm form, AdminFormErrors.Errors problems, Model model) {
        List<Region> within = regions.within(user.region());
        Map<String, String> regionNames = new LinkedHashMap<>();
        within.forEach(r -> regionNames.put(r.code().value(), r.name()));
        model.addAttribute("organisations", organisations.visibleTo(user));
        model.addAttribute("regions", within);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("provinceName", regions.nameOf(user.region()));
        model.addAttribute("kinds", CREATABLE);
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        model.addAttribute("national", AdminPeopleController.NATIONAL);
    }

    private static boolean fitsLevel(OrganisationKind kind, RegionCode region) {
        return switch (kind) {
            case CITY_BUREAU -> region.level() == RegionCode.Level.CITY;
            case DISTRICT_BUREAU -> region.level() == RegionCode.Level.DISTRICT;
            default -> true;
        };
    }

    private static void requireProvinceAdmin(CurrentUser user) {
        if (user.kind() != OrganisationKind.PROVINCE_BUREAU || !user.has(Role.ADMIN)) {
            throw new AccessDenied("denied.organisation.create", "Only a province administrator creates organisations");
        }
    }

    private static String fieldOf(InvalidValueException e) {
        String key = e.messageKey();
        if (key.startsWith("organisation.name")) {
            return "name";
        }
        if (key.startsWith("region")) {
            return "region";
        }
        if (key.startsWith("uscc")) {
            return "uscc";
        }
        return null;
    }
}
