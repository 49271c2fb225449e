package org.opencets.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's administrator manages its people: list, add (the one-time password is shown
 * once), disable and enable, reset the password (shown once), change roles. A province bureau's
 * administrator may pick any organisation in its province. The {@link People} service decides who
 * may do what; an {@link AccessDenied} from it becomes a 403 page.
 */
@Controller
@RequestMapping("/admin/people")
class AdminPeopleController {

    static final int MAX_DISPLAY_NAME = 100;
    static final int MAX_EMAIL = 200;

    /**
     * National bodies: located in some province's region, but not that province's to manage
     * ({@link People} lets a province bureau manage every organisation located in its region).
     */
    static final Set<OrganisationKind> NATIONAL = EnumSet.of(OrganisationKind.MINISTRY, OrganisationKind.REGISTRY_OPERATOR,
            OrganisationKind.CCER_REGISTRY_OPERATOR, OrganisationKind.EXCHANGE);

    private final People people;
    private final Organisations organisations;
    private final Regions regions;
    private final AdminFormErrors errors;

    AdminPeopleController(People people, Organisations organisations, Regions regions, AdminFormErrors errors) {
        this.people = people;
        this.organisations = organisations;
        this.regions = regions;
        this.errors = errors;
    }

    /** What the "add a person" form holds, kept to show it again when refused. */
    record PersonForm(String username, String displayName, String email, Set<Role> roles) {

        static PersonForm empty() {
            return new PersonForm("", "", "", EnumSet.of(Role.OFFICER));
        }

        public boolean hasRole(Role role) {
            return roles != null && roles.contains(role);
        }
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(name = "organisation", required = false) UUID organisationId, Model model) {
        UUID target = organisationId == null ? user.organisationId() : organisationId;
        listModel(user, target, PersonForm.empty(), new AdminFormErrors.Errors(), model);
        return "admin/people";
    }

