/**
 * MRV part 1 (监测): the emitters' quality-control plans (数据质量控制计划) and monthly deposits (月度信息化存证) with
 * their evidence, the automatic checks, the district → city review chain, and the transparency-log receipts that make
 * a submitted month tamper-evident (seed 002 §二(一)(二)(六)(七), seed 000 §一–二).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring: QC plans and monthly deposits")
package org.opencets.mrv;
