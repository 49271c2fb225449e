package org.opencets.mrv;

/** What a supporting file proves (seed 002 §二(二) "支撑材料", §二(六) sampling records). */
public enum EvidenceKind {
    /** 燃料消耗/盘存/入炉称重记录 */
    FUEL_RECORD,
    /** 化验报告 (NCV, element carbon) */
    LAB_REPORT,
    /** 计量表读数 (generation, power supplied, heat) */
    METER_READING,
    /** 结算单/发票 (purchased electricity) */
    INVOICE,
    /** 生产月报 (operating hours, load factor, auxiliary power) */
    PRODUCTION_REPORT,
    /** 煤样采样、制样、化验、保存影像 (photos or video), from 2024 */
    SAMPLING_RECORDING,
    /** anything else the emitter adds */
    OTHER
}
