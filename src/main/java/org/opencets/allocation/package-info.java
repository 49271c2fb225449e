/**
 * Allowance allocation (配额分配): the verified data allocation builds on (from verification's published results, or
 * imported), special cases (seed 003 §一), pre-allocation and final allocation per emitter and year with the true-up
 * (多退少补), issuance instructions to the registry exactly once per decision, allocation notices with their service
 * receipts (送达回证), borrowing (预支) and relief plans (纾困方案), and the official tables as Excel. The arithmetic is
 * the pure {@code allocationmethod} module's. Seeds 002 §二(五), 003 §一 §三 §五, 004 §三(二)3.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Allocation")
package org.opencets.allocation;
