package org.opencets.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PolicyYearDataTest {

    static final RegionCode BEILUN = RegionCode.of("330206");
    static final CurrentUser PROVINCE = bureau(OrganisationKind.PROVINCE_BUREAU, "330000", Role.OFFICER);

    @Autowired
    PolicyYearData policy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shipsTheSeedValuesWithTheirSources() {
        // seed 003 §二: CCER offset ≤ 5% of the year's obligation
        PolicyValue cap = policy.current(PolicyParameter.CCER_OFFSET_CAP, 2022, BEILUN);
        assertThat(cap.fraction()).isEqualByComparingTo("0.05");
        assertThat(cap.source()).contains("5%");
        // seed 002 §二(三): 2022 grid factor 0.5703 tCO2/MWh
        assertThat(policy.decimal(PolicyParameter.GRID_EMISSION_FACTOR, "", 2022, BEILUN)).isEqualByComparingTo("0.5703");
        // seed 003 §四: 2019–2020, 2021 and 2022 allowances may all be surrendered for 2021
        assertThat(policy.current(PolicyParameter.SURRENDER_VINTAGES, 2021, BEILUN).vintages()).containsExactly("2019-2020", "2021", "2022");
        assertThat(policy.decimal(PolicyParameter.BENCHMARK_ELECTRICITY, "I", 2024, BEILUN)).isEqualByComparingTo("0.7910");
        assertThat(policy.decimal(PolicyParameter.COMPLIANCE_RATE_INTERIM, "", 2022, BEILUN)).isEqualByComparingTo("95");
    }

    @Test
    void aNewVersionAppliesFromItsDateAndTheOldOneStays() {
        // the national 2024 cap is 5%; Zhejiang records 4% from March 2026 and 3% from April 2026
        int year = 2024;
        LocalDate from = LocalDate.of(2026, 3, 1);
        RegionCode chongqing = RegionCode.of("500000");
        policy.record(PROVINCE, new NewPolicyValue(year, "CCER_OFFSET_CAP", "", "33", "4", "%", "浙江省测试通知 §2", from, "test"));
        policy.record(PROVINCE, new NewPolicyValue(year, "CCER_OFFSET_CAP", "", "33", "3", "%", "浙江省测试通知 §3", from.plusMonths(1), null));

        assertThat(valueOn(year, BEILUN, from.minusDays(1))).contains("5");
        assertThat(valueOn(year, BEILUN, from)).contains("4");
        assertThat(valueOn(year, BEILUN, from.plusMonths(2))).contains("3");
        assertThat(valueOn(year, chongqing, from.plusMonths(2))).as("another province keeps the national value").contains("5");
        assertThat(policy.versions(PolicyParameter.CCER_OFFSET_CAP, "", year)).filteredOn(v -> v.regionPrefix().equals("33"))
                .extracting(PolicyValue::value, PolicyValue::recordedBy).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4", "zj.test"), org.assertj.core.groups.Tuple.tuple("3", "zj.test"));
    }

    private Optional<String> valueOn(int year, RegionCode region, LocalDate on) {
        return policy.valueOn(PolicyParameter.CCER_OFFSET_CAP, "", year, region, on).map(PolicyValue::value);
    }

    @Test
    void aSecondVersionWithTheSameInForceDateIsRefusedNotOverwritten() {
        LocalDate from = LocalDate.of(2026, 5, 5);
        policy.record(PROVINCE, new NewPolicyValue(2018, "RECORD_RETENTION_YEARS", "", "33", "5", "years", "测试 §1", from, null));
        assertThatThrownBy(() -> policy.record(PROVINCE, new NewPolicyValue(2018, "RECORD_RETENTION_YEARS", "", "33", "6", "years", "测试 §2", from, null)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey)
                        .containsExactly("policy.version.exists"));
        assertThat(policy.versions(PolicyParameter.RECORD_RETENTION_YEARS, "", 2018)).extracting(PolicyValue::value).containsExactly("5");
        assertThatThrownBy(() -> jdbc.sql("update calendar.policy_value set value = '6' where compliance_year = 2018").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void badInputNamesEveryProblemAndChangesNothing() {
        long before = count();
        NewPolicyValue bad = new NewPolicyValue(2026, "BENCHMARK_ELECTRICITY", "V", "33", "abc", "", " ", null, null);
        assertThatThrownBy(() -> policy.record(PROVINCE, bad)).isInstanceOfSatisfying(ValidationFailed.class, e ->
                assertThat(e.violations()).extracting(FieldViolation::messageKey).containsExactlyInAnyOrder("policy.qualifier.invalid",
                        "policy.value.decimal", "policy.unit.required", "policy.source.required", "policy.inForceFrom.required"));
        assertThatThrownBy(() -> policy.record(PROVINCE, new NewPolicyValue(2026, "CCER_OFFSET_CAP", "", "33", "120", "tCO2", "s", LocalDate.now(), null)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey)
                        .containsExactlyInAnyOrder("policy.value.percent", "policy.unit.mismatch"));
        assertThatThrownBy(() -> policy.record(PROVINCE, new NewPolicyValue(2026, "NO_SUCH", "", "33", "1", "%", "s", LocalDate.now(), null)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey)
                        .containsExactly("policy.parameter.unknown"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyProvincialAndCityBureausRecordAndOnlyForTheirOwnRegion() {
        NewPolicyValue ningbo = new NewPolicyValue(2026, "CCER_OFFSET_CAP", "", "3302", "5", "%", "s", LocalDate.of(2030, 1, 1), null);
        assertThatThrownBy(() -> policy.record(bureau(OrganisationKind.DISTRICT_BUREAU, "330206", Role.ADMIN), ningbo)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> policy.record(bureau(OrganisationKind.CITY_BUREAU, "330200", Role.VIEWER), ningbo)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> policy.record(bureau(OrganisationKind.CITY_BUREAU, "330600", Role.OFFICER), ningbo))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey)
                        .containsExactly("policy.region.outside"));
        assertThatThrownBy(() -> policy.record(bureau(OrganisationKind.CITY_BUREAU, "330200", Role.OFFICER),
                new NewPolicyValue(2026, "CCER_OFFSET_CAP", "", "", "5", "%", "s", LocalDate.of(2030, 1, 1), null)))
                .as("national values come with the platform").isInstanceOf(ValidationFailed.class);
    }

    @Test
    void percentagesReadAsFractions() {
        PolicyValue v = new PolicyValue(1, 2026, PolicyParameter.PRE_ALLOCATION_RATIO, "", "", "70", "%", "s", LocalDate.now(), null, "x", java.time.Instant.now());
        assertThat(v.fraction()).isEqualByComparingTo(new BigDecimal("0.70"));
    }

    private long count() {
        return jdbc.sql("select count(*) from calendar.policy_value").query(Long.class).single();
    }

    static CurrentUser bureau(OrganisationKind kind, String region, Role role) {
        return new CurrentUser(null, "zj.test", "Test", null, "test bureau", kind, RegionCode.of(region), null, EnumSet.of(role));
    }
}
