package org.opencets.calendar;

/**
 * The deadlines of the yearly chain (DOMAIN.md "The yearly chain"). A fixed deadline is a calendar date per
 * compliance year; a relative one counts days after an anchor the workflow supplies (a month end, a submission,
 * a request). Which days and how many is data per year and region ({@code calendar.deadline_rule}).
 */
public enum DeadlineKind {
    LIST_PROPOSAL_POWER(Anchor.NONE),
    LIST_PUBLICATION_POWER(Anchor.NONE),
    LIST_PROPOSAL_NON_POWER(Anchor.NONE),
    LIST_PUBLICATION_NON_POWER(Anchor.NONE),
    QC_PLAN_SUBMISSION(Anchor.NONE),
    QC_PLAN_REVIEW(Anchor.NONE),
    MONTHLY_DEPOSIT(Anchor.MONTH_END),
    MONTHLY_DEPOSIT_DISTRICT_REVIEW(Anchor.SUBMISSION),
    MONTHLY_DEPOSIT_CITY_COMPLETION(Anchor.MONTH_END),
    DEPOSIT_CORRECTION(Anchor.REQUEST),
    ANNUAL_REPORT_POWER(Anchor.NONE),
    ANNUAL_REPORT_DISTRICT_REVIEW(Anchor.SUBMISSION),
    ANNUAL_REPORT_CITY_REVIEW(Anchor.NONE),
    ANNUAL_REPORT_NON_POWER(Anchor.NONE),
    VERIFICATION_POWER(Anchor.NONE),
    VERIFICATION_NON_POWER(Anchor.NONE),
    VERIFIER_EVALUATION(Anchor.NONE),
    VERIFICATION_OBJECTION(Anchor.RESULT),
    OBJECTION_DECISION(Anchor.REQUEST),
    VERIFICATION_REVISION(Anchor.REQUEST),
    FINDING_RESPONSE(Anchor.REQUEST),
    VERIFIER_INTERVIEW(Anchor.REQUEST),
    BORROWING_APPLICATION(Anchor.NONE),
    RELIEF_PLAN_APPLICATION(Anchor.NONE),
    ALLOCATION_TABLES_SUBMISSION(Anchor.NONE),
    ALLOCATION_ISSUANCE(Anchor.NONE),
    NOTICE_RECEIPT(Anchor.REQUEST),
    SURRENDER_INTERIM(Anchor.NONE),
    SURRENDER_FINAL(Anchor.NONE),
    PENDING_OFFSET_RECALL(Anchor.PERIOD_END),
    PENALTY_DISCLOSURE(Anchor.NONE);

    /** What a relative deadline counts from; NONE for a fixed calendar date. */
    public enum Anchor { NONE, MONTH_END, SUBMISSION, REQUEST, RESULT, PERIOD_END }

    private final Anchor anchor;

    DeadlineKind(Anchor anchor) {
        this.anchor = anchor;
    }

    public Anchor anchor() {
        return anchor;
    }

    public boolean isFixed() {
        return anchor == Anchor.NONE;
    }
}
