package org.opencets.mrv;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.accounting.AccountingRules;
import org.opencets.accounting.EntityAccount;
import org.opencets.accounting.Gap;
import org.opencets.accounting.StreamsAccount;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineNotSet;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.evidence.StoredEvidence;
import org.opencets.identity.CurrentUser;
import org.opencets.notary.MerkleHash;
import org.opencets.notary.Receipt;
import org.opencets.notary.TransparencyLog;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annual emission reports (年度温室气体排放报告, seed 002 §二(三), §三(一)). A power report compiles from the approved
 * monthly deposits; a non-power report from its source streams and supplementary data. The emitter adds explanations
 * and documents and submits; submission freezes the computed figures, logs their hash and opens the review: district
 * then city for power, the city for other sectors. A report with gaps cannot be submitted and says why.
 */
@Service
public class AnnualReports {

    static final String LOG_REPORT = "ANNUAL_REPORT";
    static final int EXPLANATION_LENGTH = 5000;
    /** The data years the schema holds (V12 check). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final MrvReaders readers;
    private final ReportStore store;
    private final DepositStore events;
    private final ReportCompiler compiler;
    private final AccountingRulesSource rules;
    private final KeyEmitterDirectory directory;
    private final EvidenceFiles files;
    private final TransparencyLog log;
    private final Deadlines deadlines;
    private final ReportObligations obligations;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    AnnualReports(ReportStore store, DepositStore events, ReportCompiler compiler, AccountingRulesSource rules, KeyEmitterDirectory directory,
            EvidenceFiles files, TransparencyLog log, Deadlines deadlines, ReportObligations obligations, ApplicationEventPublisher publisher,
            JsonMapper json, Clock clock, MrvReaders readers) {
        this.store = store;
        this.events = events;
        this.compiler = compiler;
        this.rules = rules;
        this.directory = directory;
        this.files = files;
        this.log = log;
        this.deadlines = deadlines;
        this.obligations = obligations;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.readers = readers;
    }

    /** The report page: the live version (or the newest returned one), its figures, deadline and what blocks submission. */
    public AnnualReportView view(CurrentUser user, Uscc uscc, int year) {
        KeyEmitter emitter = emitter(user, uscc);
        requireYear(year);
        List<AnnualReport> versions = store.versions(uscc, year);
        AnnualReport report = shown(versions);
        ReportFigures figures = figures(emitter, year, report);
        List<ReviewEvent> history = versions.reversed().stream().flatMap(v -> events.events(v.id()).stream()).toList();
        return new AnnualReportView(emitter, year, report, figures, due(emitter, year).orElse(null), blockers(user, emitter, year, report, figures),
                history, versions, emitter.sector().isPower() ? null : SupplementaryTable.of(emitter.industry()));
    }

    /** The figures as they stand: frozen with a submitted version, computed now for a draft or before one exists. */
    public ReportFigures figures(CurrentUser user, Uscc uscc, int year) {
        KeyEmitter emitter = emitter(user, uscc);
        return figures(emitter, year, shown(store.versions(uscc, year)));
    }

    /** The version a page shows: the live one, else the newest returned one, else none. */
    private static AnnualReport shown(List<AnnualReport> versions) {
        return versions.stream().filter(r -> r.status() != ReportStatus.RETURNED).findFirst()
                .orElse(versions.isEmpty() ? null : versions.getFirst());
    }

    ReportFigures figures(KeyEmitter emitter, int year, AnnualReport report) {
        if (report != null && report.status().frozen()) {
            String account = store.account(report.id()).orElseThrow();
            return emitter.sector().isPower() ? new ReportFigures.Power(json.readValue(account, EntityAccount.class))
                    : new ReportFigures.Streams(json.readValue(account, StreamsAccount.class));
        }
        AccountingRules yearRules = rules.rules(year, emitter.region());
        if (emitter.sector().isPower()) {
            return compiler.power(emitter, year, yearRules);
        }
        AnnualReport streams = report != null ? report : emptyReport(emitter, year);
        return compiler.streams(streams, SupplementaryTable.of(emitter.industry()), yearRules);
    }

