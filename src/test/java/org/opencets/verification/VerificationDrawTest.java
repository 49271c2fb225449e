package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.verification.VerificationFixtures.YEAR;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.Sector;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.VerificationFixtures.Plant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The random draw (issue 6): logged with its seed, every task's candidates and excluded firms (with their conflict codes)
 * and the result; reproducible by anyone from the log — recomputed here from the documented algorithm, not from the
 * code — and a tampered log no longer reproduces; the log cannot be changed in the database.
 *
 * <p>Data ownership: three cement plants and two firms registered here. The demo firms consulted for the plants (recorded
 * here), so they are excluded and the test's own two firms are the eligible ones.
 */
@IntegrationTest
class VerificationDrawTest {

    @Autowired
    VerificationTasks tasks;
    @Autowired
    VerificationFirms firms;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    VerificationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new VerificationFixtures(context);
    }

    @Test
    void theDrawIsLoggedAppliedReproducibleAndImmutable() {
        CurrentUser city = fx.city();
        Firm yongqing = fx.yongqing();
        Firm jiacheng = fx.jiacheng();
        Firm a = fx.freshFirm("宁波抽签甲核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS));
        Firm b = fx.freshFirm("宁波抽签乙核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS, Sector.CHEMICAL));
        try {
            List<Plant> plants = List.of(fx.cementPlant("宁波北仑抽签一测试水泥有限公司"), fx.cementPlant("宁波北仑抽签二测试水泥有限公司"),
                    fx.cementPlant("宁波北仑抽签三测试水泥有限公司"));
            tasks.createTasks(city, YEAR);
            Map<String, VerificationTask> byEmitter = new LinkedHashMap<>();
            for (Plant p : plants) {
                byEmitter.put(p.uscc().value(), fx.taskOf(p));
                for (Firm consulted : List.of(yongqing, jiacheng)) {
                    firms.recordEngagement(city, consulted.organisationId(), p.uscc(), YEAR, Engagement.Kind.CONSULTING, "节能诊断咨询");
                }
            }

            String seed = "2026-宁波-核查抽签-" + UUID.randomUUID();
            Draw draw = tasks.draw(city, YEAR, seed);
            assertThat(draw.seed()).isEqualTo(seed);
            assertThat(draw.purpose()).isEqualTo(Draw.Purpose.ASSIGNMENT);
            assertThat(draw.region()).isEqualTo("330200");
            assertThat(draw.drawnBy()).isEqualTo("nb.city");
            assertThat(draw.algorithm()).isEqualTo(DrawAlgorithm.DESCRIPTION);

            // ---- what was logged is what was drawn, and it reproduces
            Draw logged = tasks.draw(city, draw.id());
            assertThat(logged.seed()).isEqualTo(seed);
            assertThat(logged.entries()).isEqualTo(draw.entries());
            assertThat(logged.result()).isEqualTo(draw.result());
            assertThat(tasks.draws(city, YEAR)).extracting(Draw::id).contains(draw.id());
            assertThat(VerificationTasks.reproduces(logged)).isTrue();
            assertThat(documentedDraw(logged.seed(), logged.entries())).as("the documented algorithm, worked out here").isEqualTo(logged.result());

            // ---- every task of the test: its candidates, its excluded firms with why, and the firm it went to
            for (Plant p : plants) {
                String emitter = p.uscc().value();
                VerificationTask before = byEmitter.get(emitter);
                Draw.Entry entry = logged.entries().stream().filter(e -> e.emitter().equals(emitter)).findFirst().orElseThrow();
                assertThat(entry.taskId()).isEqualTo(before.id().toString());
                assertThat(entry.emitterName()).isEqualTo(p.emitter().name());
                assertThat(entry.candidates()).contains(a.uscc().value(), b.uscc().value()).doesNotContain(yongqing.uscc().value(), jiacheng.uscc().value())
                        .isSorted();
                assertThat(entry.excluded()).containsEntry(yongqing.uscc().value(), List.of("CONSULTED_EMITTER"))
                        .containsEntry(jiacheng.uscc().value(), List.of("CONSULTED_EMITTER"));
                String chosen = logged.result().get(emitter);
                assertThat(chosen).as("drawn for %s", emitter).isIn(entry.candidates());

                VerificationTask after = tasks.task(city, before.id());
                assertThat(after.status()).isEqualTo(TaskStatus.ASSIGNED);
                assertThat(after.firmId()).isEqualTo(fx.demoFirm(chosen).organisationId());
                assertThat(after.assignedHow()).isEqualTo(VerificationTask.Assignment.DRAW);
                assertThat(after.drawId()).isEqualTo(draw.id());
                assertThat(tasks.view(city, before.id()).history()).extracting(TaskEvent::action, TaskEvent::actor)
                        .contains(org.assertj.core.api.Assertions.tuple("DRAWN", "nb.city"));
            }
            // nothing is left to draw for these tasks: a second draw does not touch them
            try {
                tasks.draw(city, YEAR, seed + "-again");
            } catch (org.opencets.shared.ValidationFailed nothingLeft) {
                assertThat(nothingLeft.violations()).extracting(org.opencets.shared.FieldViolation::messageKey).contains("verification.draw.nothing");
            }
            for (Plant p : plants) {
                assertThat(tasks.task(city, byEmitter.get(p.uscc().value()).id()).drawId()).isEqualTo(draw.id());
            }

            // ---- a tampered log does not reproduce
            String first = plants.getFirst().uscc().value();
            Draw.Entry firstEntry = logged.entries().stream().filter(e -> e.emitter().equals(first)).findFirst().orElseThrow();
            String other = firstEntry.candidates().stream().filter(f -> !f.equals(logged.result().get(first))).findFirst().orElseThrow();
            Map<String, String> forgedResult = new LinkedHashMap<>(logged.result());
            forgedResult.put(first, other);
            assertThat(VerificationTasks.reproduces(withResult(logged, forgedResult))).isFalse();
            List<Draw.Entry> forgedEntries = logged.entries().stream().map(e -> !e.emitter().equals(first) ? e
                    : new Draw.Entry(e.taskId(), e.emitter(), e.emitterName(),
                            e.candidates().stream().filter(f -> !f.equals(logged.result().get(first))).toList(), e.excluded())).toList();
            assertThat(VerificationTasks.reproduces(new Draw(logged.id(), logged.year(), logged.region(), logged.purpose(), logged.seed(),
                    logged.algorithm(), forgedEntries, logged.result(), logged.drawnAt(), logged.drawnBy()))).isFalse();

            // ---- the database refuses to change or delete the log
            assertThatThrownBy(() -> jdbc.sql("update verification.draw set seed = 'forged' where id = ?").param(draw.id()).update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> jdbc.sql("update verification.draw set result = '{}'::jsonb where id = ?").param(draw.id()).update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> jdbc.sql("delete from verification.draw where id = ?").param(draw.id()).update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
            Draw still = tasks.draw(city, draw.id());
            assertThat(still.seed()).isEqualTo(seed);
            assertThat(still.result()).isEqualTo(logged.result());
            assertThat(VerificationTasks.reproduces(still)).isTrue();
        } finally {
            fx.retire(a);
            fx.retire(b);
        }
    }

    @Test
    void anotherCityDoesNotSeeTheDrawAndAFirmOnlyItsOwnTasks() {
        CurrentUser city = fx.city();
        Plant plant = fx.cementPlant("宁波北仑抽签可见性测试水泥有限公司");
        tasks.createTasks(city, YEAR);
        Draw draw = tasks.draw(city, YEAR, "visibility-" + UUID.randomUUID());
        assertThatThrownBy(() -> tasks.draw(fx.user("sx.city"), draw.id())).isInstanceOf(org.opencets.shared.RecordNotFound.class);
        assertThat(tasks.draws(fx.user("sx.city"), YEAR)).extracting(Draw::id).doesNotContain(draw.id());
        VerificationTask t = fx.taskOf(plant);
        assertThat(t.drawId()).isEqualTo(draw.id());
        // the firm it went to sees it; the other demo firm (if not chosen) does not
        for (String username : List.of("verifier1", "verifier2")) {
            CurrentUser v = fx.user(username);
            if (v.organisationId().equals(t.firmId())) {
                assertThat(tasks.task(v, t.id()).id()).isEqualTo(t.id());
            } else {
                assertThatThrownBy(() -> tasks.task(v, t.id())).isInstanceOf(org.opencets.shared.RecordNotFound.class);
            }
        }
    }

    private static Draw withResult(Draw d, Map<String, String> result) {
        return new Draw(d.id(), d.year(), d.region(), d.purpose(), d.seed(), d.algorithm(), d.entries(), result, d.drawnAt(), d.drawnBy());
    }

    /**
     * The draw as documented: tasks in the order of the emitters' USCC; for each, among its eligible firms (sorted by
     * USCC) those with the fewest tasks so far in this draw; of those the one at index SHA-256(seed + ":" + emitter USCC)
     * mod n, the digest read as an unsigned big-endian number.
     */
    static Map<String, String> documentedDraw(String seed, List<Draw.Entry> entries) {
        Map<String, Integer> load = new HashMap<>();
        Map<String, String> result = new HashMap<>();
        List<Draw.Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(Draw.Entry::emitter));
        for (Draw.Entry e : ordered) {
            if (e.candidates().isEmpty()) {
                continue;
            }
            int fewest = e.candidates().stream().mapToInt(f -> load.getOrDefault(f, 0)).min().orElseThrow();
            List<String> pool = e.candidates().stream().filter(f -> load.getOrDefault(f, 0) == fewest).sorted().toList();
            int index = new BigInteger(1, sha256(seed + ":" + e.emitter())).mod(BigInteger.valueOf(pool.size())).intValueExact();
            String chosen = pool.get(index);
            load.merge(chosen, 1, Integer::sum);
            result.put(e.emitter(), chosen);
        }
        return result;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
