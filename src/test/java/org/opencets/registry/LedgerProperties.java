package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.support.IntegrationTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Property-based tests of the ledger against the real application and its embedded PostgreSQL: random sequences of
 * operations (transfers, moves between the registry and trading holdings, cancellations, freezes, pledges, surrenders,
 * trade settlements, reversals, approvals and rejections), retries of earlier requests with the same and with different
 * content, and invalid requests, checked step by step against a model of the expected balances; and the same request
 * submitted by many threads at once. Each try works on fresh accounts, so tries (and shrinking) do not see each other.
 *
 * <p>jqwik does not run Spring's JUnit extension, so the application context is obtained through a
 * {@link TestContextManager} for a holder class carrying {@link IntegrationTest}: the context cache makes it the same
 * context the JUnit integration tests share when they run in the same JVM.
 */
class LedgerProperties {

    /** Recorded reversals are retried too: a retry with the same id replays ({@link #retryingAReversalReplaysIt()}; was refused). */
    static final boolean REVERSAL_RETRY_FIXED = true;

    private static final String REGION = "330206";
    private static final Vintage V2021 = Vintage.ofYear(2021);
    private static final Vintage V2022 = Vintage.ofYear(2022);
    private static final Vintage V2023 = Vintage.ofYear(2023);
    /** never issued: every movement of it is refused */
    private static final Vintage V2030 = Vintage.ofYear(2030);
    private static final List<Vintage> VINTAGES = List.of(V2021, V2022, V2023, V2030);
    /** what may be surrendered for the compliance year 2022 (seed 003 §四) */
    private static final List<String> SURRENDERABLE_2022 = List.of("2019-2020", "2021", "2022");
    private static final Instant TRADED_AT = Instant.parse("2026-06-01T02:00:00Z");

    @IntegrationTest
    static final class SpringContext {
    }

    private static ApplicationContext context;
    private static RegistryFixtures fx;
    private static JdbcClient jdbc;
    private static CurrentUser operator;
    private static CurrentUser checker;
    private static CurrentUser province;
    private static CurrentUser exchange;

    @BeforeContainer
    static void startApplication() {
        context = new TestContextManager(SpringContext.class).getTestContext().getApplicationContext();
        fx = new RegistryFixtures(context);
        jdbc = context.getBean(JdbcClient.class);
        operator = fx.user("registry.operator");
        checker = fx.user("registry.checker");
        province = fx.user("zj.officer");
        exchange = fx.user("exchange");
    }

    // ---------------------------------------------------------------- the model

    /** One holding: the national accounts' are unbounded sums (they may go negative), every other one is at least 0. */
    record Key(String account, Vintage vintage, HoldingState state) {
        boolean national() {
            return account.startsWith("N-");
        }

        Key in(HoldingState other) {
            return new Key(account, vintage, other);
        }

        @Override
        public String toString() {
            return account + "/" + vintage + "/" + state;
        }
    }

    /** One movement as the request asks it (a pending one is first reserved in the debit account's RESERVED holding). */
    record Leg(Key from, Key to, long quantity) {
    }

    /** Expected balances per account × vintage × state, changed only by what the ledger is expected to accept. */
    static final class Model {
        final Map<Key, Long> balances = new HashMap<>();

        long get(Key k) {
            return balances.getOrDefault(k, 0L);
        }

        void add(Key k, long delta) {
            long v = get(k) + delta;
            if (v == 0) {
                balances.remove(k);
            } else {
                balances.put(k, v);
            }
        }

        /** Whether every leg, one after the other, finds enough in its debit holding. */
        boolean canApply(List<Leg> legs, boolean reserve) {
            Model copy = new Model();
            copy.balances.putAll(balances);
            for (Leg l : legs) {
                if (!l.from().national() && copy.get(l.from()) < l.quantity()) {
                    return false;
                }
                copy.add(l.from(), -l.quantity());
                copy.add(reserve ? l.from().in(HoldingState.RESERVED) : l.to(), l.quantity());
            }
            return true;
        }

        void apply(List<Leg> legs, boolean reserve) {
            for (Leg l : legs) {
                add(l.from(), -l.quantity());
                add(reserve ? l.from().in(HoldingState.RESERVED) : l.to(), l.quantity());
            }
        }

        void decide(List<Leg> legs, boolean approve) {
            for (Leg l : legs) {
                add(l.from().in(HoldingState.RESERVED), -l.quantity());
                add(approve ? l.to() : l.from(), l.quantity());
            }
        }

        Map<Key, Long> of(String account) {
            Map<Key, Long> m = new HashMap<>();
            balances.forEach((k, v) -> {
                if (k.account().equals(account)) {
                    m.put(k, v);
                }
            });
            return m;
        }
    }

    enum Status { POSTED, PENDING_APPROVAL, APPROVED, REJECTED }

    /** One request as the client sends it: sending it again (same id, same content) must give the first outcome. */
    record Req(String id, OperationKind kind, String fingerprint, Supplier<Submitted> call, List<Leg> legs, boolean approval, boolean invalid,
            CurrentUser decider, Rec reverses, LongFunction<Req> withQuantity) {
    }

