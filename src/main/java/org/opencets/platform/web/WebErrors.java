package org.opencets.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.opencets.identity.AccessDenied;
import java.util.List;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Error pages for the web UI (403 with the reason, 404 for records outside the user's view). */
@ControllerAdvice(annotations = Controller.class)
@Order(1)
class WebErrors {

    private final MessageSource messages;

    WebErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDenied.class)
    String denied(AccessDenied e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", messages.getMessage(e.messageKey(), null, e.getMessage(), LocaleContextHolder.getLocale()));
        return "error";
    }

    /** Bad input a page did not handle itself: say what is wrong rather than fail with 500. */
    @ExceptionHandler({InvalidValueException.class, ValidationFailed.class})
    String badInput(RuntimeException e, Model model, HttpServletResponse response) {
        List<FieldViolation> violations = e instanceof ValidationFailed failed ? failed.violations()
                : List.of(FieldViolation.of(null, (InvalidValueException) e));
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", String.join(" ", FormErrors.of(violations, messages, LocaleContextHolder.getLocale()).values()));
        return "error";
    }

    @ExceptionHandler(RecordNotFound.class)
    String notFound(RecordNotFound e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }
}
