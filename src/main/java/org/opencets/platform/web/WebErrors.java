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
// after ApiProblems (REST, -2), before Boot's problem-details handler (0), so pages answer with a page
@Order(-1)
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

    /** A page address or form field that is not a number, date or choice the page knows (e.g. ?year=abc). */
    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    String badParameter(Exception e, Model model, HttpServletResponse response) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName()
                : ((org.springframework.web.bind.MissingServletRequestParameterException) e).getParameterName();
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", messages.getMessage("error.badParameter", new Object[] {name}, LocaleContextHolder.getLocale()));
        return "error";
    }

    /** Asked for a compliance-year rule or value nobody has recorded yet. */
    @ExceptionHandler({org.opencets.calendar.DeadlineNotSet.class, org.opencets.calendar.PolicyValueMissing.class})
    String notRecorded(RuntimeException e, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("status", 422);
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    @ExceptionHandler(RecordNotFound.class)
    String notFound(RecordNotFound e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }
}
