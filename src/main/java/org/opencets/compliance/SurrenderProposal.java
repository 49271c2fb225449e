package org.opencets.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opencets.registry.PendingOffset;
import org.opencets.shared.Vintage;

/**
 * A proposal that covers the outstanding obligation with what the emitter holds: eligible pending CCER first, up to
 * the cap (they are worth nothing else once frozen for offset), then borrowed allowances (only surrender can use them),
 * then allowed vintages oldest first (the ones later plans are likeliest to stop accepting). What is still missing
 * must be bought; allowances in the trading holding are named, since moving them back would cover part of it.
 */
public record SurrenderProposal(SurrenderAsk ask, long outstanding, long toBuy, long inTradingHolding) {

    static SurrenderProposal of(SurrenderPosition p) {
        long gap = p.gap();
        List<SurrenderAsk.OffsetPick> offsets = new ArrayList<>();
        long room = Math.min(p.offsetRoom(), gap);
        for (PendingOffset lot : p.pendingOffsets().stream().sorted(Comparator.comparing(PendingOffset::receivedAt)).toList()) {
            if (room == 0) {
                break;
            }
            if (lot.projectInNationalEts() || (lot.firstPeriod() && !p.firstPeriodCcerUsable()) || lot.remaining() == 0) {
                continue;
            }
            long take = Math.min(room, lot.remaining());
            offsets.add(new SurrenderAsk.OffsetPick(lot.offsetId(), take));
            room -= take;
        }
        long left = gap - offsets.stream().mapToLong(SurrenderAsk.OffsetPick::quantity).sum();
        List<SurrenderAsk.AllowancePick> allowances = new ArrayList<>();
        left = take(p.borrowed(), p, true, left, allowances);
        left = take(p.available(), p, false, left, allowances);
        long trading = p.trading().entrySet().stream().filter(e -> p.allowedVintages().contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        return new SurrenderProposal(new SurrenderAsk(allowances, offsets), gap, left, Math.min(trading, left));
    }

    private static long take(Map<Vintage, Long> held, SurrenderPosition p, boolean borrowed, long left, List<SurrenderAsk.AllowancePick> into) {
        for (Vintage v : held.keySet().stream().sorted().toList()) {
            if (left == 0) {
                break;
            }
            long has = held.get(v);
            if (!p.allowedVintages().contains(v) || has <= 0) {
                continue;
            }
            long take = Math.min(left, has);
            into.add(new SurrenderAsk.AllowancePick(v, take, borrowed));
            left -= take;
        }
        return left;
    }
}
