package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencets.accounting.StreamKind;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.Role;
import org.opencets.mrv.AnnualReport;
import org.opencets.mrv.AnnualReports;
import org.opencets.mrv.StreamEntry;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.Demo;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the verification tests: cement plants of their own (fresh USCCs in 北仑区 330206, industry 3011) with an
 * approved 2025 annual report, their officers, verification firms of their own (fresh VERIFIER organisations with a
 * filed profile and a verifier) and the demo's users (nb.city, zj.officer, verifier1, verifier2 …).
 */
final class VerificationFixtures {

    static final int YEAR = 2025;
    static final String REGION = "330206";
    static final String YONGQING_USCC = "91330212MA2HCE501P";
    static final String JIACHENG_USCC = "91330602MA2JYGBC54";
    static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    /** A fresh key emitter with its (test-made) officer. */
    record Plant(KeyEmitter emitter, CurrentUser officer) {

        Uscc uscc() {
            return emitter.uscc();
        }
    }

    /** What a refused call must leave as it was. */
    record Snapshot(TaskStatus status, int version, long events, long visits, long findings, long conclusions, long objections, long reverifications,
            long published, String documentReview) {
    }

    private final KeyEmitterDirectory directory;
    private final Organisations organisations;
    private final AnnualReports reports;
    private final Accounts accounts;
    private final VerificationFirms firms;
    private final VerificationTasks tasks;
    private final JdbcClient jdbc;

