package org.opencets.directory;

import java.util.UUID;
import org.opencets.shared.IndustryCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages: the cities' published lists, readable without logging in. */
@Controller
class PublicListController {

    private final AnnualLists lists;

    PublicListController(AnnualLists lists) {
        this.lists = lists;
    }

    @GetMapping("/public/lists")
    String index(Model model) {
        model.addAttribute("published", lists.published());
        return "public/lists";
    }

    @GetMapping("/public/lists/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("list", lists.published(id));
        model.addAttribute("industries", IndustryCode.covered().stream()
                .collect(java.util.stream.Collectors.toMap(IndustryCode::code, i -> i)));
        return "public/list";
    }
}
