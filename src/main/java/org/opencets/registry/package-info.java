/**
 * The allowance registry (注册登记, 部令第19号 第五条): accounts of key emitters, provinces and the nation; holdings by
 * unit type, vintage and state; and an append-only double-entry ledger every movement goes through — issuance and
 * take-back from allocation's instructions, transfers, exchange trade settlements, judicial freezes, pledges,
 * voluntary cancellation and surrender. Client-chosen idempotency ids, two-phase (pending → posted or voided) where
 * an approval sits in the middle, maker-checker for operators and authorities, and an invariant check (ADR 0012).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry (allowance ledger)")
package org.opencets.registry;
