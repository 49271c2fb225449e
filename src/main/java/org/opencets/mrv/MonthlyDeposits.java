package org.opencets.mrv;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.evidence.EvidenceType;
import org.opencets.evidence.StoredEvidence;
import org.opencets.identity.CurrentUser;
import org.opencets.notary.Receipt;
import org.opencets.notary.TransparencyLog;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly deposits (月度信息化存证, seed 002 §二(二)): the emitter drafts a unit-month, attaches evidence, sees the
 * automatic checks, and submits; submission freezes the version and appends it and every evidence file to the
 * transparency log. The district approves or returns with every problem listed; the city completes the month.
 */
@Service
public class MonthlyDeposits {

    static final String LOG_DEPOSIT = "MONTHLY_DEPOSIT";
    static final String LOG_EVIDENCE = "DEPOSIT_EVIDENCE";
    /** The columns' lengths (V11). */
    static final int SAMPLE_ID_LENGTH = 100;
    static final int SAMPLE_PLACE_LENGTH = 200;

    private final MrvReaders readers;
    private final DepositStore store;
    private final PlanStore plans;
    private final ReferenceData reference;
    private final KeyEmitterDirectory directory;
    private final EvidenceFiles files;
    private final TransparencyLog log;
    private final Deadlines deadlines;
    private final MrvObligations obligations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DepositIntegrity integrity;

    MonthlyDeposits(DepositStore store, PlanStore plans, ReferenceData reference, KeyEmitterDirectory directory, EvidenceFiles files,
            TransparencyLog log, Deadlines deadlines, MrvObligations obligations, ApplicationEventPublisher events, Clock clock, DepositIntegrity integrity, MrvReaders readers) {
        this.store = store;
        this.readers = readers;
        this.plans = plans;
        this.reference = reference;
        this.directory = directory;
        this.files = files;
        this.log = log;
        this.deadlines = deadlines;
        this.obligations = obligations;
        this.events = events;
        this.clock = clock;
        this.integrity = integrity;
    }

    /** A unit of the user's own emitter, found by id or code; anything else is "not one of your units". */
    public GeneratingUnit ownUnit(CurrentUser user, String unitIdOrCode) {
        if (user.uscc() == null) {
            throw invalid("unit", "deposit.unit.notYours", "Unit {0} is not one of your units", unitIdOrCode);
        }
        KeyEmitter emitter = directory.findByUscc(user.uscc())
                .orElseThrow(() -> invalid("unit", "deposit.unit.notYours", "Unit {0} is not one of your units", unitIdOrCode));
        return directory.units(user, emitter.id()).stream()
                .filter(u -> u.id().toString().equals(unitIdOrCode) || u.unitCode().equals(unitIdOrCode)).findFirst()
                .orElseThrow(() -> invalid("unit", "deposit.unit.notYours", "Unit {0} is not one of your units", unitIdOrCode));
    }

