package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.ApiKeys;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (not in the suite; run {@code bench/registry.sh [clients] [seconds] [rounds]}): transfers per second
 * between funded emitter accounts through the registry's application service ({@link Registry#transfer}, in-process)
 * and through the REST API ({@code POST /api/v1/registry/transfers} over real HTTP with {@link HttpClient},
 * authenticated with each emitter organisation's API key as a plant's or a broker's system would call it), against
 * {@code pgbench -b tpcb-like -M prepared} on the same embedded PostgreSQL with the same number of clients, in a
 * database of its own. Prints for each TPS, p50 and p99 (pgbench's from its per-transaction log {@code -l}: its summary
 * has only the mean), the ratios to pgbench, CPU per transaction (PostgreSQL's processes, this JVM by thread group,
 * other processes) and what the server's backends were doing (pg_stat_activity samples); then proof that nothing was lost
 * or made up (one operation and one ledger transfer per successful request, the bench accounts' total unchanged, the
 * returned operation equal to the one recorded, the invariant check), and a profile: one transfer's round trips and the
 * server CPU of each (against tpcb-like sent the same way from Java, and pgbench's own per-statement latencies), the
 * server's row work per request, optionally perf samples of the backends, and JFR samples of the JVM.
 * <p>
 * Everything runs on one machine: the JVM (app and bench clients, including the HTTP client) and PostgreSQL share
 * the CPUs, while pgbench's client is a small C program. With rounds &gt; 1 the three alternate, so that other load on
 * the machine hits them alike.
 */
@IntegrationTest
class RegistryBench {

    static final int CLIENTS = env("BENCH_CLIENTS", 8);
    static final int SECONDS = env("BENCH_SECONDS", 20);
    static final int ACCOUNTS = env("BENCH_ACCOUNTS", 1000);
    static final int WARMUP_SECONDS = env("BENCH_WARMUP", 10);
    /** Rounds of (pgbench, service, api), each run {@code SECONDS} long; the figures are over all rounds. */
    static final int ROUNDS = env("BENCH_ROUNDS", 1);
    /** pgbench's scale: scale × 1 branch, 10 tellers, 100,000 accounts; at least the clients, so not every transaction queues on one branch row. */
    static final int SCALE = Math.max(CLIENTS, env("BENCH_PGBENCH_SCALE", CLIENTS));
    /** A short extra API run with HTTP Basic (a person's password, BCrypt-checked on every request); 0 skips it. */
    static final int BASIC_SECONDS = env("BENCH_BASIC_SECONDS", 5);
    static final int PROFILE_TRANSFERS = env("BENCH_PROFILE_TRANSFERS", 2000);
    static final String PGBENCH = System.getenv().getOrDefault("BENCH_PGBENCH", "/usr/bin/pgbench");
    static final String PGBENCH_DB = "pgbench_bench";
    static final long FUNDS = 1_000_000;
    static final Vintage VINTAGE = Vintage.ofYear(2023);
    static final List<String> REGIONS = List.of("330206", "330203", "330211", "330212", "330602", "330603");
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final String PASSWORD = "Bench@" + RUN;

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Registry registry;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerStore store;
    @Autowired
    InvariantChecker checker;
    @Autowired
    PolicyYearData policy;
    @Autowired
    org.opencets.identity.Regions regions;
    @Autowired
    WorkClock clock;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    /** A bench emitter: its organisation, its account, an officer acting in the service, and its organisation's API key. */
    record Holder(Organisation organisation, Account account, CurrentUser officer, String apiKey) {
        String number() {
            return account.number();
        }
    }

    /** One transfer by one client; false (or an exception) is a failed request. */
    interface Client {
        boolean transfer(int thread, Holder from, Holder to, int quantity, String id) throws Exception;
    }

    @Test
    void transfers() throws Exception {
        long s0 = System.nanoTime();
        List<Holder> holders = seed();
        long s1 = System.nanoTime();
        for (String table : List.of("registry.account", "registry.holding", "registry.operation", "registry.transfer", "identity.organisation",
                "identity.api_key")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        System.out.printf("BENCH seeding (not part of the figures): %d emitter organisations with an account, an API key and %,d t of vintage %s"
                + " each in %d ms%n", holders.size(), FUNDS, VINTAGE, (s1 - s0) / 1_000_000);
        System.out.printf("BENCH config: %d clients, %d s per run (after %d s warm-up each), %d accounts, random pairs, 1–10 t per transfer;"
                + " pgbench scale %d (%d branch rows, %d teller rows, %,d account rows: scale ≥ clients, so tpcb-like's branch update is not"
                + " one hot row for all clients); %d CPUs, JVM heap %d MB%n", CLIENTS, SECONDS, WARMUP_SECONDS, holders.size(), SCALE, SCALE,
                SCALE * 10, SCALE * 100_000L, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long before = benchBalance(holders);
        assertThat(before).isEqualTo(FUNDS * holders.size());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = "http://localhost:" + port + "/api/v1/registry/transfers";
        Client service = (t, from, to, q, id) -> {
            registry.transfer(from.officer(), id, from.number(), to.number(), VINTAGE, q, null);
            return true;
        };
        Client api = (t, from, to, q, id) -> post(http, url, "X-API-Key", from.apiKey(), id, from, to, q);

        // Warm-up (JIT, pools, plans): not counted in the figures, but checked with the rest below.
        run("warm-up service", prefix("warm-svc"), holders, WARMUP_SECONDS, service, null);
        run("warm-up api", prefix("warm-api"), holders, WARMUP_SECONDS, api, null);

        pgbenchInit(SCALE);
        List<Phase> pgs = new ArrayList<>();
        List<Phase> svcs = new ArrayList<>();
        List<Phase> apis = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // the three one after the other in each round, so that other load on the machine hits them alike
            Phase pg = pgbench(CLIENTS, SECONDS);
            Phase svc = run("service", prefix("svc" + round), holders, SECONDS, service, null);
            Phase rest = run("api", prefix("api" + round), holders, SECONDS, api, null);
            System.out.printf("BENCH round %d of %d: pgbench %.0f, service %.0f (%.2f), api %.0f (%.2f) transfers/s%n", round, ROUNDS, pg.tps(),
                    svc.tps(), svc.tps() / pg.tps(), rest.tps(), rest.tps() / pg.tps());
            pgs.add(pg);
            svcs.add(svc);
            apis.add(rest);
        }
        pgbenchDrop();
        Phase pg = Phase.merge(pgs);
        Phase svc = Phase.merge(svcs);
        Phase rest = Phase.merge(apis);
        Phase basic = null;
        if (BASIC_SECONDS > 0) {
            List<String> logins = basicUsers(holders);
            Client basicClient = (t, from, to, q, id) -> post(http, url, "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((logins.get(t) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)), id, from, to, q);
            // client t is the person of holder t and sends from holder t's account only
            basic = run("api (HTTP Basic)", prefix("basic"), holders, BASIC_SECONDS, basicClient, t -> holders.get(t));
        }

        System.out.println("BENCH ---- results (" + CLIENTS + " clients, " + ROUNDS + " × " + SECONDS
                + " s each, interleaved; same embedded PostgreSQL 17, TCP on localhost)");
        print("pgbench tpcb-like -M prepared", pg);
        print("registry service (Registry.transfer)", svc);
        print("registry REST API (X-API-Key)", rest);
        if (basic != null) {
            print("registry REST API (HTTP Basic, " + BASIC_SECONDS + " s)", basic);
        }
        double ratioSvc = svc.tps() / pg.tps();
        double ratioApi = rest.tps() / pg.tps();
        System.out.printf("BENCH ratio service/pgbench %.2f (goal ≥ 0.70: %s), api/pgbench %.2f, api/service %.2f%n", ratioSvc,
                ratioSvc >= 0.7 ? "met" : "NOT met", ratioApi, rest.tps() / svc.tps());
        double pgCpu = pg.cpu.postgresSeconds() + Math.max(0, pg.cpu.busySeconds() - pg.cpu.postgresSeconds() - pg.cpu.jvmSeconds());
        System.out.printf("BENCH cost ratio (CPU per transaction, what bounds TPS when the CPUs are saturated): pgbench ≤ %.0f µs (server + pgbench"
                + " + any other load), service %.0f µs (server + JVM), api %.0f µs (server + JVM incl. the HTTP client)%n",
                pgCpu * 1e6 / pg.ok, (svc.cpu.postgresSeconds() + svc.cpu.jvmSeconds()) * 1e6 / svc.ok,
                (rest.cpu.postgresSeconds() + rest.cpu.jvmSeconds()) * 1e6 / rest.ok);
        System.out.printf("BENCH pgbench detail: %s%n", pg.note);

        // Nothing lost, nothing extra: every successful request is one transfer; the bench accounts still hold what was issued.
        for (String phase : new java.util.TreeSet<>(okCount.keySet())) {
            long ok = okCount.getOrDefault(phase, 0L);
            long transfers = jdbc.sql("""
                    select count(*) from registry.transfer t join registry.operation o on o.id = t.operation_id
                    where o.idempotency_id like ? and o.kind = 'TRANSFER' and t.phase = 'POSTED'""").param(prefix(phase) + "%").query(Long.class).single();
            long operations = jdbc.sql("select count(*) from registry.operation where idempotency_id like ?").param(prefix(phase) + "%")
                    .query(Long.class).single();
            System.out.printf("BENCH check %s: %d successful requests, %d operations, %d ledger transfers: %s%n", phase, ok, operations, transfers,
                    ok == transfers && ok == operations ? "equal" : "MISMATCH");
            assertThat(transfers).isEqualTo(ok);
            assertThat(operations).isEqualTo(ok);
        }
        long after = benchBalance(holders);
        System.out.printf("BENCH check balances: the %d bench accounts hold %,d t before and %,d t after (transfers only between them)%n",
                holders.size(), before, after);
        assertThat(after).isEqualTo(before);
        // what a request returns is what the registry recorded: the operation read back equals the one returned
        int same = 0;
        for (int i = 0; i < 100; i++) {
            Holder from = holders.get(i);
            Holder to = holders.get(holders.size() - 1 - i);
            Submitted s = registry.transfer(from.officer(), prefix("readback") + i, from.number(), to.number(), VINTAGE, 1 + i % 10, i % 2 == 0 ? null : "bench");
            assertThat(s.operation()).isEqualTo(store.operation(s.operation().id()).orElseThrow());
            Submitted again = registry.transfer(from.officer(), prefix("readback") + i, from.number(), to.number(), VINTAGE, 1 + i % 10, i % 2 == 0 ? null : "bench");
            assertThat(again.replayed()).isTrue();
            assertThat(again.operation()).isEqualTo(s.operation());
            same++;
        }
        System.out.printf("BENCH check returned operations: %d transfers' returned operation equals the one read back from the database, and"
                + " their retries (same id) return it again without moving anything%n", same);
        InvariantCheck check = checker.run("bench");
        System.out.printf("BENCH invariant check: passed %s, %,d transfers and %,d holdings checked in %d ms%s%n", check.passed(),
                check.transfersChecked(), check.holdingsChecked(), check.millis(), check.passed() ? "" : ", violations " + check.violations());
        assertThat(check.passed()).isTrue();

        perf(holders);
        profile(holders);
        assertThat(svc.failed).isZero();
        assertThat(rest.failed).isZero();
    }

    // ---- the runs

    /** Successful requests per id prefix (phase). */
    final Map<String, Long> okCount = new ConcurrentHashMap<>();

    String prefix(String phase) {
        return "bench-" + RUN + "-" + phase + "-";
    }

    static final class Phase {
        String label;
        long ok;
        long failed;
        double seconds;
        long[] latencies; // ns, sorted
        Cpu cpu;
        String waits = "";
        String note = "";
        List<String> errors = new ArrayList<>();

        double tps() {
            return ok / seconds;
        }

        static Phase merge(List<Phase> phases) {
            Phase all = new Phase();
            all.label = phases.get(0).label;
            all.ok = phases.stream().mapToLong(p -> p.ok).sum();
            all.failed = phases.stream().mapToLong(p -> p.failed).sum();
            all.seconds = phases.stream().mapToDouble(p -> p.seconds).sum();
            all.latencies = phases.stream().flatMapToLong(p -> Arrays.stream(p.latencies)).sorted().toArray();
            all.cpu = phases.stream().map(p -> p.cpu).reduce(Cpu::plus).orElseThrow();
            all.note = phases.get(phases.size() - 1).note;
            all.waits = phases.get(phases.size() - 1).waits;
            phases.forEach(p -> all.errors.addAll(p.errors));
            return all;
        }

        double percentileMs(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }
    }

    /** CLIENTS threads each sending random transfers (or, with {@code fixedSource}, from their own account) for {@code seconds}. */
    Phase run(String label, String idPrefix, List<Holder> holders, int seconds, Client client, java.util.function.IntFunction<Holder> fixedSource)
            throws InterruptedException {
        String phase = idPrefix.substring(("bench-" + RUN + "-").length(), idPrefix.length() - 1);
        List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().name("bench-client-" + t).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] lat = new long[1 << 14];
                int n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = window[0] + seconds * 1_000_000_000L;
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    Holder from = fixedSource != null ? fixedSource.apply(thread) : holders.get(random.nextInt(holders.size()));
                    Holder to;
                    do {
                        to = holders.get(random.nextInt(holders.size()));
                    } while (to == from);
                    int quantity = 1 + random.nextInt(10);
                    String id = idPrefix + thread + "-" + i;
                    long r0 = System.nanoTime();
                    boolean success;
                    try {
                        success = client.transfer(thread, from, to, quantity, id);
                    } catch (Exception e) {
                        success = false;
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    }
                    long r1 = System.nanoTime();
                    if (success) {
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = r1 - r0;
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
                clientCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
                perThread.add(Arrays.copyOf(lat, n));
            }));
        }
        Cpu cpu0 = Cpu.now(postmaster());
        Waits waits = new Waits("opencets");
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        window[1] = System.nanoTime();
        waits.close();
        Cpu cpu1 = Cpu.now(postmaster());
        Phase p = new Phase();
        p.label = label;
        p.ok = ok.get();
        p.failed = failed.get();
        p.seconds = (window[1] - window[0]) / 1e9;
        p.latencies = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        p.cpu = cpu1.minus(cpu0).withClientThreads(clientCpu.get() / 1e9);
        p.errors = errors;
        p.waits = waits.summary();
        okCount.merge(phase, p.ok, Long::sum);
        System.out.printf("BENCH run %s: %d ok, %d failed in %.1f s = %.0f transfers/s, p50 %.2f ms, p99 %.2f ms; cpu %s%s%n", label, p.ok,
                p.failed, p.seconds, p.tps(), p.percentileMs(50), p.percentileMs(99), p.cpu.perTransaction(Math.max(1, p.ok)),
                errors.isEmpty() ? "" : "; errors " + errors);
        return p;
    }

    static boolean post(HttpClient http, String url, String header, String credentials, String id, Holder from, Holder to, int quantity)
            throws IOException, InterruptedException {
        String body = "{\"id\":\"" + id + "\",\"from\":\"" + from.number() + "\",\"to\":\"" + to.number() + "\",\"vintage\":\"" + VINTAGE
                + "\",\"quantity\":" + quantity + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(header, credentials).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return true;
    }

    void print(String label, Phase p) {
        System.out.printf("BENCH %-42s %8.0f TPS  p50 %6.2f ms  p99 %6.2f ms  (mean %.2f ms, %d ok, %d failed, %.1f s)%n", label, p.tps(),
                p.percentileMs(50), p.percentileMs(99), p.meanMs(), p.ok, p.failed, p.seconds);
        System.out.printf("BENCH   cpu: %.2f of %d CPUs busy; %s%n", p.cpu.busySeconds() / p.seconds, Runtime.getRuntime().availableProcessors(),
                p.cpu.perTransaction(p.ok));
        System.out.printf("BENCH   server backends (pg_stat_activity every 10 ms, last round): %s%n", p.waits);
    }

    // ---- pgbench

    List<String> pgbenchConnection() {
        return List.of("-h", "localhost", "-p", Integer.toString(postgres.getPort()), "-U", "postgres", PGBENCH_DB);
    }

    void pgbenchInit(int scale) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + PGBENCH_DB);
            s.execute("create database " + PGBENCH_DB);
        }
        long i0 = System.nanoTime();
        String init = exec(concat(List.of(PGBENCH, "-i", "-q", "-s", Integer.toString(scale)), pgbenchConnection()));
        System.out.printf("BENCH pgbench -i -s %d in %d ms (%s)%n", scale, (System.nanoTime() - i0) / 1_000_000,
                init.lines().filter(l -> l.startsWith("done")).findFirst().orElse("").strip());
    }

    void pgbenchDrop() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + PGBENCH_DB); // no autovacuum of its tables during later runs
        }
    }

    Phase pgbench(int clients, int seconds) throws Exception {
        Path logs = Files.createTempDirectory("pgbench-logs-");
        Cpu cpu0 = Cpu.now(postmaster());
        Waits waits = new Waits(PGBENCH_DB);
        long t0 = System.nanoTime();
        // -l: one line per transaction (latency in µs) for the percentiles; pgbench itself prints only the mean and stddev
        String out = exec(concat(List.of(PGBENCH, "-b", "tpcb-like", "-c", Integer.toString(clients), "-j", Integer.toString(clients), "-T",
                Integer.toString(seconds), "-M", "prepared", "-l", "--log-prefix=" + logs.resolve("tx")), pgbenchConnection()));
        long t1 = System.nanoTime();
        waits.close();
        Cpu cpu1 = Cpu.now(postmaster());
        Phase p = new Phase();
        p.label = "pgbench";
        p.waits = waits.summary();
        double tps = Double.parseDouble(group(out, "tps = ([0-9.]+) \\(without initial connection time\\)"));
        p.ok = Long.parseLong(group(out, "number of transactions actually processed: (\\d+)"));
        String failedLine = group(out, "number of failed transactions: (\\d+)");
        p.failed = failedLine == null ? 0 : Long.parseLong(failedLine);
        p.seconds = p.ok / tps; // so that ok / seconds is pgbench's own tps (without connection time)
        List<Long> lat = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] fields = line.split(" ");
                    if (fields.length >= 6 && fields[2].chars().allMatch(Character::isDigit)) {
                        lat.add(Long.parseLong(fields[2]) * 1000); // µs → ns
                    }
                }
                Files.delete(f);
            }
        }
        Files.delete(logs);
        p.latencies = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        p.cpu = cpu1.minus(cpu0);
        p.note = String.format("%d transactions in the per-transaction logs (= processed: %s); pgbench's own latency average %s ms; wall time"
                + " %.1f s; %s", lat.size(), lat.size() == p.ok ? "yes" : "NO", group(out, "latency average = ([0-9.]+) ms"),
                (t1 - t0) / 1e9, out.lines().filter(l -> l.startsWith("tps") || l.startsWith("scaling") || l.startsWith("number of clients"))
                        .map(String::strip).toList());
        System.out.printf("BENCH run pgbench: %d transactions, %.0f tps, p50 %.2f ms, p99 %.2f ms; cpu %s%n", p.ok, tps, p.percentileMs(50),
                p.percentileMs(99), p.cpu.perTransaction(p.ok));
        return p;
    }

    static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- seeding

    List<Holder> seed() {
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            RegionCode region = RegionCode.of(REGIONS.get(i % REGIONS.size()));
            Uscc uscc = Uscc.of(Demo.freshUscc(region.value()));
            String name = "基准测试排放单位 " + RUN + "-" + i;
            Organisation org = organisations.registerUnchecked(name, OrganisationKind.KEY_EMITTER, region, uscc);
            Account account = registry.emitterAccount(uscc, name, region);
            String key = apiKeys.issueUnchecked(org.id(), "bench " + RUN, "bench").secretKey();
            CurrentUser officer = new CurrentUser(UUID.randomUUID(), "bench-" + RUN + "-" + i, "基准经办人", org.id(), org.name(),
                    OrganisationKind.KEY_EMITTER, region, uscc, EnumSet.of(Role.OFFICER));
            holders.add(new Holder(org, account, officer, key));
        }
        Account issuance = registry.national(AccountKind.NATIONAL_ISSUANCE);
        for (int from = 0; from < holders.size(); from += 100) {
            List<Ledger.Move> moves = holders.subList(from, Math.min(holders.size(), from + 100)).stream()
                    .map(h -> new Ledger.Move(issuance, HoldingState.AVAILABLE, h.account(), HoldingState.AVAILABLE, UnitType.CEA, VINTAGE, FUNDS))
                    .toList();
            ledger.submit(new Ledger.Request("bench-issue:" + RUN + ":" + from, OperationKind.ISSUANCE, null, null, Map.of(), moves, false,
                    Ledger.Initiator.platform("bench issuance")));
        }
        return holders;
    }

    /** One person with a password for each of the first CLIENTS bench organisations. */
    List<String> basicUsers(List<Holder> holders) {
        List<String> logins = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            String username = "bench-" + RUN + "-" + t;
            people.createUnchecked(holders.get(t).organisation().id(), username, "基准经办人 " + t, null, EnumSet.of(Role.OFFICER), PASSWORD);
            logins.add(username);
        }
        return logins;
    }

    long benchBalance(List<Holder> holders) {
        return jdbc.sql("select coalesce(sum(balance), 0) from registry.holding where account_id = any(?)")
                .param(holders.stream().map(h -> h.account().id()).toArray(Long[]::new)).query(Long.class).single();
    }

    // ---- what the server's backends are doing, sampled from pg_stat_activity every 10 ms during a run

    /** Shares of backend samples by state and wait event (null wait event while active = on a CPU or waiting for one). */
    final class Waits implements AutoCloseable {
        final Map<String, Integer> counts = new ConcurrentHashMap<>();
        final Thread thread;
        volatile boolean stop;

        Waits(String database) {
            thread = Thread.ofPlatform().daemon().name("bench-waits").start(() -> {
                try (Connection c = postgres.getDatabase("postgres", "opencets").getConnection();
                        PreparedStatement ps = c.prepareStatement("""
                                select state, wait_event_type, wait_event from pg_stat_activity
                                where datname = ? and backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
                    ps.setString(1, database);
                    while (!stop) {
                        try (var rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String state = rs.getString(1);
                                String type = rs.getString(2);
                                String key = state + (type == null ? " (on CPU or runnable)" : " " + type + ":" + rs.getString(3));
                                counts.merge(key, 1, Integer::sum);
                            }
                        }
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    counts.merge("sampler failed: " + e, 1, Integer::sum);
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
        }

        String summary() {
            int total = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).sum());
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total)).toList().toString();
        }
    }

    // ---- CPU accounting (Linux /proc): all CPUs, this JVM, and the PostgreSQL server's processes

    record Cpu(double busySeconds, double jvmSeconds, double postgresSeconds, Threads threads) {

        static final double HZ = 100.0; // USER_HZ

        static Cpu now(long postmaster) {
            try {
                String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < all.length; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(all[i]);
                    }
                }
                double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
                return new Cpu(busy / HZ, jvm, postgresTicks(postmaster) / HZ, Threads.now());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The postmaster's own and reaped children's time, plus every live child's (backends, autovacuum, ...). */
        static long postgresTicks(long postmaster) throws IOException {
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(proc.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17, ppid 4
                    if (pid == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } else if (Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks;
        }

        Cpu minus(Cpu o) {
            return new Cpu(busySeconds - o.busySeconds, jvmSeconds - o.jvmSeconds, postgresSeconds - o.postgresSeconds, threads.minus(o.threads));
        }

        Cpu plus(Cpu o) {
            return new Cpu(busySeconds + o.busySeconds, jvmSeconds + o.jvmSeconds, postgresSeconds + o.postgresSeconds, threads.plus(o.threads));
        }

        Cpu withClientThreads(double seconds) {
            return new Cpu(busySeconds, jvmSeconds, postgresSeconds, new Threads(threads.app(), threads.clients(), threads.jit(), seconds));
        }

        String perTransaction(long transactions) {
            double k = 1e6 / transactions;
            double named = threads.app() + threads.clients() + threads.jit() + threads.benchThreads();
            return String.format("µs per transaction: PostgreSQL %.0f, JVM %.0f (bench client threads %.0f, server threads (Tomcat, Hikari, ...)"
                    + " %.0f, JDK HTTP client %.0f, GC, JIT and other VM %.0f), other processes %.0f", postgresSeconds * k, jvmSeconds * k,
                    threads.benchThreads() * k, Math.max(0, threads.app()) * k, Math.max(0, threads.clients()) * k, Math.max(0, jvmSeconds - named) * k,
                    Math.max(0, busySeconds - postgresSeconds - jvmSeconds) * k);
        }
    }

    /** CPU seconds of this JVM's live threads by group (threads that ended meanwhile are missed; carriers and pools live on). */
    record Threads(double app, double clients, double jit, double benchThreads) {

        static Threads now() {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] ids = mx.getAllThreadIds();
            long[] cpu = mx.getThreadCpuTime(ids);
            java.lang.management.ThreadInfo[] info = mx.getThreadInfo(ids);
            double app = 0;
            double clients = 0;
            double jit = 0;
            for (int i = 0; i < ids.length; i++) {
                if (info[i] == null || cpu[i] < 0 || info[i].getThreadName().startsWith("bench-client-")) { // counted by themselves
                    continue;
                }
                String name = info[i].getThreadName();
                if (name.startsWith("HttpClient-")) {
                    clients += cpu[i] / 1e9;
                } else if (name.contains("CompilerThread")) {
                    jit += cpu[i] / 1e9;
                } else {
                    app += cpu[i] / 1e9;
                }
            }
            return new Threads(app, clients, jit, 0);
        }

        Threads minus(Threads o) {
            return new Threads(app - o.app, clients - o.clients, jit - o.jit, benchThreads - o.benchThreads);
        }

        Threads plus(Threads o) {
            return new Threads(app + o.app, clients + o.clients, jit + o.jit, benchThreads + o.benchThreads);
        }
    }

    long postmaster;

    long postmaster() {
        if (postmaster == 0) {
            int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
            try {
                String stat = Files.readString(Path.of("/proc/" + backend + "/stat"));
                postmaster = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return postmaster;
    }

    // ---- profile: round trips and time of one transfer, one client at a time

    /**
     * The same service wired over one dedicated connection that counts and times every statement and commit, with the
     * server backend's own CPU time around each ({@code /proc/<pid>/schedstat}); one client, so the times are round trips
     * plus the server's work, without queueing. Next to it, pgbench's tpcb-like transaction sent the same way from Java,
     * and pgbench's own per-statement latencies with one client.
     */
    void profile(List<Holder> holders) throws Exception {
        if (PROFILE_TRANSFERS <= 0) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection raw = postgres.getDatabase("postgres", "opencets").getConnection()) {
            Counting counting = new Counting(raw);
            DataSource counted = counting.wrap(new org.springframework.jdbc.datasource.SingleConnectionDataSource(raw, true));
            LedgerStore countedStore = new LedgerStore(JdbcClient.create(counted), json);
            Ledger countedLedger = new Ledger(countedStore, new DataSourceTransactionManager(counted), json, clock);
            Registry countedRegistry = new Registry(countedStore, countedLedger, policy, regions, clock, new OffsetStore(JdbcClient.create(counted)), e -> { });
            int[] i = {0};
            counting.loop("Registry.transfer", 500, PROFILE_TRANSFERS, () -> {
                int a = random.nextInt(holders.size());
                int b = (a + 1 + random.nextInt(holders.size() - 1)) % holders.size();
                countedRegistry.transfer(holders.get(a).officer(), prefix("prof") + i[0]++, holders.get(a).number(), holders.get(b).number(), VINTAGE,
                        1 + random.nextInt(10), null);
            });
        }
        pgbenchInit(SCALE);
        try (Connection raw = postgres.getDatabase("postgres", PGBENCH_DB).getConnection()) {
            Counting counting = new Counting(raw);
            DataSource counted = counting.wrap(new org.springframework.jdbc.datasource.SingleConnectionDataSource(raw, true));
            JdbcClient pgb = JdbcClient.create(counted);
            org.springframework.transaction.support.TransactionTemplate tx =
                    new org.springframework.transaction.support.TransactionTemplate(new DataSourceTransactionManager(counted));
            counting.loop("tpcb-like from Java (JdbcClient + TransactionTemplate)", 500, PROFILE_TRANSFERS, () -> tx.executeWithoutResult(st -> {
                int aid = 1 + random.nextInt(100_000 * SCALE);
                int bid = 1 + random.nextInt(SCALE);
                int tid = 1 + random.nextInt(10 * SCALE);
                int delta = random.nextInt(-5000, 5001);
                pgb.sql("UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?").params(delta, aid).update();
                pgb.sql("SELECT abalance FROM pgbench_accounts WHERE aid = ?").param(aid).query(Integer.class).single();
                pgb.sql("UPDATE pgbench_tellers SET tbalance = tbalance + ? WHERE tid = ?").params(delta, tid).update();
                pgb.sql("UPDATE pgbench_branches SET bbalance = bbalance + ? WHERE bid = ?").params(delta, bid).update();
                pgb.sql("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)").params(tid, bid, aid, delta)
                        .update();
            }));
        }
        // pgbench with one client, per statement (-r)
        String out = exec(concat(List.of(PGBENCH, "-b", "tpcb-like", "-c", "1", "-j", "1", "-T", "5", "-M", "prepared", "-r"), pgbenchConnection()));
        System.out.printf("BENCH profile pgbench tpcb-like, 1 client: %s tps, latency average %s ms; per statement (ms):%n",
                group(out, "tps = ([0-9.]+) \\(without"), group(out, "latency average = ([0-9.]+) ms"));
        boolean statements = false;
        for (String line : out.lines().toList()) {
            if (line.contains("statement latencies")) {
                statements = true;
                continue;
            }
            if (statements && !line.isBlank() && !line.contains("\\set")) {
                System.out.println("BENCH profile   pgbench " + line.strip().replaceAll("\\s+", " "));
            }
        }
        pgbenchDrop();
        serverWork(holders);
        jfr(holders);
    }

    /**
     * What one request costs the server, from its own counters (pg_stat_database of the app's database): transactions
     * (every autocommit statement is one), rows inserted, updated, fetched, per request, one client, service then API.
     * Backends flush their counters when idle for 10 s, hence the pauses.
     */
    void serverWork(List<Holder> holders) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = "http://localhost:" + port + "/api/v1/registry/transfers";
        Map<String, Client> clients = new LinkedHashMap<>();
        clients.put("service", (t, from, to, q, id) -> {
            registry.transfer(from.officer(), id, from.number(), to.number(), VINTAGE, q, null);
            return true;
        });
        clients.put("api", (t, from, to, q, id) -> post(http, url, "X-API-Key", from.apiKey(), id, from, to, q));
        int n = Math.min(PROFILE_TRANSFERS, 1000);
        Thread.sleep(11_000);
        Map<String, Long> s0 = dbStats();
        Thread.sleep(11_000);
        Map<String, Long> idle = dbStats();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Long> last = idle;
        for (Map.Entry<String, Client> c : clients.entrySet()) {
            for (int i = 0; i < n; i++) {
                int a = random.nextInt(holders.size());
                int b = (a + 1 + random.nextInt(holders.size() - 1)) % holders.size();
                c.getValue().transfer(0, holders.get(a), holders.get(b), 1, prefix("work-" + c.getKey()) + i);
            }
            Thread.sleep(11_000);
            Map<String, Long> now = dbStats();
            StringBuilder line = new StringBuilder();
            for (String k : now.keySet()) {
                double background = idle.get(k) - s0.get(k); // the same 11 s with nothing running
                line.append(String.format("%s %.1f, ", k, (now.get(k) - last.get(k) - background) / n));
            }
            System.out.printf("BENCH profile server work per %s transfer (1 client, %d transfers, less an idle window): %s%n", c.getKey(), n,
                    line.substring(0, line.length() - 2));
            last = now;
        }
    }

    Map<String, Long> dbStats() {
        return jdbc.sql("""
                select xact_commit + xact_rollback transactions, tup_inserted rows_inserted, tup_updated rows_updated,
                  tup_fetched rows_fetched, tup_returned rows_returned, blks_hit + blks_read blocks
                from pg_stat_database where datname = current_database()""").query((rs, i) -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    for (String k : List.of("transactions", "rows_inserted", "rows_updated", "rows_fetched", "rows_returned", "blocks")) {
                        m.put(k, rs.getLong(k));
                    }
                    return m;
                }).single();
    }

    /**
     * Counts and times every statement execution and commit/rollback made through the wrapped DataSource, with the
     * server backend's CPU time around each (the backend is idle before and after a round trip, so the difference is that
     * statement's work on the server, protocol included).
     */
    static final class Counting {
        final Map<String, long[]> stats = Collections.synchronizedMap(new LinkedHashMap<>()); // count, wall ns, server ns
        final Path schedstat;

        Counting(Connection raw) throws Exception {
            try (Statement s = raw.createStatement(); var rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                schedstat = Path.of("/proc/" + rs.getInt(1) + "/schedstat");
            }
        }

        long serverNanos() {
            try {
                String text = Files.readString(schedstat);
                return Long.parseLong(text.substring(0, text.indexOf(' ')));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        interface Work {
            void run() throws Exception;
        }

        void loop(String label, int warm, int n, Work work) throws Exception {
            for (int i = 0; i < warm; i++) {
                work.run();
            }
            stats.clear();
            var mx = ManagementFactory.getThreadMXBean();
            long server0 = serverNanos();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                work.run();
            }
            long wall = System.nanoTime() - t0;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long server = serverNanos() - server0;
            long calls = stats.values().stream().mapToLong(s -> s[0]).sum();
            long inCalls = stats.values().stream().mapToLong(s -> s[1]).sum();
            System.out.printf("BENCH profile %s, 1 client, %d times: %.3f ms each, %.2f round trips (%.3f ms waiting in them); server backend CPU"
                    + " %.0f µs, this thread's CPU %.0f µs (JDBC driver, Spring, the service, and this profiler's /proc reads)%n", label, n, wall / 1e6 / n,
                    calls / (double) n, inCalls / 1e6 / n, server / 1e3 / n, cpu / 1e3 / n);
            stats.forEach((what, s) -> System.out.printf("BENCH profile   %5.2f × %-72s %.3f ms round trip, server %4.0f µs%n", s[0] / (double) n, what,
                    s[1] / 1e6 / Math.max(1, s[0]), s[2] / 1e3 / Math.max(1, s[0])));
        }

        void record(String what, long nanos, long server) {
            long[] s = stats.computeIfAbsent(what, k -> new long[3]);
            s[0]++;
            s[1] += nanos;
            s[2] += server;
        }

        DataSource wrap(DataSource ds) {
            return proxy(DataSource.class, ds, (m, args, result) -> result instanceof Connection c ? connection(c) : result, null);
        }

        Connection connection(Connection c) {
            return proxy(Connection.class, c, (m, args, result) -> {
                if (result instanceof PreparedStatement ps) {
                    return statement(PreparedStatement.class, ps, (String) args[0]);
                }
                if (result instanceof Statement st) {
                    return statement(Statement.class, st, null);
                }
                return result;
            }, (m, args) -> m.getName().equals("commit") || m.getName().equals("rollback") ? m.getName() : null);
        }

        <S extends Statement> S statement(Class<S> type, S s, String sql) {
            return proxy(type, s, (m, args, result) -> result, (m, args) -> {
                if (!m.getName().startsWith("execute")) {
                    return null;
                }
                String text = sql != null ? sql : String.valueOf(args == null || args.length == 0 ? "?" : args[0]);
                text = text.replaceAll("\\s+", " ").strip();
                return text.length() > 72 ? text.substring(0, 69) + "..." : text;
            });
        }

        interface After {
            Object apply(Method m, Object[] args, Object result) throws Exception;
        }

        /** The label to time a call under, or null not to time it. */
        interface Timed {
            String label(Method m, Object[] args);
        }

        @SuppressWarnings("unchecked")
        <T> T proxy(Class<T> type, T target, After after, Timed timed) {
            InvocationHandler handler = (p, m, args) -> {
                String label = timed == null ? null : timed.label(m, args);
                long s0 = label == null ? 0 : serverNanos();
                long t0 = System.nanoTime();
                Object result;
                try {
                    result = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (label != null) {
                    long t1 = System.nanoTime();
                    record(label, t1 - t0, serverNanos() - s0);
                }
                return after.apply(m, args, result);
            };
            return (T) Proxy.newProxyInstance(RegistryBench.class.getClassLoader(), new Class<?>[] {type}, handler);
        }
    }

    // ---- where the server's time goes under load: perf samples of the app's PostgreSQL backends during a service run

    static final int PERF_SECONDS = env("BENCH_PERF_SECONDS", 0);

    void perf(List<Holder> holders) throws Exception {
        if (PERF_SECONDS <= 0 || !Files.isExecutable(Path.of("/usr/bin/perf"))) {
            return;
        }
        List<Integer> backends = jdbc.sql("select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'")
                .query(Integer.class).list();
        Path data = Files.createTempFile("registry-bench-", ".perf");
        Process perf = new ProcessBuilder("/usr/bin/perf", "record", "-q", "-F", "199", "--call-graph", "dwarf,16384", "-o", data.toString(), "-p",
                backends.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), "--", "sleep", Integer.toString(PERF_SECONDS))
                .redirectErrorStream(true).start();
        Client service = (t, from, to, q, id) -> {
            registry.transfer(from.officer(), id, from.number(), to.number(), VINTAGE, q, null);
            return true;
        };
        run("perf service", prefix("perf-svc"), holders, PERF_SECONDS, service, null);
        String recordOut = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        perf.waitFor();
        for (String mode : List.of("--no-children", "--children")) {
            String report = exec(List.of("/usr/bin/perf", "report", "-i", data.toString(), "--stdio", mode, "--sort", "symbol", "-g", "none",
                    "--percent-limit", mode.equals("--children") ? "2.5" : "0.8"));
            System.out.printf("BENCH perf PostgreSQL backends during the service run, %s (%d backends; %s):%n",
                    mode.equals("--children") ? "inclusive (children)" : "self", backends.size(), recordOut.strip());
            report.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).limit(90).forEach(l -> System.out.println("BENCH perf   " + l.strip()));
        }
        String keep = System.getenv("BENCH_PERF_KEEP");
        if (keep != null) {
            Files.move(data, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(data);
        }
        // the plan of the operation read-back as the server runs it once prepared (generic plan)
        jdbc.sql("prepare bench_op(uuid) as " + "select o.*, a.number account_number, d.outcome, d.decider_name, d.reason, d.decided_at"
                + " from registry.operation o left join registry.account a on a.id = o.account_id"
                + " left join registry.operation_decision d on d.operation_id = o.id where o.id = $1").update();
        jdbc.sql("set plan_cache_mode = force_generic_plan").update();
        jdbc.sql("explain execute bench_op(gen_random_uuid())").query(String.class).list().forEach(l -> System.out.println("BENCH plan op read-back " + l));
        jdbc.sql("reset plan_cache_mode").update();
        jdbc.sql("deallocate bench_op").update();
    }

    // ---- where the JVM's time goes under load: JFR execution samples during a run

    static final int JFR_SECONDS = env("BENCH_JFR_SECONDS", 10);

    void jfr(List<Holder> holders) throws Exception {
        if (JFR_SECONDS <= 0) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = "http://localhost:" + port + "/api/v1/registry/transfers";
        Map<String, Client> clients = new LinkedHashMap<>();
        clients.put("service", (t, from, to, q, id) -> {
            registry.transfer(from.officer(), id, from.number(), to.number(), VINTAGE, q, null);
            return true;
        });
        clients.put("api", (t, from, to, q, id) -> post(http, url, "X-API-Key", from.apiKey(), id, from, to, q));
        for (Map.Entry<String, Client> c : clients.entrySet()) {
            Path file = Files.createTempFile("registry-bench-", ".jfr");
            try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
                recording.start();
                run("jfr " + c.getKey(), prefix("jfr-" + c.getKey()), holders, JFR_SECONDS, c.getValue(), null);
                recording.stop();
                recording.dump(file);
            }
            Map<String, Integer> byLayer = new java.util.TreeMap<>();
            Map<String, Integer> byMethod = new java.util.HashMap<>();
            int samples = 0;
            for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
                String layer = "other (JDK, ...)";
                for (jdk.jfr.consumer.RecordedFrame frame : frames) {
                    String l = layer(frame.getMethod().getType().getName());
                    if (l != null) {
                        layer = l;
                        break;
                    }
                }
                byLayer.merge(layer, 1, Integer::sum);
                if (!frames.isEmpty()) {
                    var m = frames.get(0).getMethod();
                    byMethod.merge(m.getType().getName() + "." + m.getName(), 1, Integer::sum);
                }
            }
            Files.delete(file);
            int total = Math.max(1, samples);
            System.out.printf("BENCH jfr %s: %d execution samples; by the innermost layer on the stack: %s%n", c.getKey(), samples,
                    byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                            .map(x -> String.format("%s %.0f%%", x.getKey(), 100.0 * x.getValue() / total)).toList());
            System.out.printf("BENCH jfr %s: top methods (self): %s%n", c.getKey(),
                    byMethod.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                            .map(x -> String.format("%s %.1f%%", x.getKey(), 100.0 * x.getValue() / total)).toList());
        }
    }

    static String layer(String type) {
        if (type.startsWith("org.postgresql")) {
            return "PostgreSQL JDBC driver";
        }
        if (type.startsWith("com.zaxxer.hikari")) {
            return "Hikari";
        }
        if (type.startsWith("tools.jackson") || type.startsWith("com.fasterxml.jackson")) {
            return "Jackson";
        }
        if (type.startsWith("org.springframework.security")) {
            return "Spring Security";
        }
        if (type.startsWith("org.apache.catalina") || type.startsWith("org.apache.coyote") || type.startsWith("org.apache.tomcat")) {
            return "Tomcat";
        }
        if (type.startsWith("org.springframework.web") || type.startsWith("org.springframework.http")) {
            return "Spring MVC";
        }
        if (type.startsWith("org.springframework.jdbc")) {
            return "Spring JDBC";
        }
        if (type.startsWith("org.springframework.transaction")) {
            return "Spring transactions";
        }
        if (type.startsWith("org.springframework")) {
            return "Spring (other)";
        }
        if (type.startsWith("jdk.internal.net.http") || type.startsWith("java.net.http")) {
            return "JDK HTTP client (bench side)";
        }
        if (type.startsWith("org.opencets.registry.RegistryBench")) {
            return "bench";
        }
        if (type.startsWith("org.opencets")) {
            return "OpenCETS code";
        }
        if (type.startsWith("sun.nio") || type.startsWith("java.nio") || type.startsWith("sun.net") || type.startsWith("java.net")) {
            return "JDK networking";
        }
        if (type.startsWith("java.security") || type.startsWith("sun.security")) {
            return "JDK security (digests)";
        }
        return null;
    }

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
