package org.opencets.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencets.shared.Vintage;

/**
 * Forced compliance for an entity whose allowances sit in the provincial account (seed 003 §一 "优先使用当年度配额，
 * 剩余部分优先用于另一年度的强制履约，完成履约后剩余部分配额发放至重点排放单位账户"): each year's outstanding
 * obligation from that year's vintage first; what is left of a year's vintage goes to the other year of the plan
 * next, then any other allowed vintage held, oldest first; the rest is released to the entity; a gap left is flagged.
 *
 * @param surrenders per year, the allowances to surrender, by vintage
 * @param release what goes to the entity's own account afterwards
 * @param shortfall per year, what is still outstanding
 */
public record ForcedCompliancePlan(Map<Integer, Map<Vintage, Long>> surrenders, Map<Vintage, Long> release, Map<Integer, Long> shortfall) {

    /**
     * @param outstanding per year of the plan with a known obligation, what is still to surrender
     * @param held what the provincial account holds for the entity, by vintage
     * @param allowed per year, the vintages its surrender may use
     */
    static ForcedCompliancePlan of(Map<Integer, Long> outstanding, Map<Vintage, Long> held, Map<Integer, List<Vintage>> allowed) {
        Map<Vintage, Long> left = new TreeMap<>(held);
        Map<Integer, Long> gaps = new TreeMap<>(outstanding);
        Map<Integer, Map<Vintage, Long>> surrenders = new TreeMap<>();
        for (int year : gaps.keySet()) {
            use(year, Vintage.ofYear(year), left, gaps, surrenders, allowed);
        }
        for (int year : gaps.keySet()) {
            List<Vintage> order = new ArrayList<>();
            gaps.keySet().stream().filter(y -> y != year).map(Vintage::ofYear).forEach(order::add);
            left.keySet().stream().filter(v -> !order.contains(v)).forEach(order::add);
            for (Vintage v : order) {
                use(year, v, left, gaps, surrenders, allowed);
            }
        }
        left.values().removeIf(q -> q == 0);
        return new ForcedCompliancePlan(surrenders, left, gaps);
    }

    private static void use(int year, Vintage vintage, Map<Vintage, Long> left, Map<Integer, Long> gaps, Map<Integer, Map<Vintage, Long>> surrenders,
            Map<Integer, List<Vintage>> allowed) {
        long gap = gaps.get(year);
        long has = left.getOrDefault(vintage, 0L);
        if (gap == 0 || has == 0 || !allowed.getOrDefault(year, List.of()).contains(vintage)) {
            return;
        }
        long take = Math.min(gap, has);
        left.put(vintage, has - take);
        gaps.put(year, gap - take);
        surrenders.computeIfAbsent(year, y -> new TreeMap<>()).merge(vintage, take, Long::sum);
    }

    public long totalShortfall() {
        return shortfall.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The other year of a two-year allocation plan (2021/2022, 2023/2024, …), which forced compliance serves next. */
    static int otherYearOfPlan(int year) {
        return year % 2 == 1 ? year + 1 : year - 1;
    }
}
