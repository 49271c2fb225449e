package org.opencets.ccer;

/**
 * Where a holder's CCER of one project stand: in the general holding account (一般持有账户), frozen for a national
 * compliance offset while the ETS registry holds them as pending (待抵销), or cancelled (注销) — used for compliance.
 */
public enum CcerHoldingState {
    AVAILABLE, FROZEN_FOR_OFFSET, CANCELLED
}
