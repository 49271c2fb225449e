package org.opencets.mrv;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencets.accounting.AccountingRules;
import org.opencets.accounting.Basis;
import org.opencets.accounting.FuelMonth;
import org.opencets.accounting.PowerAccounting;
import org.opencets.accounting.ProductOutput;
import org.opencets.accounting.Reported;
import org.opencets.accounting.SourceStream;
import org.opencets.accounting.SourceStreamAccounting;
import org.opencets.accounting.UnitAccount;
import org.opencets.accounting.UnitMonth;
import org.opencets.accounting.UnitYear;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.springframework.stereotype.Component;

/**
 * Feeds the accounting engine: a power emitter's units with the newest deposit of each month they operated (an
 * unapproved month is computed for the preview but stays a gap), or a non-power report's source streams.
 */
@Component
class ReportCompiler {

    private final DepositStore deposits;
    private final KeyEmitterDirectory directory;

    ReportCompiler(DepositStore deposits, KeyEmitterDirectory directory) {
        this.deposits = deposits;
        this.directory = directory;
    }

    ReportFigures.Power power(KeyEmitter emitter, int year, AccountingRules rules) {
        Map<java.util.UUID, List<Deposit>> byUnit = deposits.latestOfYearWithValues(emitter.uscc(), year).stream()
                .collect(Collectors.groupingBy(Deposit::unitId));
        List<UnitAccount> units = new ArrayList<>();
        for (GeneratingUnit unit : directory.unitsOf(emitter.id())) {
            List<YearMonth> required = operatingMonths(unit, year);
            List<Deposit> found = byUnit.getOrDefault(unit.id(), List.of());
            if (required.isEmpty() && found.isEmpty()) {
                continue;
            }
            List<UnitMonth> months = found.stream().map(d -> month(d, unit)).toList();
            units.add(PowerAccounting.unit(new UnitYear(unit.unitCode(), required, months), rules));
        }
        return new ReportFigures.Power(PowerAccounting.entity(year, units, rules));
    }

    ReportFigures.Streams streams(AnnualReport report, SupplementaryTable table, AccountingRules rules) {
        List<SourceStream> streams = new ArrayList<>();
        for (int i = 0; i < report.streams().size(); i++) {
            StreamEntry e = report.streams().get(i);
            streams.add(new SourceStream(String.valueOf(i + 1), e.kind(), e.name(), e.fuel(), e.activity(), e.activityUnit(), reported(e.ncv()),
                    reported(e.carbonPerGj()), reported(e.oxidationRate()), reported(e.emissionFactor()), "report:" + report.id()));
        }
        List<ProductOutput> products = table.products().stream()
                .map(p -> new ProductOutput(p.key(), p.key(), report.products().get(p.key()), p.unit())).toList();
        return new ReportFigures.Streams(SourceStreamAccounting.account(report.year(), streams, products, rules));
    }

    static List<YearMonth> operatingMonths(GeneratingUnit unit, int year) {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (unit.isOperatingOn(month.atDay(1)) || unit.isOperatingOn(month.atEndOfMonth())) {
                months.add(month);
            }
        }
        return months;
    }

    private static UnitMonth month(Deposit d, GeneratingUnit unit) {
        List<FuelMonth> fuels = unit.fuels().stream().filter(Fuel::isFossil)
                .map(f -> new FuelMonth(f.name(), value(d, Parameter.FUEL_CONSUMPTION, f), reported(d, Parameter.NCV, f),
                        reported(d, Parameter.CARBON_CONTENT, f)))
                .toList();
        return new UnitMonth(d.month(), d.id().toString(), d.status() == DepositStatus.APPROVED, fuels, value(d, Parameter.GENERATION, null),
                value(d, Parameter.POWER_SUPPLIED, null), value(d, Parameter.HEAT_SUPPLIED, null), value(d, Parameter.PURCHASED_ELECTRICITY, null));
    }

    private static BigDecimal value(Deposit d, Parameter p, Fuel f) {
        return d.value(p, f).map(MonthlyValue::value).orElse(null);
    }

    private static Reported reported(Deposit d, Parameter p, Fuel f) {
        Optional<MonthlyValue> v = d.value(p, f);
        return v.map(x -> new Reported(x.value(), Basis.valueOf(x.basis().name()))).orElse(new Reported(null, Basis.DEFAULT));
    }

    private static Reported reported(BigDecimal value) {
        return value == null ? null : new Reported(value, Basis.MEASURED);
    }
}
