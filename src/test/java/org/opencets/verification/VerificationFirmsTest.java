package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.verification.VerificationFixtures.YEAR;
import static org.opencets.verification.VerificationFixtures.assertRefused;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.VerificationFixtures.Plant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The firm register: who files a firm's qualification and verifiers, what a verifier's credential must be, who records
 * an engagement, and that a verifier whose credential does not cover the sector leaves the firm unqualified.
 *
 * <p>Data ownership: firms and a cement plant registered here; the firms are retired (inactive) at the end.
 */
@IntegrationTest
class VerificationFirmsTest {

    @Autowired
    VerificationFirms firms;
    @Autowired
    VerificationTasks tasks;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    VerificationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new VerificationFixtures(context);
    }

    @Test
    void theProvinceFilesTheFirmTheFirmKeepsItsVerifiersAndAnExpiredOrMissingCredentialIsRefused() {
        Firm firm = fx.freshFirm("宁波名录核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS));
        CurrentUser officer = fx.officerOf(firm);
        try {
            assertThat(firm.qualification()).contains("备案");
            assertThat(firm.sectors()).containsExactly(Sector.BUILDING_MATERIALS);
            assertThat(firms.verifiers(firm.organisationId())).hasSize(1);

            // the firm itself, another firm, a district: not registrars
            for (CurrentUser notRegistrar : java.util.List.of(officer, fx.verifier1(), fx.user("beilun.district"))) {
                assertThatThrownBy(() -> firms.updateProfile(notRegistrar, firm.organisationId(), firm.version(), "自行备案", EnumSet.allOf(Sector.class), true))
                        .isInstanceOf(AccessDenied.class);
            }
            assertRefused(() -> firms.updateProfile(fx.province(), firm.organisationId(), firm.version(), "备案", EnumSet.noneOf(Sector.class), true),
                    "sectors", "verification.firm.sectorsMissing");
            assertThat(firms.firm(firm.organisationId())).isEqualTo(firm);

            // the firm adds its own verifier; another firm may not
            Verifier added = firms.addVerifier(officer, firm.organisationId(), "周敏", "ZJHC-2024-0999", LocalDate.now(VerificationFixtures.CHINA).plusYears(1),
                    EnumSet.of(Sector.BUILDING_MATERIALS));
            assertThat(firms.verifiers(firm.organisationId())).extracting(Verifier::id).contains(added.id());
            assertThatThrownBy(() -> firms.addVerifier(fx.verifier1(), firm.organisationId(), "冒名", "X-1", LocalDate.now().plusYears(1),
                    EnumSet.of(Sector.POWER))).isInstanceOf(AccessDenied.class);
            assertRefused(() -> firms.addVerifier(officer, firm.organisationId(), "过期", "ZJHC-2019-0001", LocalDate.now(VerificationFixtures.CHINA).minusDays(1),
                    EnumSet.of(Sector.BUILDING_MATERIALS)), "credentialUntil", "verification.verifier.expired");
            assertRefused(() -> firms.addVerifier(officer, firm.organisationId(), "重复", "ZJHC-2024-0999", LocalDate.now(VerificationFixtures.CHINA).plusYears(1),
                    EnumSet.of(Sector.BUILDING_MATERIALS)), "credentialNumber", "verification.verifier.duplicate");
            assertThat(firms.verifiers(firm.organisationId())).hasSize(2);

            // engagements: the firm declares its own; another firm neither records nor reads them
            Plant plant = fx.cementPlant("宁波北仑名录测试水泥有限公司");
            Engagement own = firms.recordEngagement(officer, firm.organisationId(), plant.uscc(), YEAR, Engagement.Kind.CONSULTING, "碳资产咨询");
            assertThat(firms.engagements(officer, firm.organisationId())).extracting(Engagement::id).containsExactly(own.id());
            assertThat(firms.engagements(fx.city(), firm.organisationId())).extracting(Engagement::id).containsExactly(own.id());
            assertThatThrownBy(() -> firms.engagements(fx.verifier1(), firm.organisationId())).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> firms.recordEngagement(fx.verifier1(), firm.organisationId(), plant.uscc(), YEAR, Engagement.Kind.CONSULTING, "代记"))
                    .isInstanceOf(AccessDenied.class);
            assertRefused(() -> firms.recordEngagement(officer, firm.organisationId(), plant.uscc(), YEAR, Engagement.Kind.CONSULTING, "重复"), "emitter",
                    "verification.engagement.duplicate");
        } finally {
            fx.retire(firm);
        }
    }

    @Test
    void aFirmWithoutAVerifierQualifiedForTheSectorOrInactiveIsNotACandidate() {
        CurrentUser city = fx.city();
        // qualified for building materials on file, but its only verifier holds a power credential
        String uscc = org.opencets.support.Demo.freshUscc("330212");
        Organisation staffOrg = organisations.registerUnchecked("宁波无合格核查员测试有限公司-" + uscc.substring(8, 14), OrganisationKind.VERIFIER,
                RegionCode.of("330212"), org.opencets.shared.Uscc.of(uscc));
        Firm unstaffed = firms.firm(staffOrg.id());
        firms.updateProfile(fx.province(), unstaffed.organisationId(), unstaffed.version(), "备案", EnumSet.of(Sector.POWER, Sector.BUILDING_MATERIALS), true);
        firms.addVerifier(fx.province(), unstaffed.organisationId(), "电力核查员", "ZJHC-P-" + uscc.substring(8, 14), LocalDate.now().plusYears(1),
                EnumSet.of(Sector.POWER));
        Firm retired = fx.freshFirm("宁波停业核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS));
        fx.retire(retired);
        try {
            Plant plant = fx.cementPlant("宁波北仑核查员资质测试水泥有限公司");
            VerificationTask t = fx.task(plant);
            var candidates = tasks.candidates(city, t.id());
            assertThat(candidates.get(firms.firm(unstaffed.organisationId()))).extracting(Conflict::code).containsExactly(Conflict.Code.NO_QUALIFIED_VERIFIER);
            assertThat(candidates.get(firms.firm(retired.organisationId()))).extracting(Conflict::code).containsExactly(Conflict.Code.FIRM_INACTIVE);
            VerificationFixtures.Snapshot before = fx.snapshot(t.id());
            assertRefused(() -> tasks.assign(city, t.id(), t.version(), unstaffed.organisationId()), "firm", "verification.conflict.NO_QUALIFIED_VERIFIER");
            assertRefused(() -> tasks.assign(city, t.id(), t.version(), retired.organisationId()), "firm", "verification.conflict.FIRM_INACTIVE");
            assertThat(fx.snapshot(t.id())).isEqualTo(before);
        } finally {
            fx.retire(unstaffed);
        }
    }

    @Test
    void aVerifierOrganisationWithoutUsccDoesNotBreakTheRegister() {
        String name = "宁波无信用代码核查测试有限公司-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        // a firm is registered with its USCC now ...
        assertThatThrownBy(() -> organisations.registerUnchecked(name, OrganisationKind.VERIFIER, RegionCode.of("330212"), null))
                .isInstanceOf(org.opencets.shared.InvalidValueException.class);
        // ... but one registered before that rule (no USCC) is left out of the register instead of breaking it
        jdbc.sql("insert into identity.organisation (id, name, kind, region_code) values (?, ?, 'VERIFIER', '330212')")
                .params(java.util.UUID.randomUUID(), name).update();
        // the register, the draw and every assignment read it
        assertThat(firms.firms()).extracting(Firm::uscc).doesNotContainNull();
        assertThat(firms.firm(fx.yongqing().organisationId()).name()).isEqualTo("浙江甬清环境科技有限公司");
    }
}