    /**
     * The draft to work on for a unit-month: the existing draft, or a new one. Refused for a month that has not ended,
     * and while a version is under review or already approved (a correction starts from a returned version).
     */
    @Transactional
    public Deposit draft(CurrentUser user, UUID unitId, YearMonth month, Deposit.Channel channel) {
        Unit unit = unit(user, unitId);
        MrvAccess.requireEmitter(user, unit.emitter().uscc());
        requireEnded(month);
        if (!unit.unit().isOperatingOn(month.atEndOfMonth()) && !unit.unit().isOperatingOn(month.atDay(1))) {
            throw invalid("month", "deposit.unit.notOperating", "Unit {0} was not operating in {1}", unit.unit().unitCode(), month);
        }
        Optional<Deposit> live = store.live(unitId, month);
        if (live.isPresent()) {
            Deposit d = live.get();
            if (d.status() == DepositStatus.DRAFT) {
                return d;
            }
            throw d.status().underReview()
                    ? invalid("month", "deposit.underReview", "{0} {1} is already submitted and under review", d.unitCode(), month)
                    : invalid("month", "deposit.approved", "{0} {1} is already approved", d.unitCode(), month);
        }
        List<Deposit> versions = store.versions(unitId, month);
        UUID replaces = versions.isEmpty() ? null : versions.getFirst().id();
        UUID id = UUID.randomUUID();
        store.insert(new DepositStore.NewDeposit(id, unit.emitter().uscc(), unit.emitter().name(), unit.emitter().region(), unitId,
                unit.unit().unitCode(), month, store.nextVersion(unitId, month), replaces, channel, user.username()));
        if (replaces != null) {
            Deposit returned = versions.getFirst();
            store.replaceContent(id, new DepositInput(returned.values(), returned.sampleId(), returned.samplePlace()));
            returned.evidence().forEach(e -> store.attach(id, e));
            store.event(id, "DEPOSIT", "CORRECTION_STARTED", user.username(), user.organisationName(), List.of());
        } else {
            store.event(id, "DEPOSIT", "DRAFTED", user.username(), user.organisationName(), List.of());
        }
        return store.find(id).orElseThrow();
    }

    /** Replaces the draft's values with what the emitter entered; the checks run separately (and at submission). */
    @Transactional
    public Deposit save(CurrentUser user, UUID depositId, int expectedVersion, DepositInput input) {
        Deposit d = editable(user, depositId, expectedVersion);
        List<FieldViolation> problems = new ArrayList<>();
        Unit unit = unit(user, d.unitId());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MonthlyValue v : input.values()) {
            if (!seen.add(v.field())) {
                problems.add(FieldViolation.of(v.field(), "deposit.value.duplicate", "{0} is given twice", v.field()));
            }
            if (v.fuel() != null && !unit.unit().fuels().contains(v.fuel())) {
                problems.add(FieldViolation.of(v.field(), "deposit.fuel.notBurnt", "Unit {0} does not burn {1}", d.unitCode(), v.fuel()));
            }
            if (v.value() != null && v.value().signum() < 0) {
                problems.add(FieldViolation.of(v.field(), "deposit.value.negative", "{0} cannot be negative", v.field()));
            }
            if (v.value() == null && v.basis() != MeasurementBasis.DEFAULT) {
                problems.add(FieldViolation.of(v.field(), "deposit.value.missing", "{0} needs a value unless it is a default", v.field()));
            }
        }
        tooLong("sampleId", input.sampleId(), SAMPLE_ID_LENGTH, problems);
        tooLong("samplePlace", input.samplePlace(), SAMPLE_PLACE_LENGTH, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        lock(d, expectedVersion);
        store.replaceContent(depositId, input);
        return store.find(depositId).orElseThrow();
    }

    /** Draft (or reuse the draft) and enter its values in one step: the Excel import and the plants' API push. */
    @Transactional
    public Deposit enter(CurrentUser user, UUID unitId, YearMonth month, Deposit.Channel channel, DepositInput input) {
        Deposit draft = draft(user, unitId, month, channel);
        return save(user, draft.id(), draft.version(), input);
    }

    /** Stores an evidence file (streamed, type- and size-checked, stored once) and attaches it to the draft. */
    @Transactional
    public Deposit attach(CurrentUser user, UUID depositId, EvidenceKind kind, Fuel fuel, String fileName, InputStream content) {
        Deposit d = editable(user, depositId, null);
        if (fuel != null && !unit(user, d.unitId()).unit().fuels().contains(fuel)) {
            throw invalid("fuel", "deposit.fuel.notBurnt", "Unit {0} does not burn {1}", d.unitCode(), fuel);
        }
        if (kind == EvidenceKind.SAMPLING_RECORDING) {
            EvidenceType type = EvidenceType.byFileName(fileName).orElse(null);
            if (type == EvidenceType.PDF || type == EvidenceType.XLSX) {
                throw invalid("file", "deposit.evidence.recordingType", "Sampling records must be photos (JPG, PNG) or video (MP4, MOV)");
            }
        }
        StoredEvidence stored = files.store(user, fileName, content);
        store.attach(depositId, new AttachedEvidence(stored.uploadId(), stored.sha256(), stored.fileName(), kind, fuel, stored.sizeBytes(),
                clock.instant(), user.username()));
        store.touch(depositId, d.version());
        return store.find(depositId).orElseThrow();
    }

