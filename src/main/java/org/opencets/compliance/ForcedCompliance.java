package org.opencets.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Registry;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forced compliance (强制履约, seed 003 §一): the province entrusts the registry with an entity whose allowances were
 * allocated into the provincial account; the registry operator executes the plan ({@link ForcedCompliancePlan}) —
 * surrenders for each year of the plan, then releases the rest to the entity — once; a shortfall is flagged.
 */
@Service
public class ForcedCompliance {

    private final ComplianceStore store;
    private final Registry registry;
    private final PolicyYearData policy;
    private final JsonMapper json;
    private final WorkClock clock;

    ForcedCompliance(ComplianceStore store, Registry registry, PolicyYearData policy, JsonMapper json, WorkClock clock) {
        this.store = store;
        this.registry = registry;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
    }

    /** The year's entities allocated into a provincial account, in the user's region. */
    public List<ForcedCase> cases(CurrentUser user, int year) {
        String prefix = ComplianceAccess.regionPrefix(user);
        List<ForcedCase> out = new ArrayList<>();
        for (Obligation o : store.obligations(year, prefix)) {
            if (o.forcedCompliance()) {
                out.add(caseOf(o));
            }
        }
        return out;
    }

    private ForcedCase caseOf(Obligation o) {
        Optional<ComplianceStore.Forced> f = store.forcedWhere("emitter_uscc = ? and year = ?", o.emitter(), o.year()).stream().findFirst();
        Map<Vintage, Long> held = registry.heldForEntity(Uscc.of(o.emitter()));
        ForcedCompliancePlan plan = f.filter(x -> x.startedAt() != null).map(x -> read(x.plan())).orElseGet(() -> plan(o));
        return new ForcedCase(o, held, plan, f.map(ComplianceStore.Forced::id).orElse(null), f.map(ComplianceStore.Forced::entrustedBy).orElse(null),
                f.map(ComplianceStore.Forced::entrustedAt).orElse(null), f.map(ComplianceStore.Forced::executedBy).orElse(null),
                f.map(ComplianceStore.Forced::executedAt).orElse(null), f.map(ComplianceStore.Forced::shortfall).orElse(null));
    }

    /**
     * The plan as it would run now: the year and, when the entity's other year of the plan is a forced case too, that
     * year ("剩余部分优先用于另一年度的强制履约"), each with what is still outstanding.
     */
    ForcedCompliancePlan plan(Obligation o) {
        Map<Integer, Long> outstanding = new TreeMap<>();
        Map<Integer, List<Vintage>> allowed = new TreeMap<>();
        for (int year : List.of(o.year(), ForcedCompliancePlan.otherYearOfPlan(o.year()))) {
            Optional<Obligation> ob = store.obligation(o.emitter(), year);
            if (ob.isEmpty() || !ob.get().forcedCompliance()) {
                continue;
            }
            long surrendered = registry.surrendered(Uscc.of(o.emitter()), year).stream().mapToLong(s -> s.total()).sum();
            outstanding.put(year, Math.max(0, ob.get().tonnes() - surrendered));
            allowed.put(year, policy.valueOn(PolicyParameter.SURRENDER_VINTAGES, "", year, RegionCode.of(o.regionCode()), clock.today())
                    .map(v -> v.vintages().stream().map(Vintage::parse).toList()).orElse(List.of()));
        }
        return ForcedCompliancePlan.of(outstanding, registry.heldForEntity(Uscc.of(o.emitter())), allowed);
    }

    /** The province entrusts the registry with forced compliance for the entity and year (once). */
    public ForcedCase entrust(CurrentUser user, String emitter, int year) {
        Obligation o = store.obligation(emitter, year).orElseThrow(() -> new RecordNotFound("Compliance", emitter + "/" + year));
        ComplianceAccess.requireReviewer(user, o.regionCode());
        if (!o.forcedCompliance()) {
            throw invalid("compliance.forced.not.special", "{0} was not allocated into the provincial account for {1,number,#}: it surrenders itself",
                    o.emitterName(), year);
        }
        int other = ForcedCompliancePlan.otherYearOfPlan(year);
        boolean otherForced = store.obligation(emitter, other).map(Obligation::forcedCompliance).orElse(false);
        if (otherForced && !store.forcedWhere("emitter_uscc = ? and year = ?", emitter, other).isEmpty()) {
            // one case serves both forced years of the plan: a second would surrender the same year twice
            throw invalid("compliance.forced.plan.entrusted", "Forced compliance for {0} was entrusted with its {1,number,#} case, which covers {2,number,#} too",
                    o.emitterName(), other, year);
        }
        if (!store.entrust(UUID.randomUUID(), o, write(plan(o)), user.displayName() + "（" + user.organisationName() + "）", clock.now())) {
            throw invalid("compliance.forced.entrusted", "Forced compliance for {0} ({1,number,#}) has already been entrusted", o.emitterName(), year);
        }
        return caseOf(o);
    }

