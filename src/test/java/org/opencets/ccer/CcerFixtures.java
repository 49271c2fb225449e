package org.opencets.ccer;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.registry.CcerOffsetRecalled;
import org.opencets.registry.CcerOffsetUsed;
import org.opencets.registry.EtsAccountsForTests;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh projects, fresh emitters with a CCER account and a login, and the ETS registry's answers published the way it
 * publishes them (inside its own transaction), for CCER registry tests.
 */
class CcerFixtures {

    static final String REGION = "330206";

    final CcerRegistry registry;
    final ComplianceOffsets offsets;
    final CcerStore store;
    final RecordedOffsetRequests sent;
    private final Accounts people;
    private final Organisations organisations;
    private final People persons;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ApplicationContext context;

    CcerFixtures(ApplicationContext context) {
        this.context = context;
        this.registry = context.getBean(CcerRegistry.class);
        this.offsets = context.getBean(ComplianceOffsets.class);
        this.store = context.getBean(CcerStore.class);
        this.sent = context.getBean(RecordedOffsetRequests.class);
        this.people = context.getBean(Accounts.class);
        this.organisations = context.getBean(Organisations.class);
        this.persons = context.getBean(People.class);
        this.events = context;
        this.tx = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
    }

    CurrentUser user(String username) {
        return people.byUsername(username).orElseThrow();
    }

    CurrentUser operator() {
        return user("ccer.registry");
    }

    /** A new project with a unique number. */
    CcerProject project(String type, boolean inNationalEts) {
        String number = "CCER-14-2016-" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "-" + ThreadLocalRandom.current().nextInt(1000, 9999);
        return registry.registerProject(operator(), number, "测试" + type + "项目 " + number.substring(13), type, "CMS-002-V01", inNationalEts).value();
    }

    /**
     * A new emitter (organisation and an officer who can log in) with a CCER account and its own ETS registry account,
     * which the ETS registry accepts lots for (a lot for anyone else's is sent straight back).
     */
    record Holder(CcerAccount account, String username, CurrentUser officer, String etsAccount) {
        String id() {
            return account.id();
        }
    }

    Holder holder() {
        Uscc uscc = Uscc.of(Demo.freshUscc(REGION));
        String name = "CCER测试单位 " + uscc.value().substring(8);
        Organisation org = organisations.ensureEmitterOrganisation(uscc, name, RegionCode.of(REGION));
        CcerAccount account = registry.openAccount(operator(), uscc.value(), name, REGION).value();
        String username = "ccer-" + uscc.value().toLowerCase();
        persons.createUnchecked(org.id(), username, "CCER测试经办人", null, Set.of(Role.OFFICER), Demo.PASSWORD);
        String ets = EtsAccountsForTests.open(context, uscc, name, RegionCode.of(REGION));
        return new Holder(account, username, user(username), ets);
    }

    /** A holder bound to its ETS registry account, holding {@code quantity} of the project. */
    Holder funded(CcerProject project, long quantity) {
        Holder h = holder();
        issue(h, project, quantity);
        bind(h);
        return h;
    }

    void bind(Holder h) {
        offsets.bind(h.officer(), h.id(), h.etsAccount());
    }

    void issue(Holder h, CcerProject project, long quantity) {
        registry.issue(operator(), id(), h.id(), project.projectNumber(), quantity);
    }

    long balance(Holder h, CcerProject project, CcerHoldingState state) {
        return store.balance(h.id(), project.projectNumber(), state);
    }

    CcerOffset lot(UUID id) {
        return store.offset(id).orElseThrow();
    }

    /** The ETS registry approved a surrender using {@code quantity} of the lot. */
    void used(UUID offsetId, UUID useId, long quantity) {
        tx.executeWithoutResult(s -> events.publishEvent(new CcerOffsetUsed(offsetId, useId, quantity, UUID.randomUUID(), 2022, Instant.now())));
    }

    /** The ETS registry recalled the lot's pending rest. */
    void recalled(UUID offsetId, long quantity) {
        tx.executeWithoutResult(s -> events.publishEvent(new CcerOffsetRecalled(offsetId, quantity, "履约期结束15个工作日后强制召回", Instant.now(),
                UUID.nameUUIDFromBytes(("recall:" + offsetId + ":" + quantity).getBytes()))));
    }

    /** An ETS account number nobody holds. */
    static String strangersEtsAccount() {
        return "E9" + String.format("%09d", ThreadLocalRandom.current().nextLong(0, 999_999_999L));
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
