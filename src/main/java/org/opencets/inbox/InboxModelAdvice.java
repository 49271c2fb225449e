package org.opencets.inbox;

import org.opencets.identity.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread-reminder count in every page's navigation. */
@ControllerAdvice(annotations = Controller.class)
class InboxModelAdvice {

    private final Notifications notifications;

    InboxModelAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute
    void unreadReminders(Model model) {
        CurrentUsers.current().ifPresent(user -> model.addAttribute("unreadReminders", notifications.unread(user)));
    }
}
