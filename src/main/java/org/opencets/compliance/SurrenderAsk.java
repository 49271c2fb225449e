package org.opencets.compliance;

import java.util.List;
import java.util.UUID;
import org.opencets.shared.Vintage;

/** What a surrender request asks to give: allowances by vintage (borrowed ones apart) and quantities of pending CCER lots. */
public record SurrenderAsk(List<AllowancePick> allowances, List<OffsetPick> offsets) {

    public SurrenderAsk {
        allowances = List.copyOf(allowances);
        offsets = List.copyOf(offsets);
    }

    public record AllowancePick(Vintage vintage, long quantity, boolean borrowed) {
    }

    public record OffsetPick(UUID offsetId, long quantity) {
    }

    public long allowanceTotal() {
        return allowances.stream().mapToLong(AllowancePick::quantity).sum();
    }

    public long offsetTotal() {
        return offsets.stream().mapToLong(OffsetPick::quantity).sum();
    }

    public boolean isEmpty() {
        return allowances.isEmpty() && offsets.isEmpty();
    }
}