    @PostMapping
    String add(CurrentUser user, @RequestParam(name = "organisation", required = false) UUID organisationId,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "displayName", required = false) String displayName,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "roles", required = false) Set<Role> roles,
            Model model, HttpServletResponse response) {
        UUID target = organisationId == null ? user.organisationId() : organisationId;
        PersonForm form = new PersonForm(username, displayName, email,
                roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        AdminFormErrors.Errors problems = new AdminFormErrors.Errors();
        if (displayName != null && displayName.strip().length() > MAX_DISPLAY_NAME) {
            problems.field("displayName", errors.text("invalid.person.displayName.length", MAX_DISPLAY_NAME));
        }
        if (email != null && !email.isBlank() && (email.strip().length() > MAX_EMAIL || !email.strip().matches("[^@\\s]+@[^@\\s]+"))) {
            problems.field("email", errors.text("invalid.person.email.format"));
        }
        if (problems.isEmpty()) {
            refuseNationalBody(user, target);
            try {
                People.Created created = people.add(user, target, username, displayName, email, roles);
                model.addAttribute("person", created.person());
                model.addAttribute("password", created.initialPassword());
                model.addAttribute("organisation", organisations.find(target).orElseThrow());
                model.addAttribute("reset", false);
                return "admin/one-time-password";
            } catch (InvalidValueException e) {
                String field = fieldOf(e);
                if (field == null) {
                    problems.global(errors.text(e));
                } else {
                    problems.field(field, errors.text(e));
                }
            }
        }
        response.setStatus(422);
        listModel(user, target, form, problems, model);
        return "admin/people";
    }

    @GetMapping("/{id}")
    String show(CurrentUser user, @PathVariable("id") UUID id, Model model) {
        Person person = manageable(user, id);
        model.addAttribute("person", person);
        model.addAttribute("organisation", organisations.find(person.organisationId()).orElseThrow());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("self", person.id().equals(user.userId()));
        return "admin/person";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(CurrentUser user, @PathVariable("id") UUID id, @RequestParam("enabled") boolean enabled,
            RedirectAttributes redirect) {
        refuseNationalBodyOf(user, id);
        try {
            people.setEnabled(user, id, enabled);
            redirect.addFlashAttribute("notice", errors.text(enabled ? "admin.people.enabled.done" : "admin.people.disabled.done"));
        } catch (InvalidValueException e) {
            notFoundIfUnknown(e, id);
            redirect.addFlashAttribute("error", errors.text(e));
        }
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(CurrentUser user, @PathVariable("id") UUID id, Model model) {
        refuseNationalBodyOf(user, id);
        String password;
        try {
            password = people.resetPassword(user, id);
        } catch (InvalidValueException e) {
            notFoundIfUnknown(e, id);
            throw e;
        }
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("password", password);
        model.addAttribute("organisation", organisations.find(person.organisationId()).orElseThrow());
        model.addAttribute("reset", true);
        return "admin/one-time-password";
    }

    @PostMapping("/{id}/roles")
    String assignRoles(CurrentUser user, @PathVariable("id") UUID id, @RequestParam(name = "roles", required = false) Set<Role> roles,
            RedirectAttributes redirect) {
        refuseNationalBodyOf(user, id);
        try {
            people.assignRoles(user, id, roles == null ? Set.of() : roles);
            redirect.addFlashAttribute("notice", errors.text("admin.people.roles.done"));
        } catch (InvalidValueException e) {
            notFoundIfUnknown(e, id);
            redirect.addFlashAttribute("error", errors.text(e));
        }
        return "redirect:/admin/people/" + id;
    }

    private void listModel(CurrentUser user, UUID organisationId, PersonForm form, AdminFormErrors.Errors problems, Model model) {
        refuseNationalBody(user, organisationId);
        List<Person> members = people.membersOf(user, organisationId); // checks the user may manage them
        Organisation organisation = organisations.find(organisationId).orElseThrow(() -> new RecordNotFound("organisation", organisationId));
        model.addAttribute("organisation", organisation);
        model.addAttribute("regionName", regions.nameOf(organisation.region()));
        model.addAttribute("people", members);
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("choices", user.kind() == OrganisationKind.PROVINCE_BUREAU && user.has(Role.ADMIN)
                ? organisations.visibleTo(user).stream().filter(o -> !NATIONAL.contains(o.kind())).toList() : List.of());
        model.addAttribute("own", organisationId.equals(user.organisationId()));
    }

    /** The person, when the user may manage them: {@link People#membersOf} throws {@link AccessDenied} otherwise. */
    private Person manageable(CurrentUser user, UUID id) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDenied("denied.people", "Only an administrator manages people");
        }
        Person person;
        try {
            person = people.get(id);
        } catch (InvalidValueException e) {
            notFoundIfUnknown(e, id);
            throw e;
        }
        refuseNationalBody(user, person.organisationId());
        people.membersOf(user, person.organisationId());
        return person;
    }

    private void refuseNationalBody(CurrentUser user, UUID organisationId) {
        if (organisationId == null || organisationId.equals(user.organisationId())) {
            return;
        }
        if (organisations.find(organisationId).filter(o -> NATIONAL.contains(o.kind())).isPresent()) {
            throw new AccessDenied("denied.people", "A national body's people are managed by its own administrator");
        }
    }

    private void refuseNationalBodyOf(CurrentUser user, UUID personId) {
        Person person;
        try {
            person = people.get(personId);
        } catch (InvalidValueException e) {
            return; // unknown: the service answers that
        }
        refuseNationalBody(user, person.organisationId());
    }

    private static void notFoundIfUnknown(InvalidValueException e, UUID id) {
        if ("person.unknown".equals(e.messageKey())) {
            throw new RecordNotFound("person", id);
        }
    }

    private static String fieldOf(InvalidValueException e) {
        String key = e.messageKey();
        if (key.startsWith("person.username")) {
            return "username";
        }
        if (key.startsWith("person.displayName")) {
            return "displayName";
        }
        if (key.startsWith("person.roles")) {
            return "roles";
        }
        if (key.startsWith("person.email")) {
            return "email";
        }
        return null;
    }
}
