package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.support.Demo;

/**
 * Test data of the annual report tests: key emitters of their own (fresh USCCs in 北仑区 330206, so no other test's
 * emitter, unit or month is touched), their users, and unit-months deposited through {@link MonthlyDeposits} with the
 * values and files that pass the automatic checks.
 */
final class AnnualReportFixtures {

    static final String REGION = "330206";
    static final BigDecimal COAL_CARBON = new BigDecimal("0.5612");
    static final BigDecimal COAL_OXIDATION = new BigDecimal("0.99");

    private final KeyEmitterDirectory directory;
    private final Organisations organisations;
    private final MonthlyDeposits deposits;

    AnnualReportFixtures(KeyEmitterDirectory directory, Organisations organisations, MonthlyDeposits deposits) {
        this.directory = directory;
        this.organisations = organisations;
        this.deposits = deposits;
    }

    /** A key emitter registered by the Ningbo city bureau in 北仑区 (industry 4411 power, 3011 cement …). */
    KeyEmitter register(String name, String industry) {
        String uscc = Demo.freshUscc(REGION);
        String unique = name + "-" + uscc.substring(8, 14);
        return directory.register(cityOfficer(), new EmitterForm(uscc, unique, REGION, industry, "NORMAL", "浙江省宁波市北仑区测试路 1 号", "测试法人",
                "测试联系人", "0574-86000000", "report.test@example.com"));
    }

    GeneratingUnit addCoalUnit(KeyEmitter emitter, String code, String capacityMw, String commissioned) {
        return directory.addUnit(cityOfficer(), emitter.id(), new UnitForm("测试电厂", code, capacityMw, "I", "BITUMINOUS;FUEL_OIL", "WATER",
                commissioned, ""));
    }

    Organisation organisationOf(KeyEmitter emitter) {
        return organisations.findByUscc(emitter.uscc()).orElseThrow();
    }

    CurrentUser emitterOfficer(KeyEmitter emitter) {
        return user("report.test.plant." + emitter.uscc().value().toLowerCase(), organisationOf(emitter), OrganisationKind.KEY_EMITTER);
    }

    CurrentUser bureau(String region, OrganisationKind kind, String username) {
        return user(username, organisations.bureauOf(RegionCode.of(region)).orElseThrow(), kind);
    }

    CurrentUser beilunDistrict() {
        return bureau(REGION, OrganisationKind.DISTRICT_BUREAU, "report.test.beilun.district");
    }

    CurrentUser ningboCity() {
        return bureau("330200", OrganisationKind.CITY_BUREAU, "report.test.nb.city");
    }

    CurrentUser cityOfficer() {
        return ningboCity();
    }

    static CurrentUser user(String username, Organisation org, OrganisationKind kind) {
        return new CurrentUser(UUID.randomUUID(), username, username, org.id(), org.name(), kind, org.region(), org.uscc(), EnumSet.of(Role.OFFICER));
    }

    // ---- deposits ---------------------------------------------------------------------------------

    /** Coal burnt in the month (t): ~0.3869 t/MWh of a generation of capacity × 480 h, plus a little per month. */
    static BigDecimal coal(GeneratingUnit unit, YearMonth month) {
        return generation(unit).multiply(new BigDecimal("0.3869")).add(BigDecimal.valueOf(month.getMonthValue() * 37L))
                .setScale(0, RoundingMode.HALF_UP);
    }

    static BigDecimal generation(GeneratingUnit unit) {
        return unit.ratedCapacityMw().multiply(new BigDecimal("480")).stripTrailingZeros(); // 600 h at 80 %
    }

