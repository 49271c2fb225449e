package org.opencets.verification;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Verification's steps in the inboxes: the city assigns (by the verification deadline, Apr 30 power / Dec 31 non-power,
 * seed 002 §二(四), §三(二)), the firm concludes by the same deadline, the emitter answers findings, may object within
 * the window, the city decides an objection, the firm revises, the city publishes the firms' evaluation by Jul 31
 * (seed 002 §二(八)) and interviews firms rated D or below.
 */
@Component
class VerificationObligations {

    private final Obligations obligations;
    private final Deadlines deadlines;
    private final Organisations organisations;

    VerificationObligations(Obligations obligations, Deadlines deadlines, Organisations organisations) {
        this.obligations = obligations;
        this.deadlines = deadlines;
        this.organisations = organisations;
    }

    static DeadlineKind verificationDeadline(VerificationTask t) {
        return t.power() ? DeadlineKind.VERIFICATION_POWER : DeadlineKind.VERIFICATION_NON_POWER;
    }

    Optional<Deadline> taskDue(int year, boolean power, RegionCode region) {
        return Deadlines.ifSet(() -> deadlines.due(power ? DeadlineKind.VERIFICATION_POWER : DeadlineKind.VERIFICATION_NON_POWER, year, region));
    }

    void created(VerificationTask t) {
        city(t.region()).ifPresent(city -> taskDue(t.year(), t.power(), t.region()).ifPresent(due -> open("VERIFICATION_ASSIGN:" + t.id(), due, city.id(), t)));
        city(t.region()).ifPresent(city -> Deadlines.ifSet(() -> deadlines.due(DeadlineKind.VERIFIER_EVALUATION, t.year(), t.region())).ifPresent(due ->
                obligations.open(new NewObligation(evaluationKey(city.region(), t.year()), due, city.id(), city.region(), null, null, null,
                        String.valueOf(t.year()), "/verification/evaluation/" + t.year()))));
    }

    void assigned(VerificationTask t, String by) {
        obligations.close("VERIFICATION_ASSIGN:" + t.id(), Obligation.Outcome.DONE, by);
        if (t.firmId() != null) {
            obligations.close("VERIFICATION:" + t.id() + ":" + t.firmId(), Obligation.Outcome.WITHDRAWN, by);
        }
    }

    void firmAssigned(VerificationTask t, UUID firmId) {
        taskDue(t.year(), t.power(), t.region()).ifPresent(due -> open("VERIFICATION:" + t.id() + ":" + firmId, due, firmId, t));
    }

    void findingRaised(VerificationTask t, Finding f, LocalDate today) {
        emitterOrg(t).ifPresent(org -> Deadlines.ifSet(() -> deadlines.dueAfter(DeadlineKind.FINDING_RESPONSE, t.year(), t.region(), today))
                .ifPresent(due -> open("FINDING:" + f.id(), due, org.id(), t)));
    }

    void findingAnswered(Finding f, String by) {
        obligations.close("FINDING:" + f.id(), Obligation.Outcome.DONE, by);
    }

    void findingClosed(Finding f, String by) {
        obligations.close("FINDING:" + f.id(), Obligation.Outcome.WITHDRAWN, by);
    }

    /** The conclusion is issued: the firm's task is done; the emitter's objection window opens. */
    void concluded(VerificationTask t, Conclusion c, Deadline objectionWindow, String by) {
        obligations.close("VERIFICATION:" + t.id() + ":" + t.firmId(), Obligation.Outcome.DONE, by);
        obligations.close(revisionKey(t, c.number()), Obligation.Outcome.DONE, by);
        if (objectionWindow != null) {
            emitterOrg(t).ifPresent(org -> open(objectionKey(c), objectionWindow, org.id(), t));
        }
    }

    void objectionWindowClosed(Conclusion c, String by) {
        obligations.close(objectionKey(c), Obligation.Outcome.DONE, by);
    }

    void objected(VerificationTask t, Objection o, Deadline decideBy, String by) {
        obligations.close("OBJECTION_WINDOW:" + o.conclusionId(), Obligation.Outcome.DONE, by);
        city(t.region()).ifPresent(city -> open("OBJECTION_DECISION:" + o.id(), decideBy, city.id(), t));
    }

    void decided(Objection o, String by) {
        obligations.close("OBJECTION_DECISION:" + o.id(), Obligation.Outcome.DONE, by);
    }

    /** The firm must issue conclusion number {@code next} (a revision). */
    void revisionRequired(VerificationTask t, int next, LocalDate today) {
        Deadlines.ifSet(() -> deadlines.dueAfter(DeadlineKind.VERIFICATION_REVISION, t.year(), t.region(), today))
                .ifPresent(due -> open(revisionKey(t, next), due, t.firmId(), t));
    }

    void evaluationPublished(RegionCode city, int year, String by) {
        obligations.close(evaluationKey(city, year), Obligation.Outcome.DONE, by);
    }

    void interviewRequired(RegionCode cityRegion, UUID evaluationId, Firm firm, int year, LocalDate today) {
        city(cityRegion).ifPresent(city -> Deadlines.ifSet(() -> deadlines.dueAfter(DeadlineKind.VERIFIER_INTERVIEW, year, cityRegion, today))
                .ifPresent(due -> obligations.open(new NewObligation(interviewKey(evaluationId, firm.organisationId()), due, city.id(), cityRegion, null,
                        firm.name(), null, String.valueOf(year), "/verification/evaluation/" + year))));
    }

    void interviewWithdrawn(UUID evaluationId, UUID firmId, String by) {
        obligations.close(interviewKey(evaluationId, firmId), Obligation.Outcome.WITHDRAWN, by);
    }

    void interviewed(UUID evaluationId, UUID firmId, String by) {
        obligations.close(interviewKey(evaluationId, firmId), Obligation.Outcome.DONE, by);
    }

    private void open(String key, Deadline due, UUID org, VerificationTask t) {
        obligations.open(new NewObligation(key, due, org, t.region(), t.emitter().value(), t.emitterName(), null, String.valueOf(t.year()),
                "/verification/tasks/" + t.id()));
    }

    private Optional<Organisation> city(RegionCode region) {
        return organisations.bureauOf(region.city());
    }

    private Optional<Organisation> emitterOrg(VerificationTask t) {
        return organisations.findByUscc(t.emitter());
    }

    private static String objectionKey(Conclusion c) {
        return "OBJECTION_WINDOW:" + c.id();
    }

    private static String revisionKey(VerificationTask t, int conclusionNumber) {
        return "VERIFICATION_REVISION:" + t.id() + ":" + conclusionNumber;
    }

    private static String evaluationKey(RegionCode city, int year) {
        return "VERIFIER_EVALUATION:" + city.value() + ":" + year;
    }

    private static String interviewKey(UUID evaluationId, UUID firmId) {
        return "VERIFIER_INTERVIEW:" + evaluationId + ":" + firmId;
    }
}
