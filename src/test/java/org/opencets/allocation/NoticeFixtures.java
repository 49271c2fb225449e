package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the notice tests: a fresh power emitter in 嵊州市 330683 (registered by 绍兴 sx.city) with one category
 * II coal unit and an officer of its own (a real account, password {@link Demo#PASSWORD}), its 2022 and 2023 verified
 * figures imported by the province (zj.officer), and its 2023 pre-allocation and final allocation, each with its notice.
 */
final class NoticeFixtures {

    static final int YEAR = 2023;
    static final String REGION = "330683";
    static final String UNIT = "1号机组";

    /** The emitter, its officer's login and user, both decisions and their notices. */
    record Plant(KeyEmitter emitter, String login, CurrentUser officer, AllocationDecision pre, AllocationNotice preNotice, AllocationDecision fin,
            AllocationNotice finalNotice) {

        Uscc uscc() {
            return emitter.uscc();
        }
    }

    private final KeyEmitterDirectory directory;
    private final Organisations organisations;
    private final People people;
    private final Accounts accounts;
    private final AllocationBasis basis;
    private final Allocations allocations;
    private final Notices notices;
    private final SpecialCases specialCases;
    private final JdbcClient jdbc;

    NoticeFixtures(ApplicationContext context) {
        this.directory = context.getBean(KeyEmitterDirectory.class);
        this.organisations = context.getBean(Organisations.class);
        this.people = context.getBean(People.class);
        this.accounts = context.getBean(Accounts.class);
        this.basis = context.getBean(AllocationBasis.class);
        this.allocations = context.getBean(Allocations.class);
        this.notices = context.getBean(Notices.class);
        this.specialCases = context.getBean(SpecialCases.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    CurrentUser province() {
        return user("zj.officer");
    }

    CurrentUser district() {
        return user("shengzhou.district");
    }

    Plant plant(String name) {
        return plant(name, null, null);
    }

    /** With a special case recorded by the province before the decisions (null: none). */
    Plant plant(String name, SpecialCaseKind special, String note) {
        String uscc = Demo.freshUscc(REGION);
        CurrentUser city = user("sx.city");
        KeyEmitter e = directory.register(city, new EmitterForm(uscc, name + "-" + uscc.substring(8, 14), REGION, "4411", "NORMAL",
                "浙江省嵊州市通知测试路 8 号", "测试法人", "测试联系人", "0575-83000000", "notice.test@example.com"));
        directory.addUnit(city, e.id(), new UnitForm("测试电厂", UNIT, "300", "II", "BITUMINOUS", "WATER", "2010-01-01", ""));
        Organisation org = organisations.findByUscc(e.uscc()).orElseThrow();
        String login = "notice.test." + uscc.toLowerCase();
        people.createUnchecked(org.id(), login, "通知测试经办人", null, EnumSet.of(Role.OFFICER), Demo.PASSWORD);
        CurrentUser officer = user(login);

        basis.importFigures(province(), YEAR - 1, "test", List.of(new AllocationBasis.EntityFigures(e.uscc(), new BigDecimal("1250000.00"),
                new BigDecimal("1250000.00"), List.of())));
        basis.importFigures(province(), YEAR, "test", List.of(new AllocationBasis.EntityFigures(e.uscc(), new BigDecimal("1300000.00"),
                new BigDecimal("1300000.00"), List.of(new VerifiedBasis.Unit(UNIT, null, null, new BigDecimal("1500000"), BigDecimal.ZERO,
                        new BigDecimal("6000"), new BigDecimal("1300000.00"))))));
        if (special != null) {
            specialCases.record(province(), e.uscc(), YEAR, special, note);
        }
        AllocationDecision pre = allocations.preAllocate(province(), e.uscc(), YEAR);
        AllocationDecision fin = allocations.finalise(province(), e.uscc(), YEAR);
        AllocationNotice preNotice = notices.ofDecision(province(), pre.id()).orElseThrow();
        AllocationNotice finalNotice = notices.ofDecision(province(), fin.id()).orElseThrow();
        assertThat(preNotice.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.PENDING);
        assertThat(finalNotice.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.PENDING);
        return new Plant(e, login, officer, pre, preNotice, fin, finalNotice);
    }

    /** The notice as stored now (the receipt included). */
    AllocationNotice reload(AllocationNotice n) {
        return notices.get(province(), n.id());
    }

    long receiptRows(AllocationNotice n) {
        return jdbc.sql("select count(*) from allocation.service_receipt where notice_id = ?").param(n.id()).query(Long.class).single();
    }
}