    /**
     * The registry operator carries out the entrusted plan: each year's surrender from the provincial account, then the
     * release of the rest to the entity. Registry ids derive from the case, so a retry after an interruption repeats nothing.
     */
    public ForcedCase execute(CurrentUser user, UUID id) {
        ComplianceAccess.requireRegistryOperator(user);
        ComplianceStore.Forced f = store.forced(id).orElseThrow(() -> new RecordNotFound("Forced compliance", id));
        if (f.executedAt() != null) {
            throw invalid("compliance.forced.executed", "Forced compliance for {0} ({1,number,#}) has already been executed: nothing was moved",
                    f.emitterName(), f.year());
        }
        // the first attempt plans from what is outstanding and held now; a retry after an interruption carries out that same plan
        Obligation o = store.obligation(f.emitter(), f.year()).orElseThrow();
        if (f.startedAt() == null) {
            store.start(id, write(plan(o)), clock.now());
        }
        ComplianceStore.Forced started = store.forced(id).orElseThrow();
        ForcedCompliancePlan plan = read(started.plan());
        Uscc entity = Uscc.of(f.emitter());
        RegionCode region = RegionCode.of(f.regionCode());
        plan.surrenders().forEach((year, parts) -> registry.forcedSurrender(user, "forced:" + id + ":" + year, entity, region, year, parts(parts)));
        if (!plan.release().isEmpty()) {
            registry.releaseToEntity(user, "forced:" + id + ":release", entity, f.emitterName(), region, parts(plan.release()));
        }
        store.executed(id, started.plan(), user.displayName() + "（" + user.organisationName() + "）", clock.now(), plan.totalShortfall());
        return caseOf(store.obligation(f.emitter(), f.year()).orElseThrow());
    }

    private static List<Registry.SurrenderPart> parts(Map<Vintage, Long> byVintage) {
        return byVintage.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> new Registry.SurrenderPart(e.getKey(), e.getValue(), false)).toList();
    }

    private String write(ForcedCompliancePlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Map<String, Long>> surrenders = new TreeMap<>();
        plan.surrenders().forEach((y, p) -> surrenders.put(Integer.toString(y), byName(p)));
        m.put("surrenders", surrenders);
        m.put("release", byName(plan.release()));
        Map<String, Long> shortfall = new TreeMap<>();
        plan.shortfall().forEach((y, q) -> shortfall.put(Integer.toString(y), q));
        m.put("shortfall", shortfall);
        return json.writeValueAsString(m);
    }

    private static Map<String, Long> byName(Map<Vintage, Long> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((v, q) -> out.put(v.toString(), q));
        return out;
    }

    private ForcedCompliancePlan read(String text) {
        Map<String, Map<String, Object>> m = json.readValue(text, new TypeReference<Map<String, Map<String, Object>>>() { });
        Map<Integer, Map<Vintage, Long>> surrenders = new TreeMap<>();
        m.getOrDefault("surrenders", Map.of()).forEach((y, p) -> surrenders.put(Integer.parseInt(y), vintages((Map<?, ?>) p)));
        Map<Integer, Long> shortfall = new TreeMap<>();
        m.getOrDefault("shortfall", Map.of()).forEach((y, q) -> shortfall.put(Integer.parseInt(y), ((Number) q).longValue()));
        return new ForcedCompliancePlan(surrenders, vintages(m.getOrDefault("release", Map.of())), shortfall);
    }

    private static Map<Vintage, Long> vintages(Map<?, ?> m) {
        Map<Vintage, Long> out = new TreeMap<>();
        m.forEach((v, q) -> out.put(Vintage.parse((String) v), ((Number) q).longValue()));
        return out;
    }

    private static ValidationFailed invalid(String key, String message, Object... args) {
        return new ValidationFailed(FieldViolation.of("case", key, message, args));
    }
}
