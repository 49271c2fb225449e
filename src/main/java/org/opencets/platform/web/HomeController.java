package org.opencets.platform.web;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.identity.Role;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page, the public landing page and each role's own home page. */
@Controller
class HomeController {

    private final Regions regions;

    HomeController(Regions regions) {
        this.regions = regions;
    }

    record Card(String href, String titleKey, String textKey) {
    }

    @GetMapping("/")
    String landing(java.security.Principal principal) {
        return principal == null ? "redirect:/public/lists" : "redirect:/home";
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("lockedOut", last instanceof LockedException);
        return "login";
    }

    @GetMapping("/home")
    String home(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("regionName", regions.nameOf(user.region()));
        model.addAttribute("cards", cardsFor(user));
        return "home";
    }

    static List<Card> cardsFor(CurrentUser user) {
        List<Card> cards = new ArrayList<>();
        OrganisationKind kind = user.kind();
        cards.add(new Card("/inbox", "card.inbox.title", "card.inbox.text"));
        if (kind.isBureau() || kind == OrganisationKind.MINISTRY || kind == OrganisationKind.KEY_EMITTER) {
            cards.add(new Card("/calendar", "card.calendar.title", "card.calendar.text"));
        }
        if (kind.isBureau() || kind == OrganisationKind.MINISTRY || kind == OrganisationKind.REGISTRY_OPERATOR
                || kind == OrganisationKind.CCER_REGISTRY_OPERATOR) {
            cards.add(new Card("/directory", "card.directory.title", "card.directory.text"));
        }
        if (kind == OrganisationKind.DISTRICT_BUREAU) {
            cards.add(new Card("/directory/lists", "card.lists.district.title", "card.lists.district.text"));
        }
        if (kind == OrganisationKind.CITY_BUREAU || kind == OrganisationKind.PROVINCE_BUREAU) {
            cards.add(new Card("/directory/lists", "card.lists.city.title", "card.lists.city.text"));
        }
        if (kind.isBureau() && (user.has(Role.OFFICER) || user.has(Role.ADMIN))) {
            cards.add(new Card("/directory/import", "card.import.title", "card.import.text"));
        }
        if (kind == OrganisationKind.KEY_EMITTER || kind == OrganisationKind.DISTRICT_BUREAU || kind == OrganisationKind.CITY_BUREAU) {
            cards.add(new Card("/mrv", "home.mrv", "home.mrv.text"));
        }
        if (kind == OrganisationKind.KEY_EMITTER || kind.isBureau() || kind == OrganisationKind.VERIFIER || kind == OrganisationKind.MINISTRY) {
            cards.add(new Card("/verification", "nav.verification", "home.verification.text"));
        }
        if (kind == OrganisationKind.KEY_EMITTER || kind.isBureau() || kind == OrganisationKind.MINISTRY || kind == OrganisationKind.REGISTRY_OPERATOR) {
            cards.add(new Card("/allocation", "nav.allocation", "home.allocation.text"));
        }
        if (kind == OrganisationKind.KEY_EMITTER || kind.isBureau() || kind == OrganisationKind.MINISTRY || kind == OrganisationKind.REGISTRY_OPERATOR
                || kind == OrganisationKind.EXCHANGE) {
            cards.add(new Card("/registry", "card.registry.title", "card.registry.text"));
        }
        if (kind == OrganisationKind.KEY_EMITTER || kind.isBureau() || kind == OrganisationKind.MINISTRY || kind == OrganisationKind.REGISTRY_OPERATOR) {
            cards.add(new Card("/compliance", "card.compliance.title", kind == OrganisationKind.KEY_EMITTER ? "card.compliance.emitter.text" : "card.compliance.text"));
        }
        if (kind == OrganisationKind.CCER_REGISTRY_OPERATOR || kind == OrganisationKind.KEY_EMITTER) {
            cards.add(new Card("/ccer", "card.ccer.title", "card.ccer.text"));
        }
        if (kind == OrganisationKind.KEY_EMITTER) {
            cards.add(new Card("/directory/mine", "card.mine.title", "card.mine.text"));
        }
        if (user.has(Role.ADMIN)) {
            cards.add(new Card("/admin/people", "card.people.title", "card.people.text"));
            cards.add(new Card("/admin/api-keys", "card.apikeys.title", "card.apikeys.text"));
        }
        if (kind == OrganisationKind.PROVINCE_BUREAU && user.has(Role.ADMIN)) {
            cards.add(new Card("/admin/organisations", "card.organisations.title", "card.organisations.text"));
        }
        cards.add(new Card("/public/lists", "card.public.title", "card.public.text"));
        cards.add(new Card("/public/receipts", "nav.receipts", "receipts.lead"));
        cards.add(new Card("/public/verifiers", "verification.public.title", "verification.public.intro"));
        return cards;
    }
}