    /** What the guideline gives for the month, worked out here on its own: E = FC × C_ar × OF × 44/12, 2 places. */
    static BigDecimal expectedEmissions(GeneratingUnit unit, YearMonth month) {
        return coal(unit, month).multiply(COAL_CARBON).multiply(COAL_OXIDATION).multiply(new BigDecimal(44)).divide(new BigDecimal(12),
                MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
    }

    static DepositInput input(GeneratingUnit unit, YearMonth month) {
        BigDecimal generation = generation(unit);
        List<MonthlyValue> v = new ArrayList<>();
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, coal(unit, month)));
        v.add(measured(Parameter.NCV, Fuel.BITUMINOUS, new BigDecimal("21.53")));
        v.add(measured(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, COAL_CARBON));
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.FUEL_OIL, BigDecimal.ZERO));
        v.add(measured(Parameter.GENERATION, null, generation));
        v.add(measured(Parameter.POWER_SUPPLIED, null, generation.multiply(new BigDecimal("0.95")).stripTrailingZeros()));
        v.add(measured(Parameter.HEAT_SUPPLIED, null, BigDecimal.ZERO));
        v.add(measured(Parameter.PURCHASED_ELECTRICITY, null, BigDecimal.ZERO));
        v.add(measured(Parameter.OPERATING_HOURS, null, new BigDecimal("600")));
        v.add(measured(Parameter.LOAD_FACTOR, null, new BigDecimal("80")));
        v.add(measured(Parameter.AUX_POWER_RATE, null, new BigDecimal("5")));
        String tag = unit.unitCode().substring(0, 1);
        return new DepositInput(v, "RT" + tag + "-" + month.toString().replace("-", "") + "-M01", "测试电厂煤样存查室 " + tag + " 号柜");
    }

    static MonthlyValue measured(Parameter p, Fuel fuel, BigDecimal value) {
        return new MonthlyValue(p, fuel, value, MeasurementBasis.MEASURED, null);
    }

    /** A complete month with its five files, submitted by the plant. */
    Deposit submitMonth(CurrentUser plant, GeneratingUnit unit, YearMonth month) {
        Deposit draft = deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM);
        deposits.save(plant, draft.id(), draft.version(), input(unit, month));
        String unique = unit.id() + " " + month + " " + UUID.randomUUID();
        UUID id = draft.id();
        deposits.attach(plant, id, EvidenceKind.FUEL_RECORD, null, month + " 入炉煤称重记录.pdf", pdf("FUEL_RECORD " + unique));
        deposits.attach(plant, id, EvidenceKind.LAB_REPORT, Fuel.BITUMINOUS, month + " 入炉煤化验报告.pdf", pdf("LAB_REPORT " + unique));
        deposits.attach(plant, id, EvidenceKind.METER_READING, null, month + " 关口表读数.pdf", pdf("METER_READING " + unique));
        deposits.attach(plant, id, EvidenceKind.PRODUCTION_REPORT, null, month + " 生产月报.pdf", pdf("PRODUCTION_REPORT " + unique));
        Deposit complete = deposits.attach(plant, id, EvidenceKind.SAMPLING_RECORDING, null, month + " 煤样采制存.jpg", jpeg("SAMPLING " + unique));
        Deposit submitted = deposits.submit(plant, id, complete.version()).deposit();
        assertThat(submitted.status()).as("%s %s submitted", unit.unitCode(), month).isEqualTo(DepositStatus.SUBMITTED);
        return submitted;
    }

    /** Submitted by the plant, approved by the district and then by the city. */
    Deposit approvedMonth(CurrentUser plant, GeneratingUnit unit, YearMonth month, CurrentUser district, CurrentUser city) {
        Deposit submitted = submitMonth(plant, unit, month);
        Deposit districtApproved = deposits.approve(district, submitted.id(), submitted.version());
        Deposit approved = deposits.approve(city, submitted.id(), districtApproved.version());
        assertThat(approved.status()).isEqualTo(DepositStatus.APPROVED);
        return approved;
    }

    /** Every month of the year in which the unit operated, approved. */
    void approvedYear(CurrentUser plant, GeneratingUnit unit, int year, CurrentUser district, CurrentUser city) {
        for (YearMonth month : ReportCompiler.operatingMonths(unit, year)) {
            approvedMonth(plant, unit, month, district, city);
        }
    }

    static String commissioned(int year, int month, int day) {
        return LocalDate.of(year, month, day).toString();
    }

    static InputStream pdf(String text) {
        return new ByteArrayInputStream(("%PDF-1.4\n" + text + " " + ThreadLocalRandom.current().nextLong() + "\n%%EOF").getBytes(StandardCharsets.UTF_8));
    }

    static InputStream jpeg(String text) {
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        byte[] body = (text + " " + ThreadLocalRandom.current().nextLong()).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[header.length + body.length + 2];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(body, 0, bytes, header.length, body.length);
        bytes[bytes.length - 2] = (byte) 0xFF;
        bytes[bytes.length - 1] = (byte) 0xD9;
        return new ByteArrayInputStream(bytes);
    }

    /** Refused with exactly this one field and message key. */
    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(org.opencets.shared.ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(org.opencets.shared.FieldViolation::field, org.opencets.shared.FieldViolation::messageKey)
                        .containsExactly(org.assertj.core.api.Assertions.tuple(field, key)));
    }
}
