package org.opencets.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyValue;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Account;
import org.opencets.registry.PendingOffset;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.registry.Surrendered;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import org.springframework.stereotype.Service;

/**
 * Status per emitter and year, the regional dashboard, compliance certificates (履约证明, seed 003 §五(三)) and the
 * pre-filled CCER application form (seed 001 附表1/2).
 */
@Service
public class ComplianceOverview {

    static final String ISSUER = "全国碳排放权注册登记机构";

    private final ComplianceStore store;
    private final Registry registry;
    private final PendingOffsets offsets;
    private final Deadlines deadlines;
    private final PolicyYearData policy;
    private final org.opencets.identity.Regions regions;
    private final ComplianceDocuments documents;
    private final WorkClock clock;

    ComplianceOverview(ComplianceStore store, Registry registry, PendingOffsets offsets, Deadlines deadlines, PolicyYearData policy,
            org.opencets.identity.Regions regions, ComplianceDocuments documents, WorkClock clock) {
        this.store = store;
        this.registry = registry;
        this.offsets = offsets;
        this.deadlines = deadlines;
        this.policy = policy;
        this.regions = regions;
        this.documents = documents;
        this.clock = clock;
    }

    /** Every emitter of the user's region with an obligation for the year, and where it stands. */
    public List<YearStanding> standings(CurrentUser user, int year) {
        String prefix = ComplianceAccess.regionPrefix(user);
        Map<String, List<Surrendered>> surrendered = registry.surrendered(year).stream().collect(Collectors.groupingBy(s -> s.emitter().value()));
        Map<String, Optional<LocalDate>> deadlineOf = new HashMap<>();
        List<YearStanding> out = new ArrayList<>();
        for (Obligation o : store.obligations(year, prefix)) {
            Optional<LocalDate> deadline = deadlineOf.computeIfAbsent(o.regionCode(), r -> deadline(DeadlineKind.SURRENDER_FINAL, year, RegionCode.of(r)));
            out.add(YearStanding.of(o.emitter(), o.emitterName(), o.regionCode(), year, o.tonnes(), o.exempt(),
                    surrendered.getOrDefault(o.emitter(), List.of()), deadline.orElse(null), clock.today()));
        }
        return out;
    }

    public ComplianceDashboard dashboard(CurrentUser user, int year) {
        String prefix = ComplianceAccess.regionPrefix(user);
        List<YearStanding> standings = standings(user, year);
        RegionCode region = prefix.isEmpty() ? null : user.region();
        Optional<LocalDate> interim = region == null ? Optional.empty() : deadline(DeadlineKind.SURRENDER_INTERIM, year, region);
        Optional<LocalDate> fin = region == null ? Optional.empty() : deadline(DeadlineKind.SURRENDER_FINAL, year, region);
        if (region == null && !standings.isEmpty()) {
            RegionCode any = RegionCode.of(standings.getFirst().regionCode());
            interim = deadline(DeadlineKind.SURRENDER_INTERIM, year, any);
            fin = deadline(DeadlineKind.SURRENDER_FINAL, year, any);
        }
        RegionCode policyRegion = region != null ? region : standings.isEmpty() ? null : RegionCode.of(standings.getFirst().regionCode());
        BigDecimal interimTarget = target(PolicyParameter.COMPLIANCE_RATE_INTERIM, year, policyRegion);
        BigDecimal finalTarget = target(PolicyParameter.COMPLIANCE_RATE_FINAL, year, policyRegion);
        List<YearStanding> counted = standings.stream().filter(s -> s.status() != ComplianceStatus.EXEMPT).toList();
        int complied = (int) counted.stream().filter(s -> s.status().complied()).count();
        int onTime = count(counted, ComplianceStatus.ON_TIME);
        LocalDate today = clock.today();
        List<ComplianceDashboard.Gap> gaps = counted.stream().filter(s -> s.gap() > 0)
                .map(s -> new ComplianceDashboard.Gap(s, s.deadline() == null ? 0 : ChronoUnit.DAYS.between(today, s.deadline())))
                .sorted(Comparator.comparingLong((ComplianceDashboard.Gap g) -> -g.standing().gap()).thenComparingLong(ComplianceDashboard.Gap::daysLeft))
                .toList();
        return new ComplianceDashboard(year, prefix, counted.size(), complied, onTime, count(counted, ComplianceStatus.LATE),
                count(counted, ComplianceStatus.PARTIAL), count(counted, ComplianceStatus.NOT_COMPLIED), count(counted, ComplianceStatus.OUTSTANDING),
                standings.size() - counted.size(), rate(complied, counted.size()), interim.orElse(null), interimTarget,
                rate(compliedBy(counted, interim.orElse(null)), counted.size()), fin.orElse(null), finalTarget,
                rate(compliedBy(counted, fin.orElse(null)), counted.size()), gaps, standings);
    }

    private static int count(List<YearStanding> standings, ComplianceStatus status) {
        return (int) standings.stream().filter(s -> s.status() == status).count();
    }

