package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many threads moving allowances between the same four accounts at once, in both directions, with multi-leg requests
 * whose legs come in opposite orders (surrenders of two vintages, and two-leg swaps submitted to the engine) so that
 * transactions do lock each other's holdings in opposite orders: PostgreSQL's deadlock detector picks a loser and the
 * ledger retries it. Every balance must end exactly as the successful requests say, nothing but "insufficient" may be
 * refused, and it must all finish in bounded time.
 *
 * <p>Multi-leg requests lock every holding they touch in one global order first (LedgerStore.lockHoldings); before
 * that, two surrenders with their vintages in opposite orders deadlocked, each costing PostgreSQL's 1 s
 * deadlock_timeout, and on a busy machine a request could lose all of the ledger's retries (25–70 s, 20–110
 * deadlocks per run; now about 6 s and none).
 */
@IntegrationTest
class LedgerConcurrencyTest {

    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 200;
    /** the whole run: 25–70 s on a 2-CPU machine depending on its load (about 6 s without the deadlocks, see above) */
    private static final Duration BOUND = Duration.ofSeconds(180);
    /** no request finishing for this long means threads wait on each other for good */
    private static final Duration STALL = Duration.ofSeconds(30);
    private static final String REGION = "330206";
    private static final Vintage V2021 = Vintage.ofYear(2021);
    private static final Vintage V2022 = Vintage.ofYear(2022);
    private static final Vintage V2023 = Vintage.ofYear(2023);
    private static final List<Vintage> VINTAGES = List.of(V2021, V2022, V2023);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    record Key(String account, Vintage vintage, HoldingState state) {
    }

    /** What one accepted request (or decision) changed: +quantity on one holding, −quantity on another. */
    record Change(Key from, Key to, long quantity) {
    }

    @Test
    void manyThreadsTransferringBetweenTheSameAccountsKeepEveryBalanceExact() {
        RegistryFixtures fx = new RegistryFixtures(context);
        CurrentUser province = fx.user("zj.officer");
        List<RegistryFixtures.Holder> accounts = new ArrayList<>();
        Map<Key, Long> expected = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            RegistryFixtures.Holder h = fx.newHolder(REGION);
            accounts.add(h);
            for (Vintage v : VINTAGES) {
                long q = v.equals(V2023) ? 3_000 : 400;
                fx.issue(h.account(), v, q);
                expected.merge(new Key(h.number(), v, HoldingState.AVAILABLE), q, Long::sum);
            }
        }
        long deadlocksBefore = deadlocks();

        ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger insufficient = new AtomicInteger();
        AtomicInteger multiLeg = new AtomicInteger();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        long started = System.nanoTime();

