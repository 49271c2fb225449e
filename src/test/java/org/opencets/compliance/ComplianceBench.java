package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Account;
import org.opencets.registry.Holding;
import org.opencets.registry.HoldingState;
import org.opencets.registry.InvariantCheck;
import org.opencets.registry.InvariantChecker;
import org.opencets.registry.PendingOffset;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.registry.Surrendered;
import org.opencets.registry.UnitType;
import org.opencets.shared.Backdating;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not in the suite: the name ends in {@code Bench}, which surefire's includes leave out; run
 * {@code bench/compliance.sh [clients] [approvers]}): compliance on deadline day. {@code BENCH_EMITTERS} (3,000) fresh
 * emitters, built only through the modules' public events as {@link ComplianceFixtures} does — a 2024 obligation
 * (AllocationFinalised), 2024 allowances (IssuanceInstruction) and, for one in three, a PENDING_OFFSET CCER lot
 * (CcerOffsetRequested) — submit their surrender requests in the last minute before the 2024 deadline (2025-12-31
 * 23:59 China time, every worker thread backdated with {@link Backdating}, the instant advancing with real elapsed
 * time) from C client threads, while P approver threads acting as the province officer {@code zj.officer} approve them
 * as they arrive; 2 % are rejected with two deficiencies, amended by the emitter and approved; 1 % of submissions are
 * sent twice (a lost answer) and must replay. Prints throughput, latency percentiles and errors by type, then proves
 * that nothing was lost or doubled: the standings, the requests, the registry's effective surrenders, the CCER lots,
 * the emitters' holdings, one registry operation per revision, and the registry's invariant check.
 * <p>
 * Other knobs: {@code BENCH_SETUP_THREADS} (4), {@code BENCH_REJECT_PERCENT} (2), {@code BENCH_RESEND_PERCENT} (1),
 * {@code BENCH_CONCURRENT_RESENDS} (0: emitters whose request is sent twice at the same moment from two threads, the
 * way a client that times out and resends while the first call is still running would), {@code BENCH_TIMEOUT} (600 s).
 */
@IntegrationTest
class ComplianceBench {

    static final int EMITTERS = env("BENCH_EMITTERS", 3000);
    static final int CLIENTS = env("BENCH_CLIENTS", 8);
    static final int APPROVERS = env("BENCH_APPROVERS", 2);
    static final int SETUP_THREADS = env("BENCH_SETUP_THREADS", 4);
    static final int REJECT_PERCENT = env("BENCH_REJECT_PERCENT", 2);
    static final int RESEND_PERCENT = env("BENCH_RESEND_PERCENT", 1);
    static final int CONCURRENT_RESENDS = env("BENCH_CONCURRENT_RESENDS", 0);
    static final int TIMEOUT_SECONDS = env("BENCH_TIMEOUT", 600);
    static final int YEAR = 2024;
    static final Vintage V2024 = Vintage.ofYear(YEAR);
    /** The last minute before the 2024 surrender deadline (2025-12-31, China time). */
    static final Instant LAST_MINUTE = LocalDate.of(2025, 12, 31).atTime(23, 59).atZone(WorkClock.CHINA).toInstant();
    /** When the allowances were issued and the CCER lots arrived (setup): some days before. */
    static final Instant SETUP_AT = LocalDate.of(2025, 12, 20).atTime(10, 0).atZone(WorkClock.CHINA).toInstant();
    static final SurrenderRequest.Contact CONTACT = new SurrenderRequest.Contact("郭晓东", "0574-86888888", "guo@example.com");
    static final SurrenderRequest.Contact CORRECTED = new SurrenderRequest.Contact("郭晓东", "0574-86888889", "guo.xd@example.com");
    static final List<String> DEFICIENCIES = List.of("申请表联系人信息有误", "CCER 项目编号与申请表不一致");

    @Autowired
    ApplicationContext context;
    @Autowired
    Compliance compliance;
    @Autowired
    ComplianceOverview overview;
    @Autowired
    Registry registry;
    @Autowired
    PendingOffsets offsets;
    @Autowired
    InvariantChecker checker;
    @Autowired
    JdbcClient jdbc;

