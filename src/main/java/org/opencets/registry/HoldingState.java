package org.opencets.registry;

/**
 * Where a quantity sits inside one account. Registry holdings (登记持仓) are everything but {@link #TRADING}, which is
 * the trading holding (交易持仓) the exchange settles against.
 */
public enum HoldingState {
    /** free to transfer, trade, pledge, cancel or surrender */
    AVAILABLE,
    /** moved to the trading holding; trades settle from and to here */
    TRADING,
    /** borrowed allowances: the borrower may only surrender them (seed 003 §三) */
    SURRENDER_ONLY,
    /** held for an operation waiting for approval (pending) */
    RESERVED,
    /** judicially frozen */
    FROZEN,
    /** pledged to a bank */
    PLEDGED
}
