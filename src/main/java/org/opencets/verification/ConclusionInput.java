package org.opencets.verification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the verifier enters for a conclusion: verified figures per unit, verified production data, the opinion. */
public record ConclusionInput(List<Conclusion.Line> lines, Map<String, BigDecimal> products, String opinion) {

    public ConclusionInput {
        lines = List.copyOf(lines);
        products = Map.copyOf(products);
    }
}