    /** A bench emitter and what it was given and will ask. */
    record BenchEmitter(int index, ComplianceFixtures.Emitter e, String account, long obligation, long issued, UUID lot, long lotQuantity, long ccerAsk,
            boolean reject, boolean resend, boolean concurrentResend, UUID requestId) {

        long allowanceAsk() {
            return obligation - ccerAsk;
        }

        SurrenderAsk ask() {
            return new SurrenderAsk(List.of(new SurrenderAsk.AllowancePick(V2024, allowanceAsk(), false)),
                    lot == null ? List.of() : List.of(new SurrenderAsk.OffsetPick(lot, ccerAsk)));
        }

        String uscc() {
            return e.uscc().value();
        }
    }

    /** A request waiting for the province (or, rejected, for its emitter). */
    record Pending(BenchEmitter emitter, SurrenderRequest request) {
    }

    /** Latencies (ns) of one kind of call, from every thread. */
    static final class Latencies {
        final List<long[]> chunks = Collections.synchronizedList(new ArrayList<>());
        final ThreadLocal<long[]> buffer = new ThreadLocal<>();
        final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

        void add(long nanos) {
            long[] b = buffer.get();
            int[] n = count.get();
            if (b == null || n[0] == b.length) {
                if (b != null) {
                    chunks.add(b);
                }
                b = new long[1024];
                buffer.set(b);
                n[0] = 0;
            }
            b[n[0]++] = nanos;
        }

        /** Each thread hands in what it recorded (call at its end). */
        void flush() {
            long[] b = buffer.get();
            if (b != null) {
                chunks.add(Arrays.copyOf(b, count.get()[0]));
                buffer.remove();
                count.remove();
            }
        }

        long[] sorted() {
            synchronized (chunks) {
                return chunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            }
        }
    }

    final Latencies submitLat = new Latencies();
    final Latencies approveLat = new Latencies();
    final Latencies rejectLat = new Latencies();
    final Latencies amendLat = new Latencies();
    final Latencies resendLat = new Latencies();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final Map<String, String> errorSamples = new ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    long wall0;

    /** "Now" for a worker thread: the last minute before the deadline, advancing with real elapsed time. */
    Instant now() {
        return LAST_MINUTE.plusNanos(System.nanoTime() - wall0);
    }

    <T> T timed(Latencies lat, Supplier<T> call) {
        long t0 = System.nanoTime();
        T result = Backdating.at(now(), call);
        lat.add(System.nanoTime() - t0);
        return result;
    }

    void error(String where, Throwable e) {
        String type = where + ": " + e.getClass().getSimpleName() + (e instanceof ValidationFailed v
                ? " " + v.violations().stream().map(FieldViolation::messageKey).toList() : "");
        errors.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
        errorSamples.putIfAbsent(type, String.valueOf(e.getMessage()));
    }

    void fail(String what) {
        failures.add(what);
        System.out.println("BENCH FAIL " + what);
    }