    /** The draft to work on: the existing one, a new one, or a correction of the returned version (copying its content). */
    @Transactional
    public AnnualReport draft(CurrentUser user, Uscc uscc, int year) {
        KeyEmitter emitter = emitter(user, uscc);
        MrvAccess.requireEmitter(user, uscc);
        Optional<AnnualReport> live = store.live(uscc, year);
        if (live.isPresent()) {
            if (live.get().editable()) {
                return live.get();
            }
            throw invalid("status", live.get().status() == ReportStatus.APPROVED ? "report.approved" : "report.underReview",
                    "The {0} report is already submitted", year);
        }
        requireYear(year);
        if (year > LocalDate.now(clock).getYear()) {
            throw invalid("year", "report.year.future", "The {0} report cannot be started before the year", year);
        }
        rules.rules(year, emitter.region()); // a year without accounting data cannot be reported yet
        List<AnnualReport> versions = store.versions(uscc, year);
        AnnualReport returned = versions.isEmpty() ? null : versions.getFirst();
        UUID id = UUID.randomUUID();
        store.insert(new ReportStore.NewReport(id, uscc, emitter.name(), emitter.region(), emitter.sector(), year, store.nextVersion(uscc, year),
                returned == null ? null : returned.id(), returned == null ? "" : returned.explanation(), user.username()));
        if (returned != null) {
            store.replaceStreams(id, returned.streams(), returned.products());
            returned.attachments().forEach(a -> store.attach(id, a));
        }
        events.event(id, "REPORT", returned == null ? "DRAFTED" : "CORRECTION_STARTED", user.username(), user.organisationName(), List.of());
        return store.find(id).orElseThrow();
    }

    @Transactional
    public AnnualReport saveExplanation(CurrentUser user, UUID reportId, int expectedVersion, String explanation) {
        AnnualReport r = editable(user, reportId);
        String text = explanation == null ? "" : explanation.strip();
        if (text.length() > EXPLANATION_LENGTH) {
            throw invalid("explanation", "report.explanation.tooLong", "At most {0} characters", EXPLANATION_LENGTH);
        }
        if (!store.saveExplanation(r.id(), expectedVersion, text)) {
            throw new ConcurrentModification("Annual report", r.id());
        }
        return store.find(r.id()).orElseThrow();
    }

