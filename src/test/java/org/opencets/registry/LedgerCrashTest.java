package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's crash test: the application runs as its own JVM on a persistent embedded PostgreSQL (fsync and
 * synchronous commit on); this test is its API client and loads it from several threads with transfers, holding moves,
 * trade settlements, two-leg surrenders (reserved, pending the province's decision) and the province's approvals and
 * rejections, remembering every request the server acknowledged. Then the server JVM and every
 * PostgreSQL process are killed with SIGKILL, as a power cut would (the postmaster is a daemon of its own and survives
 * the JVM: left alone it would also keep the data directory locked). The application is started again on the same
 * data directory, PostgreSQL recovers from its WAL, and:
 * <ul>
 * <li>the invariant check passes (cached balances = sums of transfers, issued − cancelled − surrendered = held, every
 * operation has all its legs or none);</li>
 * <li>every acknowledged request is in the ledger, with the legs that were asked for, and every acknowledged decision
 * with its outcome; nothing is there that was not sent;</li>
 * <li>each holding equals its balance before the load plus the legs of the test's operations the ledger holds;</li>
 * <li>resending the requests that were in flight at the kill applies each at most once: 200 (the first outcome) for those
 * that had committed, 201 for those that had not; a decision in flight is taken once (400 when it had committed).</li>
 * </ul>
 * What SIGKILL cannot show: data lost from the operating system's page cache (a real power cut); fsync is on for that.
 * <p>
 * The server runs with the demo off (loading it takes some 40 s with fsync on); {@link LedgerCrashServer} seeds the few
 * organisations the load needs instead. The clients use API keys (checked with one SHA-256, so the load is not spent on
 * password hashing), except the province's decisions: maker-checker needs a person, who logs in with HTTP Basic.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@EnabledOnOs(value = OS.LINUX, disabledReason = "SIGKILL and /proc")
class LedgerCrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration MIN_LOAD = Duration.ofSeconds(4);
    private static final Duration MAX_LOAD = Duration.ofSeconds(60);
    private static final int MIN_ACKNOWLEDGED = 100;
    private static final long TRADING_FLOAT = 100_000;
    private static final int SURRENDER_YEAR = 2022;

    private Path work;
    private Path data;
    private Process server;
    private final List<String> report = new ArrayList<>();

    /** How a client proves who it is: an organisation's API key, or a person's HTTP Basic login. */
    record Auth(String header, String value) {
        static Auth key(String key) {
            return new Auth("X-API-Key", key);
        }

        static Auth basic(String username, String password) {
            return new Auth("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** One leg as the request asks for it. */
    record Leg(String from, String fromState, String to, String toState, String vintage, long quantity) {
    }

    /** One request of the load: where it goes, its body (resent unchanged), the ledger's id for it, and what it asks for. */
    record Sent(String id, String ledgerId, String path, Auth auth, String body, boolean needsApproval, List<Leg> legs) {
    }

    /** The province's decision on a pending surrender. */
    record Decision(String operation, boolean approve) {
        String path() {
            return "/operations/" + operation + (approve ? "/approval" : "/rejection");
        }

        String body() {
            return approve ? "" : LedgerCrashTest.body("reason", "crash test");
        }

        String outcome() {
            return approve ? "APPROVED" : "REJECTED";
        }
    }

    @Test
    void everyAcknowledgedRequestSurvivesASigkillOfTheServerAndItsDatabase() throws Exception {
        long began = System.nanoTime();
        work = Files.createTempDirectory("opencets-crash-").toRealPath();
        data = work.resolve("pg");
        Path seedFile = work.resolve("seed.properties");

        // 1. start the application on a fresh persistent data directory and seed what the load needs
        Server first = start("first", seedFile);
        Properties seed = awaitSeed(seedFile);
        String a = seed.getProperty("a.account");
        String b = seed.getProperty("b.account");
        Map<String, Auth> holder = Map.of(a, Auth.key(seed.getProperty("a.key")), b, Auth.key(seed.getProperty("b.key")));
        Auth exchange = Auth.key(seed.getProperty("exchange.key"));
        Auth operator = Auth.key(seed.getProperty("operator.key"));
        Auth province = Auth.basic(seed.getProperty("province.username"), seed.getProperty("province.password"));
        first.awaitReady(operator, a);
        note("first start (initdb, migrations, seed): %d ms", millisSince(began));

        for (String account : List.of(a, b)) {
            HttpResponse<String> r = first.post(holder.get(account), "/holding-moves", body("id", "crash-float-" + account, "account", account,
                    "vintage", "2023", "quantity", TRADING_FLOAT, "to", "TRADING"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        Map<String, Long> before = holdings(first, operator, a, b);

        // 2. load from several threads; what the server acknowledged is remembered here, in the client
        Load load = new Load(first);
        load.requests("transfers A→B", () -> transfer(holder, a, b));
        load.requests("transfers B→A", () -> transfer(holder, b, a));
        load.requests("holding moves A", () -> holdingMove(holder, a));
        load.requests("holding moves B", () -> holdingMove(holder, b));
        load.requests("trades A→B", () -> trade(exchange, a, b));
        load.requests("trades B→A", () -> trade(exchange, b, a));
        load.requests("surrenders A", () -> surrender(holder, a));
        load.requests("surrenders B", () -> surrender(holder, b));
        load.decisions("province", province);
        long loadStarted = System.nanoTime();
        load.start();
        while (millisSince(loadStarted) < MIN_LOAD.toMillis() || load.acknowledged.size() < MIN_ACKNOWLEDGED || load.decided.isEmpty()) {
            assertThat(millisSince(loadStarted)).as("%d requests and %d decisions acknowledged in %s", load.acknowledged.size(), load.decided.size(),
                    MAX_LOAD).isLessThan(MAX_LOAD.toMillis());
            assertThat(load.refused).as("requests refused under load").isEmpty();
            Thread.sleep(50);
        }

        // 3. crash: SIGKILL the JVM under load and, in the same instant, every PostgreSQL process (the postmaster is a daemon of
        // its own, not the JVM's child: left alone it would survive and keep the data directory locked against the restart)
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new AssertionError("no postmaster running for " + data));
        boolean postgresIsJvmChild = first.process.descendants().anyMatch(p -> p.pid() == postmaster.pid());
        String postmasterParent = postmaster.parent().map(p -> String.valueOf(p.pid())).orElse("?");
        List<ProcessHandle> postgres = new ArrayList<>(postgresHere());
        postgres.remove(postmaster);
        postgres.addFirst(postmaster);
        load.crashing();
        first.process.destroyForcibly();
        postgres.forEach(ProcessHandle::destroyForcibly);
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).as("server JVM killed").isTrue();
        int exit = first.process.exitValue();
        for (ProcessHandle p : postgres) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        int stragglers = killPostgres(); // forked between the snapshot and the kill
        load.stop();
        long loadMillis = millisSince(loadStarted);
        assertThat(exit).as("the JVM died of SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(data.resolve("postmaster.pid")).as("PostgreSQL did not shut down cleanly").exists();
        assertThat(load.refused).as("requests refused under load").isEmpty();
        Map<String, String> acknowledged = Map.copyOf(load.acknowledged);
        Map<String, String> decided = Map.copyOf(load.decided);
        note("load: %d ms, %d requests sent, %d acknowledged (%d surrenders), %d unanswered at the kill; %d decisions acknowledged, %d unanswered",
                loadMillis, load.sent.size(), acknowledged.size(),
                acknowledged.keySet().stream().filter(id -> load.sent.get(id).needsApproval()).count(), load.unanswered.size(), decided.size(),
                load.undecided.size());
        note("server JVM exit %d; postmaster %d is the JVM's descendant: %s (parent %s); %d PostgreSQL processes killed with it (+%d stragglers)",
                exit, postmaster.pid(), postgresIsJvmChild, postmasterParent, postgres.size(), stragglers);

        // 4. restart on the same data directory: PostgreSQL recovers from its WAL
        long restarted = System.nanoTime();
        Server second = start("restart", null);
        second.awaitReady(operator, a);
        note("restart: %d ms", millisSince(restarted));
        assertThat(second.log()).as("PostgreSQL ran crash recovery").contains("automatic recovery in progress").contains("redo done");

        // 5. the invariant check passes
        JsonNode check = invariantCheck(second, operator);
        note("invariant check: passed, %d transfers and %d holdings checked", check.path("transfersChecked").asLong(),
                check.path("holdingsChecked").asLong());

        // 6. every acknowledged request and decision is in the ledger, as asked; nothing is there that the load did not send
        Map<String, JsonNode> ledger = new LinkedHashMap<>(); // the ledger's request id -> operation
        for (String account : List.of(a, b)) {
            HttpResponse<String> r = second.get(operator, "/accounts/" + account + "/operations");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            for (JsonNode op : JSON.readTree(r.body())) {
                ledger.put(op.path("requestId").asString(), op);
            }
        }
        Map<String, Sent> byLedgerId = new TreeMap<>();
        load.sent.values().forEach(s -> byLedgerId.put(s.ledgerId(), s));
        List<String> missing = acknowledged.keySet().stream().filter(id -> !ledger.containsKey(load.sent.get(id).ledgerId())).sorted().toList();
        assertThat(missing).as("acknowledged before the kill but not in the ledger after the restart").isEmpty();
        acknowledged.forEach((id, operation) -> assertThat(ledger.get(load.sent.get(id).ledgerId()).path("id").asString()).as(id).isEqualTo(operation));
        List<String> found = ledger.keySet().stream().filter(id -> id.contains("crash-load-")).toList();
        assertThat(byLedgerId.keySet()).as("operations in the ledger that the load never sent").containsAll(found);
        Map<String, Long> expected = new TreeMap<>(before);
        Map<String, Integer> statuses = new TreeMap<>();
        for (String id : found) {
            JsonNode op = ledger.get(id);
            Sent sent = byLedgerId.get(id);
            String operation = op.path("id").asString();
            String status = op.path("status").asString();
            List<Leg> legs = new ArrayList<>();
            op.path("legs").forEach(l -> legs.add(new Leg(l.path("from").asString(), l.path("fromState").asString(), l.path("to").asString(),
                    l.path("toState").asString(), l.path("vintage").asString(), l.path("quantity").asLong())));
            assertThat(legs).as("legs of %s", id).isEqualTo(sent.legs());
            if (!sent.needsApproval()) {
                assertThat(status).as(id).isEqualTo("POSTED");
            } else if (decided.containsKey(operation)) {
                assertThat(status).as("decided %s", id).isEqualTo(decided.get(operation));
            } else if (load.undecided.containsKey(operation)) {
                assertThat(status).as("decision on %s in flight", id).isIn("PENDING_APPROVAL", load.undecided.get(operation).outcome());
            } else {
                assertThat(status).as("undecided %s", id).isEqualTo("PENDING_APPROVAL");
            }
            statuses.merge(status, 1, Integer::sum);
            for (Leg leg : legs) {
                String reserved = leg.from() + " " + leg.vintage() + " RESERVED";
                String from = leg.from() + " " + leg.vintage() + " " + leg.fromState();
                String to = leg.to() + " " + leg.vintage() + " " + leg.toState();
                switch (status) {
                    case "POSTED" -> move(expected, from, to, leg.quantity());
                    case "PENDING_APPROVAL" -> move(expected, from, reserved, leg.quantity());
                    case "APPROVED" -> move(expected, from, to, leg.quantity());
                    case "REJECTED" -> { } // reserved, then released
                    default -> fail("status %s of %s", status, id);
                }
            }
        }
        expected.keySet().removeIf(k -> !(k.startsWith(a + " ") || k.startsWith(b + " ")));
        expected.values().removeIf(v -> v == 0);
        Map<String, Long> after = holdings(second, operator, a, b);
        after.values().removeIf(v -> v == 0);
        assertThat(after).as("holdings = before the load + the legs of the load's operations in the ledger").isEqualTo(expected);
        List<String> inFlight = load.sent.keySet().stream().filter(id -> !acknowledged.containsKey(id)).sorted().toList();
        long committedUnacknowledged = inFlight.stream().filter(id -> ledger.containsKey(load.sent.get(id).ledgerId())).count();
        note("after the restart: %d of %d acknowledged requests found; %d operations of the load in the ledger %s (%d committed but unacknowledged)",
                acknowledged.size() - missing.size(), acknowledged.size(), found.size(), statuses, committedUnacknowledged);

        // 7. resending what was unanswered takes effect at most once: 200 (the first outcome) when it had committed, 201 when not;
        // a decision that had committed is refused as taken (400), one that had not is taken now
        int replayed = 0;
        for (String id : inFlight) {
            Sent s = load.sent.get(id);
            boolean committed = ledger.containsKey(s.ledgerId());
            HttpResponse<String> r = second.post(s.auth(), s.path(), s.body());
            assertThat(r.statusCode()).as("resending %s (%s in the ledger): %s", id, committed ? "already" : "not", r.body())
                    .isEqualTo(committed ? 200 : 201);
            replayed += committed ? 1 : 0;
        }
        Map<String, String> statusById = new TreeMap<>();
        ledger.values().forEach(op -> statusById.put(op.path("id").asString(), op.path("status").asString()));
        int retaken = 0;
        for (Decision d : load.undecided.values()) {
            boolean committed = !statusById.get(d.operation()).equals("PENDING_APPROVAL");
            HttpResponse<String> r = second.post(province, d.path(), d.body());
            assertThat(r.statusCode()).as("deciding %s again (%s): %s", d.operation(), statusById.get(d.operation()), r.body())
                    .isEqualTo(committed ? 400 : 200);
            retaken += committed ? 1 : 0;
        }
        invariantCheck(second, operator);
        note("resent %d unanswered requests (%d had committed: 200, the rest 201) and %d decisions (%d had committed: 400); invariant check passed again",
                inFlight.size(), replayed, load.undecided.size(), retaken);
        note("total: %d ms", millisSince(began));
    }

    private static void move(Map<String, Long> balances, String from, String to, long quantity) {
        balances.merge(from, -quantity, Long::sum);
        balances.merge(to, quantity, Long::sum);
    }

    private static JsonNode invariantCheck(Server server, Auth operator) throws Exception {
        HttpResponse<String> r = server.post(operator, "/invariant-checks", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode check = JSON.readTree(r.body());
        assertThat(check.path("violations").isArray() && check.path("violations").isEmpty()).as(r.body()).isTrue();
        assertThat(check.path("passed").asBoolean()).as(r.body()).isTrue();
        return check;
    }

    // ---- the load

    private final AtomicInteger sequence = new AtomicInteger();

    private static long quantity() {
        return ThreadLocalRandom.current().nextLong(1, 10);
    }

    private String nextId() {
        return "crash-load-" + sequence.incrementAndGet() + "-" + UUID.randomUUID();
    }

    private Sent transfer(Map<String, Auth> holder, String from, String to) {
        String id = nextId();
        long quantity = quantity();
        return new Sent(id, id, "/transfers", holder.get(from),
                body("id", id, "from", from, "to", to, "vintage", "2023", "quantity", quantity, "reason", "crash test"), false,
                List.of(new Leg(from, "AVAILABLE", to, "AVAILABLE", "2023", quantity)));
    }

    private Sent holdingMove(Map<String, Auth> holder, String account) {
        String id = nextId();
        long quantity = quantity();
        boolean toTrading = ThreadLocalRandom.current().nextBoolean();
        return new Sent(id, id, "/holding-moves", holder.get(account),
                body("id", id, "account", account, "vintage", "2023", "quantity", quantity, "to", toTrading ? "TRADING" : "REGISTRY"), false,
                List.of(toTrading ? new Leg(account, "AVAILABLE", account, "TRADING", "2023", quantity)
                        : new Leg(account, "TRADING", account, "AVAILABLE", "2023", quantity)));
    }

    private Sent trade(Auth exchange, String seller, String buyer) {
        String id = nextId();
        long quantity = quantity();
        return new Sent(id, "trade:" + id, "/trades", exchange,
                body("tradeId", id, "seller", seller, "buyer", buyer, "vintage", "2023", "quantity", quantity, "priceFen", 8000L,
                        "tradedAt", Instant.now().toString()), false,
                List.of(new Leg(seller, "TRADING", buyer, "TRADING", "2023", quantity)));
    }

    /** Two legs (vintages 2022 and 2021), reserved at once and moved to the national surrender account when the province approves. */
    private Sent surrender(Map<String, Auth> holder, String account) {
        String id = nextId();
        long q2022 = quantity();
        long q2021 = quantity();
        return new Sent(id, id, "/surrenders", holder.get(account),
                body("id", id, "account", account, "year", SURRENDER_YEAR, "parts", List.of(
                        Map.of("vintage", "2022", "quantity", q2022, "borrowed", false),
                        Map.of("vintage", "2021", "quantity", q2021, "borrowed", false))), true,
                List.of(new Leg(account, "AVAILABLE", "N-SURRENDER", "AVAILABLE", "2022", q2022),
                        new Leg(account, "AVAILABLE", "N-SURRENDER", "AVAILABLE", "2021", q2021)));
    }

    /** Threads that send one request after another until the server dies, and one that decides the acknowledged surrenders. */
    private static final class Load {
        private final Server server;
        final Map<String, Sent> sent = new ConcurrentHashMap<>();
        final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // request id -> operation id
        final Map<String, String> unanswered = new ConcurrentHashMap<>();
        final Map<String, String> decided = new ConcurrentHashMap<>(); // operation id -> APPROVED or REJECTED
        final Map<String, Decision> undecided = new ConcurrentHashMap<>(); // decisions without an answer, by operation id
        final Map<String, String> refused = new ConcurrentHashMap<>();
        private final BlockingQueue<String> toDecide = new LinkedBlockingQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean crashing;

        Load(Server server) {
            this.server = server;
        }

        void requests(String name, Supplier<Sent> requests) {
            thread(name, () -> {
                Sent s = requests.get();
                sent.put(s.id(), s);
                HttpResponse<String> r;
                try {
                    r = server.post(s.auth(), s.path(), s.body());
                } catch (IOException e) {
                    unanswered.put(s.id(), String.valueOf(e));
                    throw e;
                }
                if (r.statusCode() != 201) {
                    refused.put(s.id(), r.statusCode() + " " + r.body());
                    return;
                }
                String operation = JSON.readTree(r.body()).path("id").asString();
                acknowledged.put(s.id(), operation);
                if (s.needsApproval()) {
                    toDecide.add(operation);
                }
            });
        }

        void decisions(String name, Auth decider) {
            AtomicInteger count = new AtomicInteger();
            thread(name, () -> {
                String operation = toDecide.poll(100, TimeUnit.MILLISECONDS);
                if (operation == null) {
                    return;
                }
                Decision d = new Decision(operation, count.incrementAndGet() % 3 != 0); // two approvals, then a rejection
                HttpResponse<String> r;
                try {
                    r = server.post(decider, d.path(), d.body());
                } catch (IOException e) {
                    undecided.put(operation, d);
                    throw e;
                }
                String status = r.statusCode() == 200 ? JSON.readTree(r.body()).path("status").asString() : "";
                if (!status.equals(d.outcome())) {
                    refused.put("decision on " + operation, r.statusCode() + " " + r.body());
                    return;
                }
                decided.put(operation, d.outcome());
            });
        }

        interface Step {
            void run() throws IOException, InterruptedException;
        }

        private void thread(String name, Step step) {
            Thread t = new Thread(() -> {
                try {
                    while (!crashing) {
                        step.run();
                    }
                } catch (IOException e) {
                    if (!crashing) {
                        refused.put(name, "no answer before the kill: " + e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    refused.put(name, String.valueOf(e));
                }
            }, "crash-load " + name);
            t.setDaemon(true);
            threads.add(t);
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void crashing() {
            crashing = true;
        }

        void stop() throws InterruptedException {
            crashing = true;
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(60));
                assertThat(t.isAlive()).as("%s stopped", t.getName()).isFalse();
            }
        }
    }

    // ---- the server process

    private Server start(String name, Path seedFile) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path argFile = work.resolve("java-args.txt"); // the class path is too long for a command line
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Duser.language=en", "@" + argFile, LedgerCrashServer.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--opencets.embedded-db.data-directory=" + data,
                "--opencets.embedded-db.reset=false",
                "--opencets.demo.enabled=false",
                "--opencets.notary.key-dir=" + work.resolve("notary"),
                "--opencets.evidence.local-dir=" + work.resolve("evidence"),
                "--logging.level.io.zonky=INFO"));
        if (seedFile != null) {
            command.add("--" + LedgerCrashServer.SEED_FILE + "=" + seedFile);
        }
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        server = process;
        return new Server(process, port, log);
    }

    private Properties awaitSeed(Path seedFile) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(seedFile)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                fail("the server did not seed (alive: %s); its log ends:%n%s", server.isAlive(), tail(work.resolve("first.log")));
            }
            Thread.sleep(200);
        }
        Properties seed = new Properties();
        try (Reader in = Files.newBufferedReader(seedFile, StandardCharsets.UTF_8)) {
            seed.load(in);
        }
        return seed;
    }

    private static final class Server {
        private final Process process;
        private final String base;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        Server(Process process, int port, Path log) {
            this.process = process;
            this.base = "http://127.0.0.1:" + port + "/api/v1/registry";
            this.log = log;
        }

        HttpResponse<String> post(Auth auth, String path, String body) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header(auth.header(), auth.value())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(Auth auth, String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header(auth.header(), auth.value()).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Ready when the operator can read an account over the API. */
        void awaitReady(Auth operator, String account) throws Exception {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("the server did not become ready (alive: %s); its log ends:%n%s", process.isAlive(), tail(log));
                }
                try {
                    if (get(operator, "/accounts/" + account).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    /** The accounts' CEA balances, by "account vintage state". */
    private static Map<String, Long> holdings(Server server, Auth operator, String... accounts) throws Exception {
        Map<String, Long> balances = new TreeMap<>();
        for (String account : accounts) {
            HttpResponse<String> r = server.get(operator, "/accounts/" + account);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            for (JsonNode h : JSON.readTree(r.body()).path("holdings")) {
                if (h.path("unitType").asString().equals("CEA")) {
                    balances.put(account + " " + h.path("vintage").asString() + " " + h.path("state").asString(), h.path("balance").asLong());
                }
            }
        }
        return balances;
    }

    /** The live postmaster named in the data directory's postmaster.pid (if that pid really is a postgres on this data directory). */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = data == null ? null : data.resolve("postmaster.pid");
        if (pidFile == null || !Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(p -> postgresHere().contains(p));
    }

    /**
     * Every process working in the data directory: the postmaster and all its children (they inherit its working
     * directory, and keep it when the postmaster dies and they are re-parented).
     */
    private List<ProcessHandle> postgresHere() {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).equals(data);
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                return false; // gone, or not ours to look at
            }
        }).toList();
    }

    /** SIGKILL every PostgreSQL process of the data directory, the postmaster first (so that it starts no new ones), until none is left. */
    private int killPostgres() throws Exception {
        int killed = 0;
        for (int round = 0; round < 20; round++) {
            List<ProcessHandle> left = new ArrayList<>(postgresHere());
            if (left.isEmpty()) {
                return killed;
            }
            Optional<ProcessHandle> postmaster = postmaster();
            postmaster.ifPresent(p -> {
                left.remove(p);
                left.addFirst(p);
            });
            for (ProcessHandle p : left) {
                if (p.destroyForcibly()) {
                    killed++;
                }
            }
            for (ProcessHandle p : left) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        throw new AssertionError("PostgreSQL processes of " + data + " survive SIGKILL: " + postgresHere());
    }

    @AfterEach
    void cleanUp() throws Exception {
        report.forEach(line -> System.out.println("[LedgerCrashTest] " + line));
        try {
            if (server != null && server.isAlive()) {
                server.destroy(); // SIGTERM: the application stops its PostgreSQL
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            if (data != null) {
                killPostgres(); // left behind by a failure between the kill and the restart, or by a JVM that did not stop it
            }
        } finally {
            if (work != null) {
                keepLogs();
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** The servers' logs (with PostgreSQL's, crash recovery included) stay in target/ledger-crash-test for a look after the run. */
    private void keepLogs() {
        try {
            Path logs = Files.createDirectories(Path.of("target", "ledger-crash-test"));
            for (String name : List.of("first.log", "restart.log")) {
                Path log = work.resolve(name);
                if (Files.exists(log)) {
                    Files.copy(log, logs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.out.println("[LedgerCrashTest] logs not kept: " + e);
        }
    }

    // ---- helpers

    private void note(String format, Object... args) {
        report.add(String.format(format, args));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