    /** The fixtures take the beans they need from the shared test context. */
    VerificationFixtures(org.springframework.context.ApplicationContext context) {
        this.directory = context.getBean(KeyEmitterDirectory.class);
        this.organisations = context.getBean(Organisations.class);
        this.reports = context.getBean(AnnualReports.class);
        this.accounts = context.getBean(Accounts.class);
        this.firms = context.getBean(VerificationFirms.class);
        this.tasks = context.getBean(VerificationTasks.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }


    // ---- people -----------------------------------------------------------------------------------

    CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    CurrentUser city() {
        return user("nb.city");
    }

    CurrentUser province() {
        return user("zj.officer");
    }

    CurrentUser verifier1() {
        return user("verifier1");
    }

    CurrentUser verifier2() {
        return user("verifier2");
    }

    static CurrentUser person(String username, Organisation org, OrganisationKind kind) {
        return new CurrentUser(UUID.randomUUID(), username, username, org.id(), org.name(), kind, org.region(), org.uscc(), EnumSet.of(Role.OFFICER));
    }

    // ---- emitters ---------------------------------------------------------------------------------

    /** A cement plant registered by Ningbo in 北仑区 whose 2025 report (source streams) the city approved. */
    Plant cementPlant(String name) {
        return cementPlant(name, "1000");
    }

    Plant cementPlant(String name, String coalTonnes) {
        String uscc = Demo.freshUscc(REGION);
        String unique = name + "-" + uscc.substring(8, 14);
        KeyEmitter emitter = directory.register(city(), new EmitterForm(uscc, unique, REGION, "3011", "NORMAL", "浙江省宁波市北仑区核查测试路 1 号", "测试法人",
                "测试联系人", "0574-86000000", "verification.test@example.com"));
        Organisation org = organisations.findByUscc(emitter.uscc()).orElseThrow();
        CurrentUser officer = person("verification.test.plant." + uscc.toLowerCase(), org, OrganisationKind.KEY_EMITTER);
        AnnualReport r = reports.draft(officer, emitter.uscc(), YEAR);
        r = reports.saveStreams(officer, r.id(), r.version(), List.of(
                new StreamEntry(StreamKind.FUEL_COMBUSTION, "窑头窑尾燃煤（烟煤）", "BITUMINOUS", new BigDecimal(coalTonnes), "t", new BigDecimal("22.416"), null,
                        null, null, "入厂煤化验"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t", null, null, null, new BigDecimal("0.528"), null),
                new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, "外购电力", null, new BigDecimal("10000"), "MWh", null, null, null, null, null)),
                Map.of("CLINKER", new BigDecimal("50000"), "CEMENT", new BigDecimal("64000")));
        r = reports.submit(officer, r.id(), r.version());
        r = reports.approve(city(), r.id(), r.version());
        assertThat(r.status().name()).isEqualTo("APPROVED");
        return new Plant(emitter, officer);
    }

    /** The plant's 2025 task, created by the city (with whatever other approved reports lack one). */
    VerificationTask task(Plant plant) {
        tasks.createTasks(city(), YEAR);
        return taskOf(plant);
    }

    VerificationTask taskOf(Plant plant) {
        List<VerificationTask> mine = tasks.tasks(city(), YEAR).stream().filter(t -> t.emitter().equals(plant.uscc())).toList();
        assertThat(mine).as("tasks of %s", plant.uscc()).hasSize(1);
        return mine.getFirst();
    }

    /** A fresh plant whose task the city assigned by hand to the firm. */
    VerificationTask assigned(Plant plant, UUID firmId) {
        VerificationTask t = task(plant);
        return tasks.assign(city(), t.id(), t.version(), firmId);
    }

    // ---- firms ------------------------------------------------------------------------------------

    Firm demoFirm(String uscc) {
        return firms.firms().stream().filter(f -> f.uscc().value().equals(uscc)).findFirst().orElseThrow();
    }

    Firm yongqing() {
        return demoFirm(YONGQING_USCC);
    }

    Firm jiacheng() {
        return demoFirm(JIACHENG_USCC);
    }

    /**
     * A firm of the test's own: a VERIFIER organisation in 鄞州区, its qualification and sectors filed by the province,
     * one verifier with a credential valid for the sectors for another two years.
     */
    Firm freshFirm(String name, Set<Sector> sectors) {
        String uscc = Demo.freshUscc("330212");
        Organisation org = organisations.registerUnchecked(name + "-" + uscc.substring(8, 14), OrganisationKind.VERIFIER, RegionCode.of("330212"),
                Uscc.of(uscc));
        Firm firm = firms.firm(org.id());
        firms.updateProfile(province(), firm.organisationId(), firm.version(), "浙江省温室气体排放核查技术服务机构名录（测试）备案", sectors, true);
        firms.addVerifier(province(), firm.organisationId(), "测试核查员", "ZJHC-T-" + uscc.substring(8, 17), LocalDate.now(CHINA).plusYears(2), sectors);
        return firms.firm(org.id());
    }

    /** An officer of the firm (made up here; the firm's organisation is real). */
    CurrentUser officerOf(Firm firm) {
        Organisation org = organisations.find(firm.organisationId()).orElseThrow();
        return person("verification.test.firm." + firm.uscc().value().toLowerCase(), org, OrganisationKind.VERIFIER);
    }

    /** Takes a test firm out of later draws (other tests draw every unassigned task of the city). */
    void retire(Firm firm) {
        Firm now = firms.firm(firm.organisationId());
        firms.updateProfile(province(), now.organisationId(), now.version(), now.qualification(), now.sectors(), false);
    }

    // ---- figures ----------------------------------------------------------------------------------

    /** The reported figures as a conclusion's lines. */
    static List<Conclusion.Line> reported(VerificationTask t) {
        return t.lines().stream().map(l -> new Conclusion.Line(l.unit(), l.emissions(), l.compliance(), l.generationMwh(), l.heatGj())).toList();
    }

    /** The reported figures less the given tonnes (emissions and compliance emissions alike). */
    static List<Conclusion.Line> less(VerificationTask t, String tonnes) {
        BigDecimal d = new BigDecimal(tonnes);
        return t.lines().stream().map(l -> new Conclusion.Line(l.unit(), l.emissions().subtract(d).setScale(2, RoundingMode.HALF_UP),
                l.compliance().subtract(d).setScale(2, RoundingMode.HALF_UP), l.generationMwh(), l.heatGj())).toList();
    }

    static Map<String, Reverification.Figures> figures(List<Conclusion.Line> lines) {
        Map<String, Reverification.Figures> m = new java.util.LinkedHashMap<>();
        lines.forEach(l -> m.put(l.unit(), new Reverification.Figures(l.emissions(), l.compliance())));
        return m;
    }

    static ConclusionInput input(VerificationTask t, List<Conclusion.Line> lines, String opinion) {
        return new ConclusionInput(lines, t.products(), opinion);
    }

    static BigDecimal sum(List<Conclusion.Line> lines, java.util.function.Function<Conclusion.Line, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    // ---- time -------------------------------------------------------------------------------------

    static Instant daysAgo(int days) {
        return LocalDate.now(CHINA).minusDays(days).atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant();
    }

    static Instant on(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant();
    }

    // ---- what a refusal must not change -----------------------------------------------------------

    Snapshot snapshot(UUID taskId) {
        var row = jdbc.sql("select status, version, coalesce(document_review, '') as review from verification.task where id = ?").param(taskId)
                .query((rs, n) -> new Object[] {rs.getString("status"), rs.getInt("version"), rs.getString("review")}).single();
        return new Snapshot(TaskStatus.valueOf((String) row[0]), (Integer) row[1], count("task_event", taskId), count("site_visit", taskId),
                count("finding", taskId), count("conclusion", taskId), count("objection", taskId), count("reverification", taskId),
                count("published_result", taskId), (String) row[2]);
    }

    long count(String table, UUID taskId) {
        return jdbc.sql("select count(*) from verification." + table + " where task_id = ?").param(taskId).query(Long.class).single();
    }

    /** Refused with exactly this one field and message key. */
    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                        .containsExactly(org.assertj.core.api.Assertions.tuple(field, key)));
    }
}