    /** A request the ledger recorded. */
    static final class Rec {
        final Req req;
        final UUID operationId;
        Status status;
        /** the pending or approved reversal of this operation */
        Rec reversal;

        Rec(Req req, UUID operationId, Status status) {
            this.req = req;
            this.operationId = operationId;
            this.status = status;
        }
    }

    // ---------------------------------------------------------------- the generated steps

    enum Kind {
        TRANSFER, TO_TRADING, TO_REGISTRY, CANCEL, FREEZE, RELEASE_FREEZE, PLEDGE, RELEASE_PLEDGE, SURRENDER, TRADE, REVERSE, APPROVE, REJECT,
        DECIDE_AGAIN, RETRY_SAME, RETRY_DIFFERENT
    }

    /** How the quantity is chosen from what the debit holding has (by the model): mostly valid, sometimes not. */
    enum Qty { SMALL, ALL, MORE_THAN_AVAILABLE, ZERO, NEGATIVE, HUGE }

    /** One generated step; {@code a} picks an account and {@code b} another (as an offset), {@code v} a vintage, {@code pick} an earlier request. */
    record Step(Kind kind, int a, int b, int v, Qty qty, int n, int pick, boolean flag) {
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(5, Kind.TRANSFER), Tuple.of(2, Kind.TO_TRADING), Tuple.of(2, Kind.TO_REGISTRY), Tuple.of(1, Kind.CANCEL),
                Tuple.of(2, Kind.FREEZE), Tuple.of(1, Kind.RELEASE_FREEZE), Tuple.of(2, Kind.PLEDGE), Tuple.of(1, Kind.RELEASE_PLEDGE),
                Tuple.of(2, Kind.SURRENDER), Tuple.of(2, Kind.TRADE), Tuple.of(2, Kind.REVERSE), Tuple.of(3, Kind.APPROVE), Tuple.of(2, Kind.REJECT),
                Tuple.of(1, Kind.DECIDE_AGAIN), Tuple.of(5, Kind.RETRY_SAME), Tuple.of(2, Kind.RETRY_DIFFERENT));
        Arbitrary<Qty> quantities = Arbitraries.frequency(
                Tuple.of(12, Qty.SMALL), Tuple.of(2, Qty.ALL), Tuple.of(2, Qty.MORE_THAN_AVAILABLE), Tuple.of(1, Qty.ZERO), Tuple.of(1, Qty.NEGATIVE),
                Tuple.of(1, Qty.HUGE));
        Arbitrary<Integer> account = Arbitraries.integers().between(0, 2);
        // the other account, as an offset from the first: mostly another one, sometimes the same (refused where it matters)
        Arbitrary<Integer> other = Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(4, 1), Tuple.of(4, 2));
        // vintages: mostly 2023 (everyone holds it), then 2021 / 2022, rarely the never-issued 2030
        Arbitrary<Integer> vintage = Arbitraries.frequency(Tuple.of(6, 2), Tuple.of(3, 0), Tuple.of(2, 1), Tuple.of(1, 3));
        Arbitrary<Step> step = Combinators.combine(kinds, account, other, vintage, quantities, Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(30);
    }

    // ---------------------------------------------------------------- properties

    // edge cases off: the quantities' edge cases are generated on purpose (Qty), and lists made of one edge-case step repeated
    // (the same account twice, a huge quantity ...) would only be refused over and over
    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void randomSequencesKeepTheLedgerExactAndApplyEachIdOnce(@ForAll("sequences") List<Step> steps) {
        Session s = new Session();
        for (Step step : steps) {
            s.perform(step);
        }
        s.verifyAll();
    }

    enum Together { TRANSFER, SURRENDER, TRADE, FREEZE, CANCEL, APPROVE, REJECT }

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void theSameRequestFromManyThreadsAtOnceIsAppliedOnce(@ForAll @IntRange(min = 2, max = 8) int threads, @ForAll Together what,
            @ForAll boolean enough) throws Exception {
        RegistryFixtures.Holder a = fx.funded(REGION, V2023, 100);
        fx.issue(a.account(), V2021, 50);
        fx.issue(a.account(), V2022, 50);
        RegistryFixtures.Holder b = fx.newHolder(REGION);
        long q = enough ? 30 : 1_000;
        String id = RegistryFixtures.id();
        Map<Key, Long> before = holdings(a.account(), b.account());

        if (what == Together.APPROVE || what == Together.REJECT) {
            UUID pending = fx.registry.freeze(operator, RegistryFixtures.id(), a.number(), V2023, 30, "court order 1").operation().id();
            List<Object> outcomes = together(threads, () -> what == Together.APPROVE ? fx.registry.approve(checker, pending)
                    : fx.registry.reject(checker, pending, "not this one"));
            assertThat(outcomes.stream().filter(o -> o instanceof Operation)).hasSize(1);
            for (Object o : outcomes) {
                if (!(o instanceof Operation)) {
                    assertThat(o).isInstanceOf(ValidationFailed.class);
                    assertThat(keys((ValidationFailed) o)).containsExactly("registry.operation.decided");
                }
            }
            assertThat(transferCount(pending)).isEqualTo(2);
            assertThat(fx.balance(a.account(), V2023, HoldingState.RESERVED)).isZero();
            assertThat(fx.balance(a.account(), V2023, HoldingState.FROZEN)).isEqualTo(what == Together.APPROVE ? 30 : 0);
            assertThat(fx.balance(a.account(), V2023, HoldingState.AVAILABLE)).isEqualTo(what == Together.APPROVE ? 70 : 100);
            assertThat(fx.checker.run("property").violations()).isEmpty();
            return;
        }

        if (what == Together.TRADE) {
            fx.registry.moveHolding(a.officer(), RegistryFixtures.id(), a.number(), V2023, 100, true);
            before = holdings(a.account(), b.account());
        }
        String tradeId = "p-" + UUID.randomUUID();
        Supplier<Submitted> request = switch (what) {
            case TRANSFER -> () -> fx.registry.transfer(a.officer(), id, a.number(), b.number(), V2023, q, null);
            case SURRENDER -> () -> fx.registry.surrender(a.officer(), id, a.number(), 2022,
                    List.of(new Registry.SurrenderPart(V2021, q, false), new Registry.SurrenderPart(V2022, 20, false)));
            case TRADE -> () -> fx.trades.settle(exchange, tradeId, a.number(), b.number(), V2023, q, 6_000L, TRADED_AT);
            case FREEZE -> () -> fx.registry.freeze(operator, id, a.number(), V2023, q, "court order 2");
            case CANCEL -> () -> fx.registry.cancel(a.officer(), id, a.number(), V2023, q, null);
            default -> throw new IllegalStateException();
        };
        String idempotencyId = what == Together.TRADE ? "trade:" + tradeId : id;
        List<Object> outcomes = together(threads, request::get);

        Map<Key, Long> expected = new HashMap<>(before);
        if (enough) {
            List<Submitted> submitted = new ArrayList<>();
            for (Object o : outcomes) {
                if (!(o instanceof Submitted sub)) {
                    throw new AssertionError("a thread failed: " + o, (Throwable) o);
                }
                submitted.add(sub);
            }
            assertThat(submitted.stream().filter(x -> !x.replayed())).as("exactly one thread applied it").hasSize(1);
            assertThat(submitted.stream().map(x -> x.operation().id()).distinct()).hasSize(1);
            UUID op = submitted.getFirst().operation().id();
            String an = a.number();
            String bn = b.number();
            switch (what) {
                case TRANSFER -> move(expected, new Key(an, V2023, HoldingState.AVAILABLE), new Key(bn, V2023, HoldingState.AVAILABLE), q);
                case TRADE -> move(expected, new Key(an, V2023, HoldingState.TRADING), new Key(bn, V2023, HoldingState.TRADING), q);
                case FREEZE -> move(expected, new Key(an, V2023, HoldingState.AVAILABLE), new Key(an, V2023, HoldingState.RESERVED), q);
                case CANCEL -> move(expected, new Key(an, V2023, HoldingState.AVAILABLE), null, q);
                case SURRENDER -> {
                    move(expected, new Key(an, V2021, HoldingState.AVAILABLE), new Key(an, V2021, HoldingState.RESERVED), q);
                    move(expected, new Key(an, V2022, HoldingState.AVAILABLE), new Key(an, V2022, HoldingState.RESERVED), 20);
                }
                default -> throw new IllegalStateException();
            }
            assertThat(transferCount(op)).isEqualTo(what == Together.SURRENDER ? 2 : 1);
        } else {
            for (Object o : outcomes) {
                assertThat(o).as("every thread is refused").isInstanceOf(ValidationFailed.class);
                assertThat(keys((ValidationFailed) o)).containsExactly("registry.insufficient");
            }
            assertThat(fx.store.operationByIdempotencyId(idempotencyId)).isEmpty();
        }
        assertThat(operationCount(idempotencyId)).isEqualTo(enough ? 1 : 0);
        assertThat(holdings(a.account(), b.account())).isEqualTo(expected);
        assertThat(fx.checker.run("property").violations()).isEmpty();
    }

    // ---------------------------------------------------------------- examples the sequences found

    /** Was a bug (a raw transfer_check violation on approval, the allowances stuck in RESERVED); fixed in 4b68982. */
    @Example
    void reversingAnApprovedFreezeGivesTheAllowancesBack() {
        RegistryFixtures.Holder a = fx.funded(REGION, V2023, 100);
        UUID freeze = fx.registry.freeze(operator, RegistryFixtures.id(), a.number(), V2023, 40, "court order 3").operation().id();
        fx.registry.approve(checker, freeze);
        UUID reversal = fx.registry.reverse(operator, RegistryFixtures.id(), freeze, "entered by mistake").operation().id();
        fx.registry.approve(checker, reversal);
        assertThat(fx.balance(a.account(), V2023, HoldingState.AVAILABLE)).isEqualTo(100);
        assertThat(fx.balance(a.account(), V2023, HoldingState.FROZEN)).isZero();
        assertThat(fx.balance(a.account(), V2023, HoldingState.RESERVED)).isZero();
    }

    /** Was a bug (the allowances stranded in RESERVED, where nothing releases them); fixed in 4b68982. */
    @Example
    void reversingAnApprovedSurrenderGivesTheAllowancesBack() {
        RegistryFixtures.Holder a = fx.funded(REGION, V2021, 100);
        UUID surrender = fx.registry.surrender(a.officer(), RegistryFixtures.id(), a.number(), 2022, List.of(new Registry.SurrenderPart(V2021, 30, false)))
                .operation().id();
        fx.registry.approve(province, surrender);
        UUID reversal = fx.registry.reverse(operator, RegistryFixtures.id(), surrender, "entered by mistake").operation().id();
        fx.registry.approve(checker, reversal);
        assertThat(fx.balance(a.account(), V2021, HoldingState.AVAILABLE)).isEqualTo(100);
        assertThat(fx.balance(a.account(), V2021, HoldingState.RESERVED)).isZero();
    }

    @Example
    void retryingAReversalReplaysIt() {
        RegistryFixtures.Holder a = fx.funded(REGION, V2023, 100);
        RegistryFixtures.Holder b = fx.newHolder(REGION);
        UUID transfer = fx.registry.transfer(a.officer(), RegistryFixtures.id(), a.number(), b.number(), V2023, 10, null).operation().id();
        String id = RegistryFixtures.id();
        Submitted first = fx.registry.reverse(operator, id, transfer, "entered by mistake");
        Submitted again = fx.registry.reverse(operator, id, transfer, "entered by mistake");
        assertThat(again.replayed()).isTrue();
        assertThat(again.operation().id()).isEqualTo(first.operation().id());
    }

    // ---------------------------------------------------------------- one sequence against the real ledger

    private final class Session {
        final String prefix = "p-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        final List<RegistryFixtures.Holder> holders = new ArrayList<>();
        final Model model = new Model();
        final Map<String, Rec> recorded = new LinkedHashMap<>();
        final List<Req> sent = new ArrayList<>();
        final List<Req> setup = new ArrayList<>();
        /** the step being performed; null while the accounts are being funded */
        Step current;
        int counter;

        Session() {
            long[][] funding = {{300, 100, 1_000}, {50, 200, 600}, {30, 20, 300}};
            for (long[] f : funding) {
                RegistryFixtures.Holder h = fx.newHolder(REGION);
                holders.add(h);
                for (int i = 0; i < 3; i++) {
                    if (f[i] > 0) {
                        execute(issuance(h, VINTAGES.get(i), f[i]));
                    }
                }
            }
            // something in the trading holdings to settle trades from
            execute(moveHolding(nextId(), holders.get(0), V2023, 200, true));
            execute(moveHolding(nextId(), holders.get(1), V2023, 100, true));
            // and something frozen and pledged to release
            execute(hold(nextId(), OperationKind.FREEZE, holders.get(0), V2023, 80, "court order 0"));
            execute(hold(nextId(), OperationKind.PLEDGE, holders.get(1), V2023, 80, "contract 0"));
            for (Rec r : List.copyOf(recorded.values())) {
                if (r.status == Status.PENDING_APPROVAL) {
                    decide(r, true);
                }
            }
            setup.addAll(sent);
        }

        String nextId() {
            return prefix + (++counter);
        }

        RegistryFixtures.Holder holder(int i) {
            return holders.get(i);
        }

        Key key(RegistryFixtures.Holder h, Vintage v, HoldingState state) {
            return new Key(h.number(), v, state);
        }

        long quantity(Step s, Key debit) {
            long has = model.get(debit);
            return switch (s.qty()) {
                case SMALL -> 1 + s.n() % 60;
                case ALL -> has;
                case MORE_THAN_AVAILABLE -> has + 1 + s.n() % 10;
                case ZERO -> 0;
                case NEGATIVE -> -(1 + s.n() % 5);
                case HUGE -> Ledger.MAX_QUANTITY + 1 + s.n();
            };
        }

        void perform(Step s) {
            current = s;
            switch (s.kind()) {
                case APPROVE, REJECT -> decide(s);
                case DECIDE_AGAIN -> decideAgain(s);
                default -> {
                    Req r = request(s);
                    if (r != null) {
                        execute(r);
                    }
                }
            }
            verifyHoldings("after " + s);
        }

        Req request(Step s) {
            RegistryFixtures.Holder a = holder(s.a());
            Vintage v = VINTAGES.get(s.v());
            // what moves out of the trading, frozen or pledged holdings mostly comes from one that holds something
            HoldingState source = switch (s.kind()) {
                case TO_REGISTRY, TRADE -> HoldingState.TRADING;
                case RELEASE_FREEZE -> HoldingState.FROZEN;
                case RELEASE_PLEDGE -> HoldingState.PLEDGED;
                default -> null;
            };
            if (source != null && s.n() % 5 != 0) {
                List<Key> held = model.balances.keySet().stream().filter(k -> k.state() == source && !k.national()).sorted(
                        Comparator.comparing(Key::toString)).toList();
                if (!held.isEmpty()) {
                    Key k = held.get(s.pick() % held.size());
                    a = holders.stream().filter(h -> h.number().equals(k.account())).findFirst().orElseThrow();
                    v = k.vintage();
                }
            }
            int ai = holders.indexOf(a);
            RegistryFixtures.Holder b = holder((ai + s.b()) % 3);
            String id = nextId();
            return switch (s.kind()) {
                case TRANSFER -> transfer(id, a, b, v, quantity(s, key(a, v, HoldingState.AVAILABLE)));
                case TO_TRADING -> moveHolding(id, a, v, quantity(s, key(a, v, HoldingState.AVAILABLE)), true);
                case TO_REGISTRY -> moveHolding(id, a, v, quantity(s, key(a, v, HoldingState.TRADING)), false);
                case CANCEL -> cancel(id, a, v, quantity(s, key(a, v, HoldingState.AVAILABLE)));
                case FREEZE -> hold(id, OperationKind.FREEZE, a, v, quantity(s, key(a, v, HoldingState.AVAILABLE)), "court order " + s.n());
                case RELEASE_FREEZE -> hold(id, OperationKind.RELEASE_FREEZE, a, v, quantity(s, key(a, v, HoldingState.FROZEN)), "court order " + s.n());
                case PLEDGE -> hold(id, OperationKind.PLEDGE, a, v, quantity(s, key(a, v, HoldingState.AVAILABLE)), "contract " + s.n());
                case RELEASE_PLEDGE -> hold(id, OperationKind.RELEASE_PLEDGE, a, v, quantity(s, key(a, v, HoldingState.PLEDGED)), "contract " + s.n());
                case SURRENDER -> {
                    // mostly surrenderable vintages (2021, 2022); sometimes 2023 or the never-issued 2030, both refused
                    Vintage sv = s.v() == 2 && s.n() % 8 != 0 ? V2021 : v;
                    boolean borrowed = s.n() % 9 == 0;
                    Key first = key(a, sv, borrowed ? HoldingState.SURRENDER_ONLY : HoldingState.AVAILABLE);
                    List<Registry.SurrenderPart> parts = new ArrayList<>();
                    parts.add(new Registry.SurrenderPart(sv, quantity(s, first), borrowed));
                    if (s.flag()) {
                        // a second part, of another (or the same) vintage: the legs must apply all or nothing
                        Vintage second = s.pick() % 17 == 0 ? V2023 : VINTAGES.get(s.pick() % 2);
                        parts.add(new Registry.SurrenderPart(second, 1 + s.pick() % 40, false));
                    }
                    yield surrender(id, a, parts);
                }
                case TRADE -> trade("trade-" + id, a, b, v, quantity(s, key(a, v, HoldingState.TRADING)), 5_000L + s.n());
                case REVERSE -> {
                    // mostly an operation of the sequence, sometimes any (the funding issuances included)
                    List<Rec> candidates = new ArrayList<>(recorded.values().stream().filter(r -> s.flag() || !setup.contains(r.req)).toList());
                    yield candidates.isEmpty() ? null : reversal(id, candidates.get(s.pick() % candidates.size()), "reason " + s.n());
                }
                case RETRY_SAME -> {
                    // mostly a request of the sequence the ledger recorded (a retry after a lost answer), else any earlier one
                    List<Req> candidates = new ArrayList<>((s.flag() ? sent.stream() : recorded.values().stream().map(r -> r.req)).filter(r -> !setup.contains(r))
                            .toList());
                    if (candidates.isEmpty()) {
                        candidates.addAll(sent);
                    }
                    if (!REVERSAL_RETRY_FIXED) {
                        candidates.removeIf(r -> r.kind() == OperationKind.REVERSAL && recorded.containsKey(r.id()));
                    }
                    yield candidates.isEmpty() ? null : candidates.get(s.pick() % candidates.size());
                }
                case RETRY_DIFFERENT -> {
                    List<Req> candidates = sent.size() > setup.size() && !s.flag() ? sent.subList(setup.size(), sent.size()) : sent;
                    Req earlier = candidates.get(s.pick() % candidates.size());
                    long q = earlier.legs().getFirst().quantity();
                    long other = q <= 0 || q >= Ledger.MAX_QUANTITY ? 1 : q + 1;
                    yield earlier.withQuantity() != null ? earlier.withQuantity().apply(other)
                            : transfer(earlier.id(), a, b, VINTAGES.get(2), other);
                }
                default -> throw new IllegalStateException(s.toString());
            };
        }

        // ---- the requests, each with its expected legs

        Req issuance(RegistryFixtures.Holder h, Vintage v, long q) {
            String id = nextId();
            Account issuing = fx.registry.national(AccountKind.NATIONAL_ISSUANCE);
            return new Req(id, OperationKind.ISSUANCE, "ISSUANCE|" + h.number() + "|" + v + "|" + q,
                    () -> fx.ledger.submit(new Ledger.Request(id, OperationKind.ISSUANCE, h.account(), null, Map.of(),
                            List.of(new Ledger.Move(issuing, HoldingState.AVAILABLE, h.account(), HoldingState.AVAILABLE, UnitType.CEA, v, q)), false,
                            Ledger.Initiator.platform("property test issuance"))),
                    List.of(new Leg(new Key(issuing.number(), v, HoldingState.AVAILABLE), key(h, v, HoldingState.AVAILABLE), q)), false, invalid(q),
                    null, null, null);
        }

        Req transfer(String id, RegistryFixtures.Holder a, RegistryFixtures.Holder b, Vintage v, long q) {
            return new Req(id, OperationKind.TRANSFER, "TRANSFER|" + a.number() + "|" + b.number() + "|" + v + "|" + q,
                    () -> fx.registry.transfer(a.officer(), id, a.number(), b.number(), v, q, "property"),
                    List.of(new Leg(key(a, v, HoldingState.AVAILABLE), key(b, v, HoldingState.AVAILABLE), q)), false, invalid(q) || a == b, null, null,
                    other -> transfer(id, a, b, v, other));
        }

        Req moveHolding(String id, RegistryFixtures.Holder a, Vintage v, long q, boolean toTrading) {
            HoldingState from = toTrading ? HoldingState.AVAILABLE : HoldingState.TRADING;
            HoldingState to = toTrading ? HoldingState.TRADING : HoldingState.AVAILABLE;
            return new Req(id, toTrading ? OperationKind.TO_TRADING : OperationKind.TO_REGISTRY, "MOVE|" + toTrading + "|" + a.number() + "|" + v + "|" + q,
                    () -> fx.registry.moveHolding(a.officer(), id, a.number(), v, q, toTrading), List.of(new Leg(key(a, v, from), key(a, v, to), q)),
                    false, invalid(q), null, null, other -> moveHolding(id, a, v, other, toTrading));
        }

        Req cancel(String id, RegistryFixtures.Holder a, Vintage v, long q) {
            return new Req(id, OperationKind.CANCELLATION, "CANCEL|" + a.number() + "|" + v + "|" + q,
                    () -> fx.registry.cancel(a.officer(), id, a.number(), v, q, "property"),
                    List.of(new Leg(key(a, v, HoldingState.AVAILABLE), new Key("N-CANCELLATION", v, HoldingState.AVAILABLE), q)), false, invalid(q), null,
                    null, other -> cancel(id, a, v, other));
        }

        Req hold(String id, OperationKind kind, RegistryFixtures.Holder a, Vintage v, long q, String reference) {
            HoldingState from = switch (kind) {
                case FREEZE, PLEDGE -> HoldingState.AVAILABLE;
                case RELEASE_FREEZE -> HoldingState.FROZEN;
                case RELEASE_PLEDGE -> HoldingState.PLEDGED;
                default -> throw new IllegalArgumentException(kind.name());
            };
            HoldingState to = switch (kind) {
                case FREEZE -> HoldingState.FROZEN;
                case PLEDGE -> HoldingState.PLEDGED;
                default -> HoldingState.AVAILABLE;
            };
            Supplier<Submitted> call = switch (kind) {
                case FREEZE -> () -> fx.registry.freeze(operator, id, a.number(), v, q, reference);
                case RELEASE_FREEZE -> () -> fx.registry.releaseFreeze(operator, id, a.number(), v, q, reference);
                case PLEDGE -> () -> fx.registry.pledge(operator, id, a.number(), v, q, "工商银行宁波分行", reference);
                default -> () -> fx.registry.releasePledge(operator, id, a.number(), v, q, "工商银行宁波分行", reference);
            };
            return new Req(id, kind, kind + "|" + a.number() + "|" + v + "|" + q + "|" + reference, call,
                    List.of(new Leg(key(a, v, from), key(a, v, to), q)), true, invalid(q), checker, null, other -> hold(id, kind, a, v, other, reference));
        }

        Req surrender(String id, RegistryFixtures.Holder a, List<Registry.SurrenderPart> parts) {
            List<Leg> legs = new ArrayList<>();
            boolean invalid = false;
            StringBuilder fingerprint = new StringBuilder("SURRENDER|" + a.number());
            for (Registry.SurrenderPart p : parts) {
                legs.add(new Leg(key(a, p.vintage(), p.borrowed() ? HoldingState.SURRENDER_ONLY : HoldingState.AVAILABLE),
                        new Key("N-SURRENDER", p.vintage(), HoldingState.AVAILABLE), p.quantity()));
                invalid |= invalid(p.quantity()) || !SURRENDERABLE_2022.contains(p.vintage().toString());
                fingerprint.append('|').append(p);
            }
            return new Req(id, OperationKind.SURRENDER, fingerprint.toString(), () -> fx.registry.surrender(a.officer(), id, a.number(), 2022, parts),
                    legs, true, invalid, province, null, other -> {
                        List<Registry.SurrenderPart> changed = new ArrayList<>(parts);
                        Registry.SurrenderPart first = changed.getFirst();
                        changed.set(0, new Registry.SurrenderPart(first.vintage(), other, first.borrowed()));
                        return surrender(id, a, changed);
                    });
        }

        Req trade(String tradeId, RegistryFixtures.Holder seller, RegistryFixtures.Holder buyer, Vintage v, long q, long priceFen) {
            return new Req("trade:" + tradeId, OperationKind.TRADE_SETTLEMENT, "TRADE|" + seller.number() + "|" + buyer.number() + "|" + v + "|" + q + "|" + priceFen,
                    () -> fx.trades.settle(exchange, tradeId, seller.number(), buyer.number(), v, q, priceFen, TRADED_AT),
                    List.of(new Leg(key(seller, v, HoldingState.TRADING), key(buyer, v, HoldingState.TRADING), q)), false, invalid(q) || seller == buyer,
                    null, null, other -> trade(tradeId, seller, buyer, v, other, priceFen));
        }

        /** Every movement of the original, back from where it went to where it came from. */
        Req reversal(String id, Rec original, String reason) {
            List<Leg> legs = original.req.legs().stream().map(l -> new Leg(l.to(), l.from(), l.quantity())).toList();
            return new Req(id, OperationKind.REVERSAL, "REVERSAL|" + original.operationId + "|" + reason,
                    () -> fx.registry.reverse(operator, id, original.operationId, reason), legs, true, false, checker, original, null);
        }

        boolean invalid(long q) {
            return q <= 0 || q > Ledger.MAX_QUANTITY;
        }

        // ---- executing a request and checking its outcome

        enum Expect { NEW, REPLAY, REFUSED }

        Expect expect(Req r) {
            if (r.invalid()) {
                return Expect.REFUSED;
            }
            Rec existing = recorded.get(r.id());
            if (existing != null) {
                return existing.req.fingerprint().equals(r.fingerprint()) ? Expect.REPLAY : Expect.REFUSED;
            }
            if (r.reverses() != null) {
                Rec original = r.reverses();
                if (original.req.kind() == OperationKind.REVERSAL || original.status == Status.PENDING_APPROVAL || original.status == Status.REJECTED
                        || original.reversal != null) {
                    return Expect.REFUSED;
                }
            }
            return model.canApply(r.legs(), r.approval()) ? Expect.NEW : Expect.REFUSED;
        }

        void execute(Req r) {
            sent.add(r);
            Expect expected = expect(r);
            if (current != null) {
                String what = switch (current.kind()) {
                    case RETRY_SAME, RETRY_DIFFERENT -> current.kind() + " " + r.kind();
                    case REVERSE -> "REVERSAL of " + r.reverses().req.kind() + " " + r.reverses().status;
                    default -> r.kind().name();
                };
                Statistics.label("requests").collect(what, expected);
            }
            Submitted result;
            try {
                result = r.call().get();
            } catch (ValidationFailed e) {
                if (expected != Expect.REFUSED) {
                    fail("expected " + expected + " but " + r.fingerprint() + " (" + r.id() + ") was refused: " + e.getMessage());
                }
                assertThat(fx.store.operationByIdempotencyId(r.id()).isPresent()).as("a refusal records nothing").isEqualTo(recorded.containsKey(r.id()));
                return;
            }
            switch (expected) {
                case REFUSED -> fail("expected a refusal of " + r.fingerprint() + " (" + r.id() + "), got " + result);
                case REPLAY -> {
                    assertThat(result.replayed()).as("a retry is a replay").isTrue();
                    assertThat(result.operation().id()).isEqualTo(recorded.get(r.id()).operationId);
                }
                case NEW -> {
                    assertThat(result.replayed()).isFalse();
                    assertThat(result.operation().status()).isEqualTo(r.approval() ? Operation.Status.PENDING_APPROVAL : Operation.Status.POSTED);
                    assertThat(result.operation().idempotencyId()).isEqualTo(r.id());
                    assertThat(result.operation().legs()).hasSize(r.legs().size());
                    model.apply(r.legs(), r.approval());
                    Rec rec = new Rec(r, result.operation().id(), r.approval() ? Status.PENDING_APPROVAL : Status.POSTED);
                    recorded.put(r.id(), rec);
                    if (r.reverses() != null) {
                        r.reverses().reversal = rec;
                    }
                }
            }
        }

        void decide(Step s) {
            List<Rec> pending = recorded.values().stream().filter(r -> r.status == Status.PENDING_APPROVAL).toList();
            if (pending.isEmpty()) {
                return;
            }
            Rec r = pending.get(s.pick() % pending.size());
            boolean approve = s.kind() == Kind.APPROVE;
            Statistics.label("requests").collect(s.kind().name() + " " + r.req.kind(), "DECIDED");
            decide(r, approve);
        }

        void decide(Rec r, boolean approve) {
            Operation decided = approve ? fx.registry.approve(r.req.decider(), r.operationId)
                    : fx.registry.reject(r.req.decider(), r.operationId, "rejected by the property");
            assertThat(decided.status()).isEqualTo(approve ? Operation.Status.APPROVED : Operation.Status.REJECTED);
            model.decide(r.req.legs(), approve);
            r.status = approve ? Status.APPROVED : Status.REJECTED;
            if (!approve && r.req.reverses() != null) {
                r.req.reverses().reversal = null;
            }
        }

        void decideAgain(Step s) {
            List<Rec> done = recorded.values().stream().filter(r -> r.status != Status.PENDING_APPROVAL && (s.flag() || !setup.contains(r.req))).toList();
            if (done.isEmpty()) {
                return;
            }
            Rec r = done.get(s.pick() % done.size());
            Statistics.label("requests").collect("DECIDE_AGAIN " + r.req.kind(), "REFUSED");
            CurrentUser decider = r.req.decider() == null ? checker : r.req.decider();
            try {
                if (s.flag()) {
                    fx.registry.approve(decider, r.operationId);
                } else {
                    fx.registry.reject(decider, r.operationId, "again");
                }
                fail("a second decision on " + r.req.fingerprint() + " (" + r.status + ") was accepted");
            } catch (ValidationFailed expected) {
                assertThat(keys(expected)).containsExactly("registry.operation.decided");
            }
        }

        // ---- checking the ledger against the model

        void verifyHoldings(String when) {
            for (RegistryFixtures.Holder h : holders) {
                Map<Key, Long> actual = new HashMap<>();
                for (Holding x : fx.store.holdings(h.account())) {
                    if (x.balance() != 0) {
                        actual.put(new Key(x.account(), x.vintage(), x.state()), x.balance());
                    }
                }
                assertThat(actual).as("holdings of %s %s", h.number(), when).isEqualTo(model.of(h.number()));
            }
        }

        void verifyAll() {
            verifyHoldings("at the end");
            String[] ids = sent.stream().map(Req::id).distinct().toArray(String[]::new);
            // every id recorded once; refused ones not at all; each operation with its legs' transfers (twice when decided)
            Map<String, long[]> rows = new HashMap<>();
            jdbc.sql("""
                    select o.idempotency_id, count(distinct o.id) operations, count(t.id) transfers
                    from registry.operation o left join registry.transfer t on t.operation_id = o.id
                    where o.idempotency_id = any(?) group by o.idempotency_id""").param(ids)
                    .query(rs -> {
                        rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    });
            assertThat(rows.keySet()).as("the ids the ledger recorded").containsExactlyInAnyOrderElementsOf(recorded.keySet());
            for (Rec r : recorded.values()) {
                long legs = r.req.legs().size();
                long transfers = switch (r.status) {
                    case POSTED, PENDING_APPROVAL -> legs;
                    case APPROVED, REJECTED -> 2 * legs;
                };
                assertThat(rows.get(r.req.id())).as("operations and transfers of %s", r.req.fingerprint()).containsExactly(1, transfers);
                Operation.Status status = fx.store.operation(r.operationId).orElseThrow().status();
                assertThat(status.name()).as("status of %s", r.req.fingerprint()).isEqualTo(r.status.name());
            }
            // the net effect of these operations on every holding, national ones included, is exactly the model's
            Map<Key, Long> net = new HashMap<>();
            jdbc.sql("""
                    select a.number, h.vintage, h.state,
                      sum(case when t.credit_holding_id = h.id then t.quantity else -t.quantity end) change
                    from registry.transfer t join registry.operation o on o.id = t.operation_id
                    join registry.holding h on h.id in (t.debit_holding_id, t.credit_holding_id) join registry.account a on a.id = h.account_id
                    where o.idempotency_id = any(?) group by a.number, h.vintage, h.state""").param(ids)
                    .query(rs -> {
                        long change = rs.getLong(4);
                        if (change != 0) {
                            net.put(new Key(rs.getString(1), Vintage.parse(rs.getString(2)), HoldingState.valueOf(rs.getString(3))), change);
                        }
                    });
            assertThat(net).as("net effect of the sequence's operations").isEqualTo(model.balances);
            assertThat(model.balances.values().stream().mapToLong(Long::longValue).sum()).as("nothing created or destroyed").isZero();
            InvariantCheck check = fx.checker.run("property");
            assertThat(check.violations()).isEmpty();
            assertThat(check.passed()).isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Runs {@code work} on {@code threads} threads released at the same moment; each outcome is a result or the exception thrown. */
    private static List<Object> together(int threads, Supplier<?> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return work.get();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void move(Map<Key, Long> balances, Key from, Key to, long q) {
        balances.merge(from, -q, Long::sum);
        balances.remove(from, 0L);
        if (to != null) {
            balances.merge(to, q, Long::sum);
        }
    }

    private static Map<Key, Long> holdings(Account... accounts) {
        Map<Key, Long> m = new HashMap<>();
        for (Account account : accounts) {
            for (Holding h : fx.store.holdings(account)) {
                if (h.balance() != 0) {
                    m.put(new Key(h.account(), h.vintage(), h.state()), h.balance());
                }
            }
        }
        return m;
    }

    private static List<String> keys(ValidationFailed e) {
        return e.violations().stream().map(FieldViolation::messageKey).toList();
    }

    private static long transferCount(UUID operation) {
        return jdbc.sql("select count(*) from registry.transfer where operation_id = ?").param(operation).query(Long.class).single();
    }

    private static long operationCount(String idempotencyId) {
        return jdbc.sql("select count(*) from registry.operation where idempotency_id = ?").param(idempotencyId).query(Long.class).single();
    }
}
