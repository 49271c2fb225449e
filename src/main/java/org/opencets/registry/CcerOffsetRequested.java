package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.Uscc;

/**
 * Inbound message from the CCER registry (自愿减排注册登记系统): an emitter's "national compliance offset" (全国履约抵销)
 * froze {@code quantity} CCER of one project there; the ETS registry marks them PENDING_OFFSET (待抵销) in the bound
 * ETS account (seed 001 第三步). {@code offsetId} is the CCER side's id for the frozen lot and the ETS registry's
 * idempotency key: a redelivery records nothing twice. The registry answers with {@link CcerOffsetUsed} and
 * {@link CcerOffsetRecalled}; the two systems share nothing else.
 *
 * @param firstPeriodCancelled CCER cancelled for compliance in period 1 but never used, applied for 2021/2022 on
 *     request (seed 003 §二)
 */
public record CcerOffsetRequested(UUID offsetId, String ccerAccount, String etsAccount, Uscc emitter, String projectNumber, String projectName,
        String projectType, boolean projectInNationalEts, long quantity, boolean firstPeriodCancelled, Instant frozenAt) {
}
