package org.opencets.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.opencets.identity.AccessDenied;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the REST API, naming each offending field, in the caller's language. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
// before WebErrors (which also matches @RestController) and before Boot's problem-details handler
@Order(-2)
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationFailed.class)
    ProblemDetail validationFailed(ValidationFailed e) {
        return invalid(e.violations());
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        return invalid(List.of(FieldViolation.of(null, e)));
    }

    @ExceptionHandler(RecordNotFound.class)
    ProblemDetail notFound(RecordNotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("https://opencets.org/problems/not-found"));
        return problem;
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail denied(AccessDenied e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage(e.messageKey(), null, e.getMessage(), LocaleContextHolder.getLocale()));
        problem.setType(URI.create("https://opencets.org/problems/access-denied"));
        return problem;
    }

    /** Asked for a compliance-year rule or value nobody has recorded yet: say what is missing. */
    @ExceptionHandler({org.opencets.calendar.DeadlineNotSet.class, org.opencets.calendar.PolicyValueMissing.class,
            org.opencets.calendar.CalendarNotAnnounced.class})
    ProblemDetail notRecorded(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create("https://opencets.org/problems/not-recorded"));
        problem.setTitle("Not recorded");
        return problem;
    }

    /** A query parameter that is missing or not of its type (e.g. year=abc, an unknown deadline kind). */
    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception e) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName()
                : ((org.springframework.web.bind.MissingServletRequestParameterException) e).getParameterName();
        return invalid(List.of(FieldViolation.of(name, "parameter.invalid", "Missing or invalid value")));
    }

    /** Lost a lock or serialization race more often than the service retries it: nothing was done, try again. */
    @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> busy(org.springframework.dao.ConcurrencyFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Too much contention right now: nothing was done; retry with the same id");
        problem.setType(URI.create("https://opencets.org/problems/contention"));
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
    }

    @ExceptionHandler(ConcurrentModification.class)
    ProblemDetail conflict(ConcurrentModification e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://opencets.org/problems/concurrent-modification"));
        return problem;
    }

    private ProblemDetail invalid(List<FieldViolation> violations) {
        List<Map<String, Object>> errors = violations.stream().map(v -> {
            // as FormErrors: "invalid.<key>" first, the rule's own key next, the default text last
            String message = messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(
                    new String[] {"invalid." + v.messageKey(), v.messageKey()}, v.arguments().toArray(), v.defaultMessage()),
                    LocaleContextHolder.getLocale());
            return Map.<String, Object>of("field", v.field() == null ? "" : v.field(), "code", v.messageKey(), "message", message);
        }).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(err -> (err.get("field").toString().isEmpty() ? "" : err.get("field") + ": ") + err.get("message"))
                        .reduce((a, b) -> a + "; " + b).orElse("Invalid request"));
        problem.setType(URI.create("https://opencets.org/problems/invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
