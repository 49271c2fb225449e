package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's evaluation of the verification firms (seed 002 §二(八), published by Jul 31) and their credit rating
 * (seed 004 §三(三)5: D or below → a notice and an interview of the firm's head). Scores come from the platform's own
 * records ({@link FirmScoring}); publishing freezes an edition that the public page shows.
 */
@Service
public class FirmEvaluations {

    private final EvaluationStore store;
    private final FirmStore firms;
    private final PolicyYearData policy;
    private final VerificationObligations obligations;
    private final WorkClock clock;
    private final org.springframework.context.MessageSource messages;

    FirmEvaluations(EvaluationStore store, FirmStore firms, PolicyYearData policy, VerificationObligations obligations, WorkClock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.firms = firms;
        this.policy = policy;
        this.obligations = obligations;
        this.clock = clock;
    }

    /** The evaluation as the records stand now, for the city's own region. */
    public FirmEvaluation preview(CurrentUser user, int year) {
        RegionCode city = cityOf(user);
        return new FirmEvaluation(year, city.value(), null, null, null, null, computeRows(year, city));
    }

    /** The latest published edition for the user's city, if any. */
    public Optional<FirmEvaluation> published(CurrentUser user, int year) {
        return store.latest(year, cityOf(user).value());
    }

    /** Every city's latest published evaluation of a year: public. */
    public List<FirmEvaluation> publishedIn(int year) {
        return store.publishedIn(year);
    }

    public List<Integer> publishedYears() {
        return store.publishedYears();
    }

    @Transactional
    public FirmEvaluation publish(CurrentUser user, int year) {
        RegionCode city = cityOf(user);
        VerificationAccess.requireCity(user, city);
        List<FirmEvaluation.Row> rows = computeRows(year, city);
        if (rows.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("year", "verification.evaluation.nothing", "No firm concluded a verification in {0}",
                    String.valueOf(year)));
        }
        // a new edition replaces the last one: its interviews not yet held are withdrawn (the new edition decides again)
        store.latest(year, city.value()).ifPresent(previous -> previous.rows().stream()
                .filter(r -> r.interview() != null && !r.interview().held())
                .forEach(r -> obligations.interviewWithdrawn(previous.id(), r.firmId(), user.username())));
        UUID id = UUID.randomUUID();
        try {
            store.insert(id, year, city.value(), store.nextEdition(year, city.value()), clock.now(), user.username(), rows);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new org.opencets.shared.ConcurrentModification("Firm evaluation", year);
        }
        for (FirmEvaluation.Row r : rows) {
            if (r.rating().needsInterview()) {
                store.insertInterview(id, r.firmId(), notice(r, year), clock.now());
                firms.firm(r.firmId()).ifPresent(f -> obligations.interviewRequired(city, id, f, year, clock.today()));
            }
        }
        obligations.evaluationPublished(city, year, user.username());
        return store.latest(year, city.value()).orElseThrow();
    }

    @Transactional
    public void recordInterview(CurrentUser user, int year, UUID firmId, LocalDate heldOn, String firmHead, String participants, String record) {
        RegionCode city = cityOf(user);
        VerificationAccess.requireCity(user, city);
        FirmEvaluation e = store.latest(year, city.value()).orElseThrow(() -> new ValidationFailed(FieldViolation.of("year",
                "verification.evaluation.notPublished", "The evaluation is not published yet")));
        List<FieldViolation> violations = new ArrayList<>();
        if (heldOn == null || heldOn.isAfter(clock.today())) {
            violations.add(FieldViolation.of("heldOn", "verification.interview.date", "Enter the date the interview took place"));
        }
        violations.addAll(VerificationWork.text("firmHead", firmHead, 100, "verification.interview.head", "Name the firm's responsible person"));
        violations.addAll(VerificationWork.text("participants", participants, 500, "verification.interview.participants", "Name the participants"));
        violations.addAll(VerificationWork.text("record", record, VerificationWork.LONG_TEXT, "verification.interview.record", "Write the record"));
        VerificationWork.require(violations);
        if (!store.recordInterview(e.id(), firmId, heldOn, firmHead.strip(), participants.strip(), record.strip(), clock.now(), user.username())) {
            throw new ValidationFailed(FieldViolation.of("firm", "verification.interview.none", "No interview is pending for this firm"));
        }
        obligations.interviewed(e.id(), firmId, user.username());
    }

    FirmScoring scoring(int year, RegionCode region) {
        return new FirmScoring(value(PolicyParameter.VERIFIER_SCORE_WEIGHT, "QUALITY", year, region),
                value(PolicyParameter.VERIFIER_SCORE_WEIGHT, "COMPLIANCE", year, region), value(PolicyParameter.VERIFIER_SCORE_WEIGHT, "TIMELINESS", year, region),
                value(PolicyParameter.VERIFIER_RATING_MIN, "A", year, region), value(PolicyParameter.VERIFIER_RATING_MIN, "B", year, region),
                value(PolicyParameter.VERIFIER_RATING_MIN, "C", year, region), value(PolicyParameter.VERIFIER_RATING_MIN, "D", year, region));
    }

    private List<FirmEvaluation.Row> computeRows(int year, RegionCode city) {
        FirmScoring scoring = scoring(year, city);
        return store.records(year, city.prefix()).stream().map(r -> {
            FirmScoring.Score s = scoring.score(r.record());
            var rec = r.record();
            return new FirmEvaluation.Row(r.firmId(), r.firmName(), rec.tasks(), rec.onTime(), rec.overturned(), rec.upheldObjections(), rec.processDefects(),
                    s.quality(), s.compliance(), s.timeliness(), s.total(), s.rating(), null);
        }).sorted(java.util.Comparator.comparing(FirmEvaluation.Row::score).reversed().thenComparing(FirmEvaluation.Row::firmName)).toList();
    }

    private java.math.BigDecimal value(PolicyParameter p, String qualifier, int year, RegionCode region) {
        return policy.decimal(p, qualifier, year, region);
    }

    /** The notice is an official document: it is kept as issued, in Chinese. */
    private String notice(FirmEvaluation.Row r, int year) {
        return messages.getMessage("verification.interview.notice", new Object[] {r.firmName(), String.valueOf(year), r.score().toPlainString(),
                r.rating().name()}, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private static RegionCode cityOf(CurrentUser user) {
        if (!user.kind().isBureau() || user.region().level() == RegionCode.Level.PROVINCE) {
            throw new org.opencets.identity.AccessDenied("denied.verification.evaluation", "The city bureau evaluates the firms that verified in its city");
        }
        return user.region().city();
    }
}
