package org.opencets.mrv;

import java.util.List;

/** What an emitter enters for a unit-month, by form, Excel template or API: the values and the retained coal sample. */
public record DepositInput(List<MonthlyValue> values, String sampleId, String samplePlace) {

    public DepositInput {
        values = List.copyOf(values);
    }
}