    private static int compliedBy(List<YearStanding> standings, LocalDate day) {
        if (day == null) {
            return 0;
        }
        return (int) standings.stream().filter(s -> s.completedAt() != null && !s.completedAt().atZone(WorkClock.CHINA).toLocalDate().isAfter(day)).count();
    }

    static BigDecimal rate(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private BigDecimal target(PolicyParameter parameter, int year, RegionCode region) {
        if (region == null) {
            return null;
        }
        return policy.valueOn(parameter, "", year, region, clock.today()).map(PolicyValue::decimal).orElse(null);
    }

    private Optional<LocalDate> deadline(DeadlineKind kind, int year, RegionCode region) {
        return deadlines.find(kind, year, region).map(Deadline::due);
    }

    // ---- certificate

    /** The certificate for an emitter that complied for the year; refused (with why) otherwise. */
    public ComplianceCertificate certificate(CurrentUser user, String emitter, int year) {
        Obligation o = store.obligation(emitter, year).orElseThrow(() -> new RecordNotFound("Compliance", emitter + "/" + year));
        ComplianceAccess.requireSees(user, o.emitter(), o.regionCode());
        Optional<LocalDate> deadline = deadline(DeadlineKind.SURRENDER_FINAL, year, RegionCode.of(o.regionCode()));
        List<Surrendered> surrenders = registry.surrendered(Uscc.of(emitter), year);
        YearStanding s = YearStanding.of(o.emitter(), o.emitterName(), o.regionCode(), year, o.tonnes(), o.exempt(), surrenders, deadline.orElse(null),
                clock.today());
        if (!s.status().complied() || s.completedAt() == null) {
            throw new ValidationFailed(FieldViolation.of("year", "compliance.certificate.not.complied",
                    "{0} has not surrendered its whole {1,number,#} obligation: there is no certificate", o.emitterName(), year));
        }
        String number = "LYZM-" + year + "-" + emitter.substring(emitter.length() - 8);
        String account = registry.accountOf(Uscc.of(emitter)).map(Account::number).orElse("—");
        LocalDate completed = s.completedAt().atZone(WorkClock.CHINA).toLocalDate();
        String fingerprint = sha256(String.join("|", number, Integer.toString(year), emitter, account, Long.toString(o.tonnes()),
                Long.toString(s.allowances()), Long.toString(s.ccer()), completed.toString(), s.status().name()));
        return new ComplianceCertificate(number, year, o.emitterName(), emitter, account, o.tonnes(), s.allowances(), s.ccer(), completed,
                deadline.orElse(null), s.status() == ComplianceStatus.ON_TIME, s.forced(), s.completedAt(), ISSUER, fingerprint);
    }

    public byte[] certificatePdf(CurrentUser user, String emitter, int year) {
        return documents.certificate(certificate(user, emitter, year));
    }

    // ---- application form

    public ApplicationForm applicationForm(CurrentUser user, SurrenderRequest r, int revision) {
        ComplianceAccess.requireSees(user, r.emitter(), r.regionCode());
        SurrenderRequest.Revision rev = r.revisions().stream().filter(v -> v.revision() == revision).findFirst()
                .orElseThrow(() -> new RecordNotFound("Surrender request revision", r.id() + "/" + revision));
        long obligation = store.obligation(r.emitter(), r.year()).map(Obligation::tonnes).orElse(0L);
        Map<String, ApplicationForm.Row> rows = new LinkedHashMap<>();
        List<String> ccerAccounts = new ArrayList<>();
        for (SurrenderAsk.OffsetPick pick : rev.ask().offsets()) {
            PendingOffset lot = offsets.lot(pick.offsetId()).orElse(null);
            if (lot == null) {
                continue;
            }
            if (!ccerAccounts.contains(lot.ccerAccount())) {
                ccerAccounts.add(lot.ccerAccount());
            }
            rows.merge(lot.projectNumber(), new ApplicationForm.Row(lot.projectNumber(), lot.projectName(), lot.projectType(), pick.quantity()),
                    (a, b) -> new ApplicationForm.Row(a.projectNumber(), a.projectName(), a.projectType(), a.quantity() + b.quantity()));
        }
        long offset = rev.ask().offsetTotal();
        RegionCode province = RegionCode.of(r.regionCode()).province();
        return new ApplicationForm(r.number(), revision, r.year(), regions.nameOf(province), r.emitterName(), r.emitter(),
                ccerAccounts.isEmpty() ? "—" : String.join("、", ccerAccounts), registry.accountOf(Uscc.of(r.emitter())).map(Account::number).orElse("—"),
                obligation, offset, ComplianceRules.ratioPercent(offset, obligation), r.contact().name(), r.contact().phone(), r.contact().email(),
                List.copyOf(rows.values()), rev.ask().allowances().stream()
                        .map(a -> new ApplicationForm.AllowancePart(a.vintage() + (a.borrowed() ? "（预支）" : ""), a.quantity())).toList(),
                rev.submittedAt().atZone(WorkClock.CHINA).toLocalDate(), r.late());
    }

    public byte[] applicationFormPdf(CurrentUser user, SurrenderRequest r, int revision) {
        return documents.applicationForm(applicationForm(user, r, revision));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
