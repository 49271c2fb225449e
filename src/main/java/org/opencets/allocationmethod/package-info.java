/**
 * The allocation method (配额核算与分配方法) for power units: pure functions from a year's verified unit data and that
 * year's rules (benchmarks, load correction, pre-allocation ratio, gas top-up, entity gap cap) to whole allowances, each
 * figure carrying how it was computed. No Spring, no database: the allocation module and the benchmark load the data
 * and the rules (ADR 0011).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Allocation method (pure)")
package org.opencets.allocationmethod;
