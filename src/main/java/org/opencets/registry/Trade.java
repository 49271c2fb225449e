package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.Vintage;

/**
 * A trade the exchange settled through the registry: its own trade id, seller and buyer accounts, vintage, quantity
 * and price (fen per tonne), once.
 */
public record Trade(String tradeId, String seller, String buyer, Vintage vintage, long quantity, Long priceFen, Instant tradedAt, UUID operationId,
        Instant settledAt) {
}