    @Transactional
    public Deposit detach(CurrentUser user, UUID depositId, UUID uploadId) {
        Deposit d = editable(user, depositId, null);
        store.detach(depositId, uploadId);
        store.touch(depositId, d.version());
        return store.find(depositId).orElseThrow();
    }

    /** The automatic checks as they stand now (what the emitter sees before submitting). */
    public List<Finding> check(CurrentUser user, UUID depositId) {
        return check(get(user, depositId));
    }

    List<Finding> check(Deposit d) {
        return check(d, deadlines.today());
    }

    List<Finding> check(Deposit d, LocalDate today) {
        GeneratingUnit unit = directory.unitById(d.unitId()).orElseThrow(() -> new RecordNotFound("Generating unit", d.unitId()));
        var context = new DepositChecks.Context(d.month(), unit.ratedCapacityMw(), unit.fuels(), plans.inForce(d.unitId(), d.month().getYear()),
                reference.ranges(d.month().getYear()), reference.sampleRuleApplies("RETAINED_SAMPLE", d.month()),
                reference.sampleRuleApplies("SAMPLING_RECORDING", d.month()),
                deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT, d.month(), d.region()).due(), today);
        return DepositChecks.check(context, d.values(),
                d.evidence().stream().map(e -> new DepositChecks.Evidence(e.kind(), e.fuel())).toList(), d.sampleId(), d.samplePlace());
    }

    public record Submission(Deposit deposit, Receipt receipt, List<Finding> warnings) {
    }

    /**
     * Submits the draft: refused with every blocking finding when the checks fail; otherwise freezes it, appends its
     * hash and each evidence file's hash to the transparency log, and puts the district's review in its inbox.
     */
    @Transactional
    public Submission submit(CurrentUser user, UUID depositId, int expectedVersion) {
        return submit(user, depositId, expectedVersion, clock.instant());
    }

    /**
     * Migrates a deposit that was made on the national platform before OpenCETS: checked as of the day it was
     * originally submitted and recorded with that time; it is logged and receipted now like any other.
     */
    @Transactional
    public Submission submitHistorical(CurrentUser user, UUID depositId, int expectedVersion, java.time.Instant originallySubmitted) {
        if (originallySubmitted.isAfter(clock.instant())) {
            throw invalid("submittedAt", "deposit.historical.future", "A historical submission cannot lie in the future");
        }
        return submit(user, depositId, expectedVersion, originallySubmitted);
    }

    private Submission submit(CurrentUser user, UUID depositId, int expectedVersion, java.time.Instant at) {
        Deposit d = editable(user, depositId, expectedVersion);
        List<Finding> findings = check(d, at.atZone(clock.getZone()).toLocalDate());
        List<FieldViolation> blocking = findings.stream().filter(Finding::blocking)
                .map(f -> new FieldViolation(f.field(), "check." + f.code(), f.defaultMessage(), List.copyOf(f.arguments()))).toList();
        if (!blocking.isEmpty()) {
            throw new ValidationFailed(blocking);
        }
        Deposit frozen = withSubmitter(d, user.username());
        byte[] hash = DepositDigest.sha256(frozen);
        Receipt receipt = log.append(LOG_DEPOSIT, d.id().toString(), hash);
        for (AttachedEvidence e : d.evidence()) {
            log.append(LOG_EVIDENCE, d.id() + "/" + e.uploadId(), java.util.HexFormat.of().parseHex(e.sha256()));
        }
        if (!store.markSubmitted(d.id(), expectedVersion, findings, java.util.HexFormat.of().formatHex(hash), receipt.index(),
                at, user.username())) {
            throw new ConcurrentModification("Monthly deposit", d.id());
        }
        store.event(d.id(), "DEPOSIT", "SUBMITTED", user.username(), user.organisationName(), List.of());
        Deposit submitted = store.find(d.id()).orElseThrow();
        obligations.depositSubmitted(submitted, user.username());
        return new Submission(submitted, receipt, findings.stream().filter(f -> !f.blocking()).toList());
    }

    /** The district's (SUBMITTED) or the city's (DISTRICT_APPROVED) approval. */
    @Transactional
    public Deposit approve(CurrentUser user, UUID depositId, int expectedVersion) {
        Deposit d = get(user, depositId);
        boolean district = reviewLevel(d, user) == ReviewLevel.DISTRICT;
        DepositStatus to = district ? DepositStatus.DISTRICT_APPROVED : DepositStatus.APPROVED;
        if (!store.moveStatus(d.id(), expectedVersion, d.status(), to)) {
            throw new ConcurrentModification("Monthly deposit", d.id());
        }
        store.event(d.id(), "DEPOSIT", district ? "DISTRICT_APPROVED" : "CITY_APPROVED", user.username(), user.organisationName(), List.of());
        Deposit after = store.find(d.id()).orElseThrow();
        if (district) {
            obligations.depositDistrictApproved(after, user.username());
        } else {
            obligations.depositApproved(after, user.username());
            events.publishEvent(new MonthlyDepositApproved(after.id(), after.emitter(), after.unitId(), after.unitCode(), after.month(),
                    after.depositVersion()));
        }
        return after;
    }

    /** Returns the version to the emitter with every problem at once (one reason per line); it corrects within 3 working days. */
    @Transactional
    public Deposit returnWithReasons(CurrentUser user, UUID depositId, int expectedVersion, List<String> reasons) {
        Deposit d = get(user, depositId);
        boolean district = reviewLevel(d, user) == ReviewLevel.DISTRICT;
        List<String> given = ReviewLevel.requireReasons(reasons);
        if (!store.moveStatus(d.id(), expectedVersion, d.status(), DepositStatus.RETURNED)) {
            throw new ConcurrentModification("Monthly deposit", d.id());
        }
        store.event(d.id(), "DEPOSIT", district ? "DISTRICT_RETURNED" : "CITY_RETURNED", user.username(), user.organisationName(), given);
        Deposit after = store.find(d.id()).orElseThrow();
        obligations.depositReturned(after, district, user.username());
        return after;
    }

    /** Discards a draft that was never submitted (a returned version's correction goes back to the returned one). */
    @Transactional
    public void discard(CurrentUser user, UUID depositId) {
        Deposit d = editable(user, depositId, null);
        store.deleteDraft(d.id());
    }

    public Deposit get(CurrentUser user, UUID depositId) {
        return store.find(depositId).filter(d -> readers.sees(user, d.region(), d.emitter()))
                .orElseThrow(() -> new RecordNotFound("Monthly deposit", depositId));
    }

    /** Every version of a unit-month, newest first. */
    public List<Deposit> versions(CurrentUser user, UUID unitId, YearMonth month) {
        unit(user, unitId);
        return store.versions(unitId, month);
    }

    public List<ReviewEvent> history(CurrentUser user, UUID depositId) {
        return store.events(get(user, depositId).id());
    }

    /** The emitter's year at a glance: the newest version of each unit-month. */
    public List<Deposit> year(CurrentUser user, KeyEmitter emitter, int year) {
        if (!readers.sees(user, emitter.region(), emitter.uscc())) {
            throw new RecordNotFound("Key emitter", emitter.uscc().value());
        }
        return store.latestOfYear(emitter.uscc(), year);
    }

    /**
     * Each unit's operating hours in the year, summed over its approved months (the newest version of each): the
     * allocation's load rate needs them. For system use when a verified result is recorded, not a user's read.
     */
    public java.util.Map<String, java.math.BigDecimal> approvedOperatingHours(org.opencets.shared.Uscc emitter, int year) {
        return store.approvedTotals(emitter, year, Parameter.OPERATING_HOURS);
    }

    /** What waits for this bureau: submissions for a district, district-approved months for a city. */
    public List<Deposit> reviewQueue(CurrentUser user) {
        return switch (user.kind()) {
            case DISTRICT_BUREAU -> store.inStatus(user.region().prefix(), DepositStatus.SUBMITTED);
            case CITY_BUREAU -> store.inStatus(user.region().prefix(), DepositStatus.DISTRICT_APPROVED);
            default -> List.of();
        };
    }

    /** The deposit's receipt against the latest signed tree head (each evidence file has its own leaf too). */
    public Optional<Receipt> receipt(CurrentUser user, UUID depositId) {
        return log.receipts(LOG_DEPOSIT, get(user, depositId).id().toString()).stream().findFirst();
    }

    /** Whether the deposit is still exactly what was logged, its receipt verifies, and its files are intact. */
    public List<IntegrityCheck> verify(CurrentUser user, UUID depositId) {
        return integrity.verify(get(user, depositId));
    }

    Unit unit(CurrentUser user, UUID unitId) {
        GeneratingUnit unit = directory.unitById(unitId).orElseThrow(() -> new RecordNotFound("Generating unit", unitId));
        KeyEmitter emitter = directory.emitterById(unit.emitterId()).orElseThrow();
        if (!readers.sees(user, emitter.region(), emitter.uscc())) {
            throw new RecordNotFound("Generating unit", unitId);
        }
        return new Unit(emitter, unit);
    }

    record Unit(KeyEmitter emitter, GeneratingUnit unit) {
    }

    private static ReviewLevel reviewLevel(Deposit d, CurrentUser user) {
        ReviewLevel level = d.status().waitingFor().orElseThrow(() -> invalid("status", "deposit.notUnderReview",
                "This version is {0}, not waiting for a review", d.status()));
        level.requireActor(user, d.region());
        return level;
    }

    private Deposit editable(CurrentUser user, UUID depositId, Integer expectedVersion) {
        Deposit d = get(user, depositId);
        MrvAccess.requireEmitter(user, d.emitter());
        if (d.status() != DepositStatus.DRAFT) {
            throw invalid("status", "deposit.frozen", "This version was submitted and can no longer change; a correction is a new version");
        }
        if (expectedVersion != null && d.version() != expectedVersion) {
            throw new ConcurrentModification("Monthly deposit", d.id());
        }
        return d;
    }

    private void lock(Deposit d, int expectedVersion) {
        if (!store.touch(d.id(), expectedVersion)) {
            throw new ConcurrentModification("Monthly deposit", d.id());
        }
    }

    private static void tooLong(String field, String value, int max, List<FieldViolation> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(FieldViolation.of(field, "deposit.text.tooLong", "At most {0} characters", max));
        }
    }

    private void requireEnded(YearMonth month) {
        LocalDate today = deadlines.today();
        if (!month.isBefore(YearMonth.from(today))) {
            throw invalid("month", "deposit.month.notEnded", "{0} has not ended yet; a month is deposited after it ends", month);
        }
    }

    private static Deposit withSubmitter(Deposit d, String by) {
        return new Deposit(d.id(), d.emitter(), d.emitterName(), d.region(), d.unitId(), d.unitCode(), d.month(), d.depositVersion(),
                d.replaces(), d.status(), d.channel(), d.sampleId(), d.samplePlace(), d.findings(), d.contentSha256(), d.logIndex(),
                d.submittedAt(), by, d.version(), d.values(), d.evidence());
    }

    static ValidationFailed invalid(String field, String key, String message, Object... args) {
        return new ValidationFailed(FieldViolation.of(field, key, message, args));
    }
}