        assertTimeoutPreemptively(BOUND, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        Random random = new Random(31L * thread + 7);
                        start.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            try {
                                int kind = random.nextInt(100);
                                if (kind < 6) {
                                    surrender(fx, province, accounts.get(random.nextInt(4)), random, changes);
                                    multiLeg.incrementAndGet();
                                } else if (kind < 12) {
                                    swap(fx, accounts, random, changes);
                                    multiLeg.incrementAndGet();
                                } else {
                                    transfer(fx, accounts, thread, random, changes);
                                }
                                accepted.incrementAndGet();
                            } catch (ValidationFailed e) {
                                if (e.violations().stream().map(FieldViolation::messageKey).allMatch("registry.insufficient"::equals)) {
                                    insufficient.incrementAndGet();
                                } else {
                                    unexpected.add(e);
                                }
                            } catch (RuntimeException e) {
                                unexpected.add(e);
                            }
                            lastProgress.set(System.nanoTime());
                        }
                        return null;
                    }));
                }
                // a deadlock left unresolved shows as no request finishing at all, whatever the machine's speed
                for (Future<?> w : workers) {
                    while (true) {
                        try {
                            w.get(1, TimeUnit.SECONDS);
                            break;
                        } catch (TimeoutException stillRunning) {
                            long idle = (System.nanoTime() - lastProgress.get()) / 1_000_000;
                            if (idle > STALL.toMillis()) {
                                fail("no request finished for " + idle + " ms (" + (accepted.get() + insufficient.get()) + " of "
                                        + THREADS * REQUESTS_PER_THREAD + " done): a deadlock left unresolved");
                            }
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }, () -> String.format("%d of %d requests done after %d s, the last one %d ms before the deadline: too slow, though not stuck",
                accepted.get() + insufficient.get(), THREADS * REQUESTS_PER_THREAD, (System.nanoTime() - started) / 1_000_000_000,
                (System.nanoTime() - lastProgress.get()) / 1_000_000));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(unexpected).as("refusals other than 'insufficient', or errors").isEmpty();
        for (Change c : changes) {
            expected.merge(c.from(), -c.quantity(), Long::sum);
            if (c.to() != null) {
                expected.merge(c.to(), c.quantity(), Long::sum);
            }
        }
        expected.values().removeIf(v -> v == 0);
        Map<Key, Long> actual = new HashMap<>();
        for (RegistryFixtures.Holder h : accounts) {
            for (Holding x : fx.store.holdings(h.account())) {
                if (x.balance() != 0) {
                    actual.put(new Key(x.account(), x.vintage(), x.state()), x.balance());
                }
            }
        }
        assertThat(actual).as("every holding of the four accounts").isEqualTo(expected);
        long total2023 = actual.entrySet().stream().filter(e -> e.getKey().vintage().equals(V2023)).mapToLong(Map.Entry::getValue).sum();
        assertThat(total2023).as("2023 allowances only move between the four accounts: their total is conserved").isEqualTo(4 * 3_000);
        for (Vintage v : List.of(V2021, V2022)) {
            long held = actual.entrySet().stream().filter(e -> e.getKey().vintage().equals(v)).mapToLong(Map.Entry::getValue).sum();
            long surrendered = changes.stream().filter(c -> c.to() == null && c.from().vintage().equals(v)).mapToLong(Change::quantity).sum();
            assertThat(held + surrendered).as("%s held + surrendered", v).isEqualTo(4 * 400);
        }
        InvariantCheck check = fx.checker.run("concurrency test");
        assertThat(check.violations()).isEmpty();
        assertThat(check.passed()).isTrue();
        assertThat(accepted.get() + insufficient.get()).isEqualTo(THREADS * REQUESTS_PER_THREAD);
        System.out.printf("LedgerConcurrencyTest: %d requests in %d ms: %d accepted (%d multi-leg requests in all), %d refused as insufficient, "
                + "%d deadlocks detected by PostgreSQL (resolved by the ledger's retry)%n", THREADS * REQUESTS_PER_THREAD, millis, accepted.get(),
                multiLeg.get(), insufficient.get(), deadlocks() - deadlocksBefore);
    }

    /** A holder's transfer of 2023 allowances to another of the four (half the threads favour A↔B so both directions meet). */
    private static void transfer(RegistryFixtures fx, List<RegistryFixtures.Holder> accounts, int thread, Random random,
            ConcurrentLinkedQueue<Change> changes) {
        int from;
        int to;
        if (thread % 2 == 0 && random.nextBoolean()) {
            from = random.nextInt(2);
            to = 1 - from;
        } else {
            from = random.nextInt(4);
            to = (from + 1 + random.nextInt(3)) % 4;
        }
        RegistryFixtures.Holder a = accounts.get(from);
        RegistryFixtures.Holder b = accounts.get(to);
        long q = random.nextInt(10) == 0 ? 500 + random.nextInt(3_000) : 1 + random.nextInt(120);
        fx.registry.transfer(a.officer(), RegistryFixtures.id(), a.number(), b.number(), V2023, q, null);
        changes.add(new Change(new Key(a.number(), V2023, HoldingState.AVAILABLE), new Key(b.number(), V2023, HoldingState.AVAILABLE), q));
    }

    /** A two-vintage surrender, its parts in either order, then approved, rejected or left pending by the province. */
    private static void surrender(RegistryFixtures fx, CurrentUser province, RegistryFixtures.Holder a, Random random,
            ConcurrentLinkedQueue<Change> changes) {
        List<Registry.SurrenderPart> parts = new ArrayList<>(List.of(new Registry.SurrenderPart(V2021, 1 + random.nextInt(15), false),
                new Registry.SurrenderPart(V2022, 1 + random.nextInt(15), false)));
        if (random.nextBoolean()) {
            parts = parts.reversed();
        }
        UUID op = fx.registry.surrender(a.officer(), RegistryFixtures.id(), a.number(), 2022, parts).operation().id();
        for (Registry.SurrenderPart p : parts) {
            changes.add(new Change(new Key(a.number(), p.vintage(), HoldingState.AVAILABLE), new Key(a.number(), p.vintage(), HoldingState.RESERVED),
                    p.quantity()));
        }
        int decision = random.nextInt(3);
        if (decision == 0) {
            return;
        }
        boolean approve = decision == 1;
        if (approve) {
            fx.registry.approve(province, op);
        } else {
            fx.registry.reject(province, op, "does not match the verified emissions");
        }
        for (Registry.SurrenderPart p : parts) {
            // approved: into the national surrender account (outside the four); rejected: back to available
            changes.add(new Change(new Key(a.number(), p.vintage(), HoldingState.RESERVED),
                    approve ? null : new Key(a.number(), p.vintage(), HoldingState.AVAILABLE), p.quantity()));
        }
    }

    /**
     * Two accounts exchange vintages in one request (A→B of one, B→A of another), legs in random order: straight through
     * the engine, as the registry's multi-leg requests go, so that two such swaps lock the same four holdings in
     * opposite orders.
     */
    private static void swap(RegistryFixtures fx, List<RegistryFixtures.Holder> accounts, Random random, ConcurrentLinkedQueue<Change> changes) {
        int i = random.nextInt(4);
        int j = (i + 1 + random.nextInt(3)) % 4;
        Account a = accounts.get(i).account();
        Account b = accounts.get(j).account();
        Vintage mine = VINTAGES.get(random.nextInt(3));
        Vintage theirs = VINTAGES.get(random.nextInt(3));
        long q1 = 1 + random.nextInt(20);
        long q2 = 1 + random.nextInt(20);
        List<Ledger.Move> moves = new ArrayList<>(List.of(
                new Ledger.Move(a, HoldingState.AVAILABLE, b, HoldingState.AVAILABLE, UnitType.CEA, mine, q1),
                new Ledger.Move(b, HoldingState.AVAILABLE, a, HoldingState.AVAILABLE, UnitType.CEA, theirs, q2)));
        if (random.nextBoolean()) {
            moves = moves.reversed();
        }
        fx.ledger.submit(new Ledger.Request(RegistryFixtures.id(), OperationKind.TRANSFER, a, null, Map.of("reason", "swap"), moves, false,
                Ledger.Initiator.platform("concurrency test")));
        for (Ledger.Move m : moves) {
            changes.add(new Change(new Key(m.debit().number(), m.vintage(), HoldingState.AVAILABLE), new Key(m.credit().number(), m.vintage(),
                    HoldingState.AVAILABLE), m.quantity()));
        }
    }

    private long deadlocks() {
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()").query(Long.class).single();
    }
}