    @Test
    void deadlineDay() throws Exception {
        CurrentUser province = context.getBean(Accounts.class).byUsername("zj.officer").orElseThrow();
        System.out.printf("BENCH config: %d emitters, %d client threads, %d approver threads (as %s, %s), %d%% rejected and amended, %d%% sent twice,"
                + " %d sent twice concurrently; %d CPUs, JVM heap %d MB; 2024 deadline %s%n", EMITTERS, CLIENTS, APPROVERS, "zj.officer",
                province.displayName(), REJECT_PERCENT, RESEND_PERCENT, CONCURRENT_RESENDS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, compliance.deadline(YEAR, province.region()).map(LocalDate::toString).orElse("NONE"));

        // ---- setup (not timed): only through the modules' public events
        long s0 = System.nanoTime();
        List<BenchEmitter> emitters = setup();
        long s1 = System.nanoTime();
        for (String table : List.of("registry.account", "registry.holding", "registry.operation", "registry.transfer", "registry.pending_offset",
                "registry.offset_use", "registry.operation_decision", "compliance.obligation", "compliance.surrender_request", "compliance.request_revision")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        long withLot = emitters.stream().filter(b -> b.lot() != null).count();
        System.out.printf("BENCH setup (not part of the figures): %d emitters (obligation, 2024 allowances, %d with a pending CCER lot) through"
                + " AllocationFinalised / IssuanceInstruction / CcerOffsetRequested with %d threads in %.1f s (%.1f ms per emitter per thread),"
                + " obligations total %,d t%n", emitters.size(), withLot, SETUP_THREADS, (s1 - s0) / 1e9, (s1 - s0) / 1e6 * SETUP_THREADS / emitters.size(),
                emitters.stream().mapToLong(BenchEmitter::obligation).sum());

        // ---- the run
        ConcurrentLinkedQueue<BenchEmitter> toSubmit = new ConcurrentLinkedQueue<>(emitters);
        BlockingQueue<Pending> toReview = new LinkedBlockingQueue<>();
        BlockingQueue<Pending> toAmend = new LinkedBlockingQueue<>();
        AtomicInteger outstanding = new AtomicInteger(emitters.size());
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger approved = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger amended = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();
        AtomicLong lastSubmit = new AtomicLong();
        AtomicLong lastApprove = new AtomicLong();
        AtomicLong submittedBeforeDeadline = new AtomicLong();
        Map<String, AtomicLong> concurrentOutcomes = new ConcurrentHashMap<>();
        long stopAt = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();

        for (int c = 0; c < CLIENTS; c++) {
            threads.add(Thread.ofPlatform().name("bench-emitter-" + c).start(() -> {
                await(start);
                while (outstanding.get() > 0 && System.nanoTime() < stopAt) {
                    Pending a = toAmend.poll();
                    if (a == null) {
                        BenchEmitter b = toSubmit.poll();
                        if (b != null) {
                            SurrenderRequest r = submitOne(b, replays, concurrentOutcomes);
                            if (r == null) {
                                outstanding.decrementAndGet();
                                continue;
                            }
                            submitted.incrementAndGet();
                            lastSubmit.accumulateAndGet(System.nanoTime(), Math::max);
                            if (!r.late()) {
                                submittedBeforeDeadline.incrementAndGet();
                            }
                            toReview.add(new Pending(b, r));
                            continue;
                        }
                        a = poll(toAmend);
                        if (a == null) {
                            continue;
                        }
                    }
                    Pending p = a;
                    try {
                        SurrenderRequest r = timed(amendLat, () -> compliance.amend(p.emitter().e().officer(), p.request().id(), p.request().version(),
                                p.emitter().ask(), CORRECTED));
                        amended.incrementAndGet();
                        toReview.add(new Pending(p.emitter(), r));
                    } catch (RuntimeException e) {
                        error("amend", e);
                        outstanding.decrementAndGet();
                    }
                }
                submitLat.flush();
                amendLat.flush();
                resendLat.flush();
            }));
        }
        for (int a = 0; a < APPROVERS; a++) {
            threads.add(Thread.ofPlatform().name("bench-province-" + a).start(() -> {
                await(start);
                while (outstanding.get() > 0 && System.nanoTime() < stopAt) {
                    Pending p = poll(toReview);
                    if (p == null) {
                        continue;
                    }
                    SurrenderRequest r = p.request();
                    if (p.emitter().reject() && r.revision() == 1) {
                        try {
                            SurrenderRequest back = timed(rejectLat, () -> compliance.reject(province, r.id(), r.version(), DEFICIENCIES));
                            rejected.incrementAndGet();
                            toAmend.add(new Pending(p.emitter(), back));
                        } catch (RuntimeException e) {
                            error("reject", e);
                            outstanding.decrementAndGet();
                        }
                        continue;
                    }
                    try {
                        SurrenderRequest done = timed(approveLat, () -> compliance.approve(province, r.id(), r.version()));
                        if (done.status() != SurrenderRequest.Status.APPROVED) {
                            fail("approve of " + r.id() + " returned " + done.status());
                        }
                        approved.incrementAndGet();
                        lastApprove.accumulateAndGet(System.nanoTime(), Math::max);
                    } catch (RuntimeException e) {
                        error("approve", e);
                    }
                    outstanding.decrementAndGet();
                }
                approveLat.flush();
                rejectLat.flush();
            }));
        }
        wall0 = System.nanoTime();
        lastSubmit.set(wall0);
        lastApprove.set(wall0);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long wall1 = System.nanoTime();
        if (outstanding.get() > 0) {
            fail("timed out after " + TIMEOUT_SECONDS + " s with " + outstanding.get() + " emitters not done");
        }

        // ---- figures
        double submitSeconds = (lastSubmit.get() - wall0) / 1e9;
        double approveSeconds = (lastApprove.get() - wall0) / 1e9;
        System.out.printf("BENCH ---- results: %d emitters, %d clients, %d approvers (deadline-day clock: %s → %s China time)%n", emitters.size(), CLIENTS,
                APPROVERS, LAST_MINUTE.atZone(WorkClock.CHINA).toLocalDateTime(), now().atZone(WorkClock.CHINA).toLocalDateTime().withNano(0));
        System.out.printf("BENCH all %d submitted in %.1f s wall = %.1f submissions/s; within 60 s: %s (%d submitted before the deadline, %d late)%n",
                submitted.get(), submitSeconds, submitted.get() / submitSeconds, submitSeconds <= 60 && submitted.get() == emitters.size() ? "yes" : "NO",
                submittedBeforeDeadline.get(), submitted.get() - submittedBeforeDeadline.get());
        System.out.printf("BENCH all %d approved in %.1f s wall from the start = %.1f approvals/s (%d rejected with two deficiencies and %d amended first;"
                + " run ended after %.1f s)%n", approved.get(), approveSeconds, approved.get() / approveSeconds, rejected.get(), amended.get(),
                (wall1 - wall0) / 1e9);
        printLatency("submit", submitLat);
        printLatency("approve", approveLat);
        printLatency("reject", rejectLat);
        printLatency("amend", amendLat);
        printLatency("resend (same id)", resendLat);
        System.out.printf("BENCH resends: %d replayed the first outcome (same request, revision 1, nothing new)%n", replays.get());
        if (CONCURRENT_RESENDS > 0) {
            System.out.printf("BENCH concurrent resends (two threads, same id, same moment): %s%n", new TreeMap<>(concurrentOutcomes));
        }
        if (errors.isEmpty()) {
            System.out.println("BENCH errors: none");
        } else {
            new TreeMap<>(errors).forEach((type, n) -> System.out.printf("BENCH errors %s: %d (e.g. %s)%n", type, n.get(), errorSamples.get(type)));
        }

        // ---- nothing lost, nothing doubled
        verify(province, emitters);
        probeQueries(province, emitters);

        InvariantCheck check = checker.run("compliance-bench");
        System.out.printf("BENCH invariant check: passed %s, %,d transfers and %,d holdings checked in %d ms%s%n", check.passed(), check.transfersChecked(),
                check.holdingsChecked(), check.millis(), check.passed() ? "" : ", violations " + check.violations());
        if (!check.passed()) {
            fail("invariant check: " + check.violations());
        }
        boolean unexpectedErrors = errors.keySet().stream().anyMatch(k -> !k.startsWith("concurrent"));
        if (unexpectedErrors) {
            fail("errors during the run: " + errors.keySet());
        }
        System.out.println(failures.isEmpty() ? "BENCH RESULT PASS: nothing lost, nothing doubled" : "BENCH RESULT FAIL: " + failures.size() + " checks failed");
        assertThat(failures).isEmpty();
    }

    /** Submits an emitter's request (and, for some, sends it again); null if it could not be submitted. */
    SurrenderRequest submitOne(BenchEmitter b, AtomicInteger replays, Map<String, AtomicLong> concurrentOutcomes) {
        CurrentUser user = b.e().officer();
        if (b.concurrentResend()) {
            return concurrentSubmit(b, concurrentOutcomes);
        }
        SurrenderRequest r;
        try {
            r = timed(submitLat, () -> compliance.submit(user, b.requestId(), YEAR, b.ask(), CONTACT));
        } catch (RuntimeException e) {
            error("submit", e);
            return null;
        }
        if (r.status() != SurrenderRequest.Status.SUBMITTED || r.revision() != 1 || !r.id().equals(b.requestId())) {
            fail("submit of " + b.uscc() + " returned " + r.status() + " revision " + r.revision());
        }
        if (b.resend()) {
            try {
                SurrenderRequest again = timed(resendLat, () -> compliance.submit(user, b.requestId(), YEAR, b.ask(), CONTACT));
                if (again.id().equals(r.id()) && again.revision() == 1 && again.version() == r.version() && again.revisions().size() == 1
                        && again.current().operationId().equals(r.current().operationId())) {
                    replays.incrementAndGet();
                } else {
                    fail("resend of " + r.id() + " did not replay: " + again);
                }
            } catch (RuntimeException e) {
                error("resend", e);
            }
        }
        return r;
    }

    /** The same request sent from two threads at once (a client's timeout and resend while the first call still runs). */
    SurrenderRequest concurrentSubmit(BenchEmitter b, Map<String, AtomicLong> outcomes) {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Instant at = now();
        AtomicReference<Object> second = new AtomicReference<>();
        Thread other = Thread.ofPlatform().name("bench-resend").start(() -> {
            try {
                barrier.await();
                second.set(Backdating.at(at, () -> compliance.submit(b.e().officer(), b.requestId(), YEAR, b.ask(), CONTACT)));
            } catch (Throwable e) {
                second.set(e);
            }
        });
        Object first;
        try {
            barrier.await();
            long t0 = System.nanoTime();
            first = Backdating.at(at, () -> compliance.submit(b.e().officer(), b.requestId(), YEAR, b.ask(), CONTACT));
            submitLat.add(System.nanoTime() - t0);
        } catch (Throwable e) {
            first = e;
        }
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        String outcome = describe(first) + " + " + describe(second.get());
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        for (Object o : List.of(first, second.get())) {
            if (o instanceof Throwable t) {
                error("concurrent resend", t);
            }
        }
        // what is recorded now, whatever the two calls answered
        return compliance.requestIfAny(b.e().officer(), b.requestId()).filter(r -> r.status() == SurrenderRequest.Status.SUBMITTED
                && r.revisions().stream().anyMatch(v -> v.revision() == r.revision())).orElseGet(() -> {
                    fail("concurrent resend of " + b.requestId() + " (" + b.uscc() + ") left no complete request: " + outcome);
                    return null;
                });
    }

    static String describe(Object o) {
        if (o instanceof SurrenderRequest r) {
            return "ok";
        }
        if (o instanceof ValidationFailed v) {
            return v.violations().stream().map(FieldViolation::messageKey).toList().toString();
        }
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    // ---- setup

    List<BenchEmitter> setup() throws InterruptedException {
        ComplianceFixtures fx = new ComplianceFixtures(context);
        Set<String> usccs = ConcurrentHashMap.newKeySet();
        List<BenchEmitter> out = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        int rejectEvery = REJECT_PERCENT <= 0 ? Integer.MAX_VALUE : Math.max(1, 100 / REJECT_PERCENT);
        int resendEvery = RESEND_PERCENT <= 0 ? Integer.MAX_VALUE : Math.max(1, 100 / RESEND_PERCENT);
        int concurrentEvery = CONCURRENT_RESENDS <= 0 ? Integer.MAX_VALUE : Math.max(1, EMITTERS / CONCURRENT_RESENDS);
        List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < SETUP_THREADS; t++) {
            threads.add(Thread.ofPlatform().name("bench-setup-" + t).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = next.getAndIncrement(); i < EMITTERS && problems.isEmpty(); i = next.getAndIncrement()) {
                    int index = i;
                    try {
                        out.add(Backdating.at(SETUP_AT.plusMillis(i), () -> {
                            ComplianceFixtures.Emitter e;
                            do {
                                e = fx.emitter();
                            } while (!usccs.add(e.uscc().value()));
                            long obligation = 20_000 + random.nextLong(1_980_000);
                            boolean hasLot = index % 3 == 0;
                            long cap = obligation * 5 / 100; // 5 % for 2024, rounded down like ComplianceRules.offsetCap
                            long lotQuantity = hasLot ? cap + 1 + random.nextLong(obligation / 50) : 0; // more than may be used
                            long ccerAsk = hasLot ? cap - random.nextLong(cap / 4 + 1) : 0; // ≤ 5 %
                            long spare = random.nextLong(5_000);
                            long issued = obligation - ccerAsk + spare;
                            fx.obligation(e, YEAR, obligation, null);
                            fx.issue(e, YEAR, issued, false);
                            String account = registry.accountOf(e.uscc()).map(Account::number).orElseThrow();
                            UUID lot = hasLot ? fx.pendingCcer(e, account, "CCER-B-" + index, false, lotQuantity) : null;
                            boolean concurrent = CONCURRENT_RESENDS > 0 && index % concurrentEvery == 5 % concurrentEvery;
                            return new BenchEmitter(index, e, account, obligation, issued, lot, lotQuantity, ccerAsk,
                                    REJECT_PERCENT > 0 && index % rejectEvery == rejectEvery / 2,
                                    RESEND_PERCENT > 0 && index % resendEvery == 1 % resendEvery && !concurrent, concurrent, UUID.randomUUID());
                        }));
                    } catch (Throwable e) {
                        problems.add(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("setup failed", problems.get(0));
        }
        List<BenchEmitter> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparingInt(BenchEmitter::index));
        return sorted;
    }

    // ---- checks

    void verify(CurrentUser province, List<BenchEmitter> emitters) {
        Map<String, BenchEmitter> byUscc = new HashMap<>();
        emitters.forEach(b -> byUscc.put(b.uscc(), b));
        int amendedExpected = (int) emitters.stream().filter(BenchEmitter::reject).count();

        // 1. standings: complied with exactly the obligation (allowances and CCER as asked)
        long t0 = System.nanoTime();
        List<YearStanding> standings = overview.standings(province, YEAR).stream().filter(s -> byUscc.containsKey(s.emitter())).toList();
        long standingsMs = (System.nanoTime() - t0) / 1_000_000;
        Map<ComplianceStatus, Long> byStatus = new TreeMap<>();
        int standingProblems = 0;
        for (YearStanding s : standings) {
            BenchEmitter b = byUscc.get(s.emitter());
            byStatus.merge(s.status(), 1L, Long::sum);
            if (!s.status().complied() || s.obligation() != b.obligation() || s.surrendered() != b.obligation() || s.allowances() != b.allowanceAsk()
                    || s.ccer() != b.ccerAsk()) {
                if (standingProblems++ < 5) {
                    fail("standing of " + s.emitter() + ": " + s + " (obligation " + b.obligation() + ", asked " + b.allowanceAsk() + " + " + b.ccerAsk() + ")");
                }
            }
        }
        check(standings.size() == emitters.size() && standingProblems == 0, "standings (ComplianceOverview.standings, %d ms): %d of %d bench emitters listed,"
                + " %d complied with exactly their obligation (allowances + CCER as asked, no more); by status %s", standingsMs, standings.size(),
                emitters.size(), standings.size() - standingProblems, byStatus);

        // 2. requests: one per emitter, APPROVED; amended ones with a rejected revision 1 (two deficiencies) and an approved revision 2
        List<SurrenderRequest> requests = compliance.requests(province, YEAR, false).stream().filter(r -> byUscc.containsKey(r.emitter())).toList();
        long approvedRequests = requests.stream().filter(r -> r.status() == SurrenderRequest.Status.APPROVED).count();
        Set<String> requestEmitters = new HashSet<>();
        int revisionProblems = 0;
        int lateRequests = 0;
        for (SurrenderRequest r : requests) {
            BenchEmitter b = byUscc.get(r.emitter());
            requestEmitters.add(r.emitter());
            lateRequests += r.late() ? 1 : 0;
            boolean ok = r.id().equals(b.requestId()) && r.revision() == (b.reject() ? 2 : 1) && r.revisions().size() == r.revision()
                    && "APPROVED".equals(r.current().outcome()) && r.current().ask().equals(b.ask())
                    && (!b.reject() || ("REJECTED".equals(r.revisions().get(0).outcome()) && r.revisions().get(0).deficiencies().equals(DEFICIENCIES)));
            if (!ok && revisionProblems++ < 5) {
                fail("request " + r.id() + " of " + r.emitter() + ": " + r);
            }
        }
        check(requests.size() == emitters.size() && approvedRequests == emitters.size() && requestEmitters.size() == emitters.size() && revisionProblems == 0,
                "requests: %d for the %d bench emitters, %d APPROVED, %d emitters with one (expected one each); %d amended (revision 1 rejected with the"
                + " two deficiencies, revision 2 approved); %d with a revision problem; %d marked late", requests.size(), emitters.size(), approvedRequests,
                requestEmitters.size(), amendedExpected, revisionProblems, lateRequests);

        // 3. the registry's effective surrenders for 2024: one per emitter, the obligation exactly
        List<Surrendered> surrenders = registry.surrendered(YEAR).stream().filter(s -> byUscc.containsKey(s.emitter().value())).toList();
        Map<String, List<Surrendered>> perEmitter = new HashMap<>();
        surrenders.forEach(s -> perEmitter.computeIfAbsent(s.emitter().value(), k -> new ArrayList<>()).add(s));
        long surrenderProblems = perEmitter.entrySet().stream().filter(x -> {
            BenchEmitter b = byUscc.get(x.getKey());
            Surrendered s = x.getValue().get(0);
            return x.getValue().size() != 1 || s.forced() || s.allowances() != b.allowanceAsk() || s.ccer() != b.ccerAsk();
        }).count();
        long expectedTotal = emitters.stream().mapToLong(BenchEmitter::obligation).sum();
        long total = surrenders.stream().mapToLong(Surrendered::total).sum();
        long ccerTotal = surrenders.stream().mapToLong(Surrendered::ccer).sum();
        check(surrenders.size() == emitters.size() && perEmitter.size() == emitters.size() && surrenderProblems == 0 && total == expectedTotal,
                "registry effective surrenders for 2024 (Registry.surrendered): %d for %d emitters (one each: %s), %,d t in all = obligations %,d t"
                + " (of which CCER %,d t)", surrenders.size(), perEmitter.size(), surrenderProblems == 0 ? "yes" : surrenderProblems + " wrong", total,
                expectedTotal, ccerTotal);

        // 4. each lot used exactly as asked; the rest still pending
        int lots = 0;
        int lotProblems = 0;
        for (BenchEmitter b : emitters) {
            if (b.lot() == null) {
                continue;
            }
            lots++;
            PendingOffset lot = offsets.lot(b.lot()).orElseThrow();
            if (lot.used() != b.ccerAsk() || lot.reserved() != 0 || lot.remaining() != b.lotQuantity() - b.ccerAsk() || lot.recalled() != 0) {
                if (lotProblems++ < 5) {
                    fail("lot " + b.lot() + " of " + b.uscc() + ": " + lot + " (asked " + b.ccerAsk() + " of " + b.lotQuantity() + ")");
                }
            }
        }
        check(lotProblems == 0, "CCER lots: %d lots, %d with used = asked, nothing reserved, remaining = quantity − asked", lots, lots - lotProblems);

        // 5. the emitters' holdings: what was issued less what was asked, nothing reserved
        int holdingProblems = 0;
        for (BenchEmitter b : emitters) {
            long available = 0;
            long reserved = 0;
            for (Holding h : registry.holdings(b.e().officer(), b.account())) {
                if (h.unitType() == UnitType.CEA && h.vintage().equals(V2024)) {
                    available += h.state() == HoldingState.AVAILABLE ? h.balance() : 0;
                    reserved += h.state() == HoldingState.RESERVED ? h.balance() : 0;
                }
            }
            if (available != b.issued() - b.allowanceAsk() || reserved != 0) {
                if (holdingProblems++ < 5) {
                    fail("holding of " + b.account() + ": available " + available + ", reserved " + reserved + " (issued " + b.issued() + ", asked "
                            + b.allowanceAsk() + ")");
                }
            }
        }
        check(holdingProblems == 0, "holdings: %d emitter accounts hold exactly issued − surrendered of vintage 2024, nothing left reserved",
                emitters.size() - holdingProblems);

        // 6. one registry operation per revision, none per resend
        List<String> ids = emitters.stream().map(b -> b.requestId().toString()).toList();
        Map<String, Object> ops = jdbc.sql("""
                select count(*) operations, count(*) filter (where d.outcome = 'APPROVED') approved, count(*) filter (where d.outcome = 'REJECTED') rejected,
                       count(*) filter (where d.outcome is null) undecided
                from registry.operation o left join registry.operation_decision d on d.operation_id = o.id
                where o.kind = 'SURRENDER' and split_part(o.idempotency_id, ':', 2) = any(?)""").param(ids.toArray(String[]::new)).query().singleRow();
        long operations = ((Number) ops.get("operations")).longValue();
        check(operations == emitters.size() + amendedExpected && ((Number) ops.get("approved")).longValue() == emitters.size()
                && ((Number) ops.get("undecided")).longValue() == 0, "registry operations for the bench requests: %d (= %d requests + %d amendments),"
                + " %s approved, %s rejected, %s undecided", operations, emitters.size(), amendedExpected, ops.get("approved"), ops.get("rejected"),
                ops.get("undecided"));
    }

    void check(boolean ok, String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("BENCH check " + line + ": " + (ok ? "ok" : "FAIL"));
        if (!ok) {
            failures.add(line);
        }
    }

    /** How long the reads the workflow makes take now that the year's surrenders are in (each once warm, averaged). */
    void probeQueries(CurrentUser province, List<BenchEmitter> emitters) {
        BenchEmitter b = emitters.get(emitters.size() / 2);
        probe("Registry.surrendered(emitter, 2024) (read by every submit, amend and emitter page)", 200, () -> registry.surrendered(b.e().uscc(), YEAR));
        probe("Registry.surrendered(2024) (all emitters: standings, dashboard)", 5, () -> registry.surrendered(YEAR));
        SurrenderAsk small = new SurrenderAsk(List.of(new SurrenderAsk.AllowancePick(V2024, 1, false)), List.of());
        probe("Compliance.check (the position and rules a submit reads first)", 100, () -> compliance.check(b.e().officer(), YEAR, small));
        probe("  of which Registry.accountOf", 200, () -> registry.accountOf(b.e().uscc()));
        probe("  of which Registry.holdings(account)", 200, () -> registry.holdings(b.e().officer(), b.account()));
        probe("  of which PendingOffsets.ofEmitter", 200, () -> offsets.ofEmitter(b.e().uscc()));
        probe("  of which the obligation", 200, () -> compliance.obligation(b.e().officer(), b.uscc(), YEAR));
        probe("Compliance.emitterYear (an emitter's page)", 100, () -> compliance.emitterYear(b.e().officer(), b.uscc(), YEAR));
        probe("Compliance.requests(province, 2024, open only) (the review queue)", 20, () -> compliance.requests(province, YEAR, true));
        probe("Compliance.requests(province, 2024, all)", 3, () -> compliance.requests(province, YEAR, false));
        probe("ComplianceOverview.standings(province, 2024)", 3, () -> overview.standings(province, YEAR));
    }

    void probe(String label, int times, Supplier<?> call) {
        call.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            call.get();
        }
        System.out.printf("BENCH read %-80s %8.2f ms%n", label, (System.nanoTime() - t0) / 1e6 / times);
    }

    static void printLatency(String label, Latencies lat) {
        long[] l = lat.sorted();
        if (l.length == 0) {
            System.out.printf("BENCH latency %-17s none%n", label);
            return;
        }
        System.out.printf("BENCH latency %-17s n=%5d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (mean %.2f ms)%n", label, l.length, pct(l, 50),
                pct(l, 95), pct(l, 99), l[l.length - 1] / 1e6, Arrays.stream(l).average().orElse(0) / 1e6);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static Pending poll(BlockingQueue<Pending> q) {
        try {
            return q.poll(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