    /** A non-power report's source streams and product outputs; every bad row is named at once and nothing is saved. */
    @Transactional
    public AnnualReport saveStreams(CurrentUser user, UUID reportId, int expectedVersion, List<StreamEntry> streams, Map<String, BigDecimal> products) {
        AnnualReport r = editable(user, reportId);
        if (r.sector().isPower()) {
            throw invalid("streams", "report.streams.power", "A power report compiles from the monthly deposits");
        }
        SupplementaryTable table = SupplementaryTable.of(directory.findByUscc(r.emitter()).orElseThrow().industry());
        List<FieldViolation> problems = new ArrayList<>(StreamRules.check(streams));
        Map<String, BigDecimal> outputs = new LinkedHashMap<>();
        products.keySet().stream().filter(k -> table.products().stream().noneMatch(p -> p.key().equals(k))).forEach(k -> problems.add(
                FieldViolation.of("product." + k, "report.product.unknown", "{0} is not a product line of this sector''s table", k)));
        for (SupplementaryTable.Product p : table.products()) {
            BigDecimal v = products.get(p.key());
            if (v != null && v.signum() < 0) {
                problems.add(FieldViolation.of("product." + p.key(), "report.product.negative", "{0} cannot be negative", p.key()));
            }
            if (v != null) {
                outputs.put(p.key(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        if (!store.touch(r.id(), expectedVersion)) {
            throw new ConcurrentModification("Annual report", r.id());
        }
        store.replaceStreams(r.id(), streams, outputs);
        return store.find(r.id()).orElseThrow();
    }

    @Transactional
    public AnnualReport attach(CurrentUser user, UUID reportId, String fileName, InputStream content) {
        AnnualReport r = editable(user, reportId);
        StoredEvidence stored = files.store(user, fileName, content);
        store.attach(r.id(), new ReportAttachment(stored.uploadId(), stored.sha256(), stored.fileName(), stored.sizeBytes(), clock.instant(),
                user.username()));
        store.touch(r.id(), r.version());
        return store.find(r.id()).orElseThrow();
    }

    @Transactional
    public AnnualReport detach(CurrentUser user, UUID reportId, UUID uploadId) {
        AnnualReport r = editable(user, reportId);
        store.detach(r.id(), uploadId);
        store.touch(r.id(), r.version());
        return store.find(r.id()).orElseThrow();
    }

    /** Submits the draft: refused with every gap and blocker named; otherwise freezes the figures and logs their hash. */
    @Transactional
    public AnnualReport submit(CurrentUser user, UUID reportId, int expectedVersion) {
        return submit(user, reportId, expectedVersion, clock.instant());
    }

    /** The API's one-step submission: starts the draft if needed and submits it; a refusal leaves nothing behind. */
    @Transactional
    public AnnualReport submitYear(CurrentUser user, Uscc uscc, int year) {
        AnnualReport draft = draft(user, uscc, year);
        return submit(user, draft.id(), draft.version());
    }

    /** Migrates a report filed on the national platform before OpenCETS, recorded with its original submission time. */
    @Transactional
    public AnnualReport submitHistorical(CurrentUser user, UUID reportId, int expectedVersion, Instant originallySubmitted) {
        if (originallySubmitted.isAfter(clock.instant())) {
            throw invalid("submittedAt", "report.historical.future", "A historical submission cannot lie in the future");
        }
        return submit(user, reportId, expectedVersion, originallySubmitted);
    }

    private AnnualReport submit(CurrentUser user, UUID reportId, int expectedVersion, Instant at) {
        AnnualReport r = editable(user, reportId);
        if (r.version() != expectedVersion) {
            throw new ConcurrentModification("Annual report", r.id());
        }
        KeyEmitter emitter = directory.findByUscc(r.emitter()).orElseThrow();
        ReportFigures figures = figures(emitter, r.year(), r);
        List<FieldViolation> blockers = blockers(user, emitter, r.year(), r, figures);
        if (!blockers.isEmpty()) {
            throw new ValidationFailed(blockers);
        }
        String account = json.writeValueAsString(figures instanceof ReportFigures.Power p ? p.account() : ((ReportFigures.Streams) figures).account());
        byte[] hash = MerkleHash.sha256(canonical(r, account).getBytes(StandardCharsets.UTF_8));
        Receipt receipt = log.append(LOG_REPORT, r.id().toString(), hash);
        LocalDate day = at.atZone(clock.getZone()).toLocalDate();
        boolean late = due(emitter, r.year()).map(d -> day.isAfter(d.due())).orElse(false);
        if (!store.markSubmitted(r.id(), expectedVersion, account, HexFormat.of().formatHex(hash), receipt.index(), late, at, user.username())) {
            throw new ConcurrentModification("Annual report", r.id());
        }
        events.event(r.id(), "REPORT", "SUBMITTED", user.username(), user.organisationName(), List.of());
        AnnualReport submitted = store.find(r.id()).orElseThrow();
        obligations.submitted(submitted, user.username());
        return submitted;
    }

    /** The district's (power, SUBMITTED) or the city's approval; the city's completes the review and publishes the figures. */
    @Transactional
    public AnnualReport approve(CurrentUser user, UUID reportId, int expectedVersion) {
        AnnualReport r = get(user, reportId);
        ReviewLevel level = reviewLevel(r, user);
        ReportStatus to = level == ReviewLevel.DISTRICT ? ReportStatus.DISTRICT_APPROVED : ReportStatus.APPROVED;
        if (!store.moveStatus(r.id(), expectedVersion, r.status(), to)) {
            throw new ConcurrentModification("Annual report", r.id());
        }
        events.event(r.id(), "REPORT", level == ReviewLevel.DISTRICT ? "DISTRICT_APPROVED" : "CITY_APPROVED", user.username(),
                user.organisationName(), List.of());
        AnnualReport after = store.find(r.id()).orElseThrow();
        if (level == ReviewLevel.DISTRICT) {
            obligations.districtApproved(after, user.username());
        } else {
            obligations.approved(after, user.username());
            publisher.publishEvent(approvedEvent(after));
        }
        return after;
    }

    @Transactional
    public AnnualReport returnWithReasons(CurrentUser user, UUID reportId, int expectedVersion, List<String> reasons) {
        AnnualReport r = get(user, reportId);
        ReviewLevel level = reviewLevel(r, user);
        List<String> given = ReviewLevel.requireReasons(reasons);
        if (!store.moveStatus(r.id(), expectedVersion, r.status(), ReportStatus.RETURNED)) {
            throw new ConcurrentModification("Annual report", r.id());
        }
        events.event(r.id(), "REPORT", level == ReviewLevel.DISTRICT ? "DISTRICT_RETURNED" : "CITY_RETURNED", user.username(),
                user.organisationName(), given);
        AnnualReport after = store.find(r.id()).orElseThrow();
        obligations.returned(after, user.username());
        return after;
    }

    @Transactional
    public void discard(CurrentUser user, UUID reportId) {
        store.deleteDraft(editable(user, reportId).id());
    }

    public AnnualReport get(CurrentUser user, UUID reportId) {
        return store.find(reportId).filter(r -> readers.sees(user, r.region(), r.emitter()))
                .orElseThrow(() -> new RecordNotFound("Annual report", reportId));
    }

    /** The approved reports of a data year the user's jurisdiction covers (what the city verifies next). */
    public List<ApprovedReport> approved(CurrentUser user, int year) {
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        return store.inStatus(prefix, ReportStatus.APPROVED).stream().filter(r -> r.year() == year)
                .filter(r -> readers.sees(user, r.region(), r.emitter())).map(this::approvedFigures).toList();
    }

    /** One approved report with its frozen figures. */
    public ApprovedReport approvedReport(CurrentUser user, UUID reportId) {
        AnnualReport r = get(user, reportId);
        if (r.status() != ReportStatus.APPROVED) {
            throw invalid("status", "report.notApproved", "Only an approved report can be verified");
        }
        return approvedFigures(r);
    }

    private ApprovedReport approvedFigures(AnnualReport listed) {
        AnnualReport r = store.find(listed.id()).orElseThrow(); // with its products and streams
        KeyEmitter emitter = directory.findByUscc(r.emitter()).orElseThrow();
        ReportFigures figures = figures(emitter, r.year(), r);
        List<ApprovedReport.Line> lines = switch (figures) {
            case ReportFigures.Power p -> p.account().units().stream().map(u -> new ApprovedReport.Line(u.unit(), u.totalEmissions().value(),
                    u.complianceEmissions().value(), u.generation().value(), u.heatSupplied().value())).toList();
            case ReportFigures.Streams s -> List.of(new ApprovedReport.Line(ApprovedReport.ENTITY, s.totalEmissions(), s.complianceEmissions(), null, null));
        };
        return new ApprovedReport(r, figures.totalEmissions(), figures.complianceEmissions(), lines, r.products() == null ? Map.of() : r.products());
    }

    public List<ReviewEvent> history(CurrentUser user, UUID reportId) {
        return events.events(get(user, reportId).id());
    }

    /** What waits for this bureau: power submissions for a district; district-approved power and submitted non-power for a city. */
    public List<AnnualReport> reviewQueue(CurrentUser user) {
        return switch (user.kind()) {
            case DISTRICT_BUREAU -> store.inStatus(user.region().prefix(), ReportStatus.SUBMITTED).stream().filter(r -> r.sector().isPower()).toList();
            case CITY_BUREAU -> {
                List<AnnualReport> queue = new ArrayList<>(store.inStatus(user.region().prefix(), ReportStatus.DISTRICT_APPROVED));
                store.inStatus(user.region().prefix(), ReportStatus.SUBMITTED).stream().filter(r -> !r.sector().isPower()).forEach(queue::add);
                yield queue;
            }
            default -> List.of();
        };
    }

    public Optional<Receipt> receipt(CurrentUser user, UUID reportId) {
        return log.receipts(LOG_REPORT, get(user, reportId).id().toString()).stream().findFirst();
    }

    /** Why the report cannot be submitted now (empty when it can): who asks, its state, the year, every gap. */
    List<FieldViolation> blockers(CurrentUser user, KeyEmitter emitter, int year, AnnualReport report, ReportFigures figures) {
        List<FieldViolation> blockers = new ArrayList<>();
        if (!MrvAccess.isEmitter(user, emitter.uscc())) {
            blockers.add(FieldViolation.of("user", "report.blocker.notEmitter", "Only the emitter's own officers submit its report"));
        }
        if (report != null && report.status().frozen() && report.status() != ReportStatus.RETURNED) {
            blockers.add(FieldViolation.of("status", "report.blocker.submitted", "This version is already submitted"));
        }
        if (year >= LocalDate.now(clock).getYear()) {
            blockers.add(FieldViolation.of("year", "report.blocker.yearNotEnded", "The {0} report is submitted after the year ends", year));
        }
        if (figures instanceof ReportFigures.Power p && p.account().units().isEmpty()) {
            blockers.add(FieldViolation.of("units", "report.blocker.noUnits", "No generating unit of this emitter operated in {0}", year));
        }
        if (!emitter.sector().isPower() && (report == null || report.streams().isEmpty())) {
            blockers.add(FieldViolation.of("streams", "report.blocker.noStreams", "Enter the source streams of the year"));
        }
        for (Gap g : figures.gaps()) {
            blockers.add(gapViolation(g));
        }
        return blockers;
    }

    static FieldViolation gapViolation(Gap g) {
        List<Object> args = new ArrayList<>();
        args.add(g.unit());
        args.add(g.month() == null ? "" : g.month().toString());
        args.add(g.field() == null ? "" : g.field());
        args.addAll(g.args());
        String field = g.unit() + (g.month() == null ? "" : "/" + g.month()) + (g.field() == null ? "" : "/" + g.field());
        return new FieldViolation(field, "report.gap." + g.code(), "Data missing or wrong: " + field + " (" + g.code() + ")", args);
    }

    private AnnualReportApproved approvedEvent(AnnualReport r) {
        ReportFigures figures = figures(directory.findByUscc(r.emitter()).orElseThrow(), r.year(), r);
        Map<String, BigDecimal> units = new LinkedHashMap<>();
        if (figures instanceof ReportFigures.Power p) {
            p.account().units().forEach(u -> units.put(u.unit(), u.complianceEmissions().value()));
        }
        return new AnnualReportApproved(r.id(), r.emitter(), r.year(), r.reportVersion(), figures.totalEmissions(), figures.complianceEmissions(), units);
    }

    private Optional<Deadline> due(KeyEmitter emitter, int year) {
        try {
            return Optional.of(deadlines.due(ReportObligations.reportDeadline(emitter), year, emitter.region()));
        } catch (DeadlineNotSet e) {
            return Optional.empty();
        }
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw invalid("year", "report.year.range", "Reports cover data years {0}–{1}", FIRST_YEAR, LAST_YEAR);
        }
    }

    private KeyEmitter emitter(CurrentUser user, Uscc uscc) {
        KeyEmitter emitter = directory.findByUscc(uscc).orElseThrow(() -> new RecordNotFound("Key emitter", uscc.value()));
        if (!readers.sees(user, emitter.region(), emitter.uscc())) {
            throw new RecordNotFound("Key emitter", uscc.value());
        }
        return emitter;
    }

    private AnnualReport editable(CurrentUser user, UUID reportId) {
        AnnualReport r = get(user, reportId);
        MrvAccess.requireEmitter(user, r.emitter());
        if (!r.editable()) {
            throw invalid("status", "report.frozen", "This version was submitted and can no longer change; a correction is a new version");
        }
        return r;
    }

    private static ReviewLevel reviewLevel(AnnualReport r, CurrentUser user) {
        ReviewLevel level = r.status().waitingFor(r.sector()).orElseThrow(() -> invalid("status", "report.notUnderReview",
                "This version is {0}, not waiting for a review", r.status()));
        level.requireActor(user, r.region());
        return level;
    }

    private static AnnualReport emptyReport(KeyEmitter emitter, int year) {
        return new AnnualReport(new UUID(0, 0), emitter.uscc(), emitter.name(), emitter.region(), emitter.sector(), year, 0, null,
                ReportStatus.DRAFT, "", false, null, null, null, null, 0, List.of(), List.of(), Map.of());
    }

    /** What the hash covers: who, which year and version, the explanation, the documents and the frozen figures. */
    private static String canonical(AnnualReport r, String account) {
        StringBuilder sb = new StringBuilder("OPENCETS-ANNUAL-REPORT-1\n");
        sb.append(r.emitter().value()).append('\n').append(r.year()).append('\n').append(r.reportVersion()).append('\n');
        sb.append(r.explanation()).append('\n');
        r.attachments().stream().map(ReportAttachment::sha256).sorted().forEach(h -> sb.append(h).append('\n'));
        return sb.append(account).toString();
    }

    static ValidationFailed invalid(String field, String key, String message, Object... args) {
        return MonthlyDeposits.invalid(field, key, message, args);
    }
}
