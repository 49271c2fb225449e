/**
 * Compliance (清缴履约): each key emitter's surrender obligation per year (from allocation's final decisions), what it
 * may surrender with (allowed vintages, pending CCER up to the year's cap), surrender requests the province reviews,
 * amends and approves (the registry posts them; the CCER registry cancels the offsets), forced compliance for entities
 * allocated into the provincial account, late compliance, the status per emitter and year, certificates (履约证明) and
 * the regional compliance rate (seeds 000 §三, 001, 002 §二(五), 003 §一 §二 §四 §五).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance (surrender and offsets)")
package org.opencets.compliance;
