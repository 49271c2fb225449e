package org.opencets.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 4-digit industry class of GB/T 4754-2017 that the scheme covers: the table of seed 004 附件1
 * (备注1: the scope is the 4-digit classes). Each belongs to one {@link Sector}.
 */
public record IndustryCode(String code, String nameZh, String nameEn, Sector sector) {

    private static final Map<String, IndustryCode> COVERED = new LinkedHashMap<>();

    static {
        add("4411", "火力发电", "Thermal power generation", Sector.POWER);
        add("4412", "热电联产", "Combined heat and power", Sector.POWER);
        add("4417", "生物质能发电", "Biomass power generation (co-firing fossil fuel)", Sector.POWER);
        add("3011", "水泥制造", "Cement manufacturing", Sector.BUILDING_MATERIALS);
        add("3041", "平板玻璃制造", "Flat glass manufacturing", Sector.BUILDING_MATERIALS);
        add("3110", "炼铁", "Iron making", Sector.STEEL);
        add("3120", "炼钢", "Steel making", Sector.STEEL);
        add("3130", "钢压延加工", "Steel rolling", Sector.STEEL);
        add("3216", "铝冶炼", "Aluminium smelting", Sector.NON_FERROUS);
        add("3211", "铜冶炼", "Copper smelting", Sector.NON_FERROUS);
        add("2511", "原油加工及石油制品制造", "Crude oil processing and petroleum products", Sector.PETROCHEMICAL);
        add("2611", "无机酸制造", "Inorganic acids", Sector.CHEMICAL);
        add("2612", "无机碱制造", "Inorganic alkalis", Sector.CHEMICAL);
        add("2613", "无机盐制造", "Inorganic salts", Sector.CHEMICAL);
        add("2614", "有机化学原料制造", "Organic chemical raw materials", Sector.CHEMICAL);
        add("2619", "其他基础化学原料制造", "Other basic chemical raw materials", Sector.CHEMICAL);
        add("2621", "氮肥制造", "Nitrogen fertiliser", Sector.CHEMICAL);
        add("2622", "磷肥制造", "Phosphate fertiliser", Sector.CHEMICAL);
        add("2623", "钾肥制造", "Potash fertiliser", Sector.CHEMICAL);
        add("2624", "复混肥料制造", "Compound fertiliser", Sector.CHEMICAL);
        add("2625", "有机肥料及微生物肥料制造", "Organic and microbial fertiliser", Sector.CHEMICAL);
        add("2629", "其他肥料制造", "Other fertiliser", Sector.CHEMICAL);
        add("2631", "化学农药制造", "Chemical pesticides", Sector.CHEMICAL);
        add("2632", "生物化学农药及微生物农药制造", "Biochemical and microbial pesticides", Sector.CHEMICAL);
        add("2651", "初级形态塑料及合成树脂制造", "Primary plastics and synthetic resins", Sector.CHEMICAL);
        add("2652", "合成橡胶制造", "Synthetic rubber", Sector.CHEMICAL);
        add("2653", "合成纤维单（聚合）体制造", "Synthetic fibre monomers and polymers", Sector.CHEMICAL);
        add("2659", "其他合成材料制造", "Other synthetic materials", Sector.CHEMICAL);
        add("2211", "木竹浆制造", "Wood and bamboo pulp", Sector.PAPER);
        add("2212", "非木竹浆制造", "Non-wood pulp", Sector.PAPER);
        add("2221", "机制纸及纸板制造", "Machine-made paper and paperboard", Sector.PAPER);
        add("5631", "机场", "Airports", Sector.AVIATION);
    }

    private static void add(String code, String zh, String en, Sector sector) {
        COVERED.put(code, new IndustryCode(code, zh, en, sector));
    }

    /** The covered industry class for a code; fails for a code outside seed 004 附件1. */
    public static IndustryCode of(String code) {
        String c = code == null ? "" : code.strip();
        IndustryCode found = COVERED.get(c);
        if (found == null) {
            throw new InvalidValueException("industry.unknown",
                    "Industry code is not a covered GB/T 4754-2017 class (seed 004 附件1)", code);
        }
        return found;
    }

    public static Collection<IndustryCode> covered() {
        return Collections.unmodifiableCollection(COVERED.values());
    }

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    @Override
    public String toString() {
        return code;
    }
}
