package org.opencets.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencets.allocation.AllocationDecision;
import org.opencets.allocation.AllocationFinalised;
import org.opencets.allocation.IssuanceInstruction;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.registry.Account;
import org.opencets.registry.CcerOffsetRequested;
import org.opencets.registry.Registry;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh key emitters for the compliance tests, made the way production makes them: an organisation and a login
 * (identity's services), the year's final allocation (allocation's {@link AllocationFinalised}, which compliance turns
 * into the obligation) and the allowances (allocation's {@link IssuanceInstruction}, which the registry executes,
 * opening the account), and CCER pending offset as the CCER registry would send them ({@link CcerOffsetRequested}).
 * Everything is new and unique, so the demo data and other tests are untouched.
 */
public final class CompliancePageFixtures {

    /** A test-made emitter: its USCC, name, login and ETS account (null for forced compliance, whose allowances sit in the provincial account). */
    public record Emitter(Uscc uscc, String name, RegionCode region, String username, String account) {
    }

    private final Organisations organisations;
    private final People people;
    private final Registry registry;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    public CompliancePageFixtures(ApplicationContext context) {
        this.organisations = context.getBean(Organisations.class);
        this.people = context.getBean(People.class);
        this.registry = context.getBean(Registry.class);
        this.events = context;
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** An emitter in {@code region} with a login, the obligation for {@code year} and allowances by vintage in its own account. */
    public Emitter emitter(String region, String namePrefix, int year, long obligation, Map<String, Long> allowances) {
        return create(region, namePrefix, year, obligation, allowances, null);
    }

    /** An entity at legal risk whose allowances went into the provincial account: the registry surrenders for it (seed 003 §一). */
    public Emitter forcedEntity(String region, String namePrefix, int year, long obligation, Map<String, Long> provincialAllowances) {
        return create(region, namePrefix, year, obligation, provincialAllowances, SpecialCaseKind.LEGAL_RISK);
    }

    private Emitter create(String region, String namePrefix, int year, long obligation, Map<String, Long> allowances, SpecialCaseKind special) {
        Uscc uscc = Uscc.of(Demo.freshUscc(region));
        String name = namePrefix + uscc.value().substring(9);
        RegionCode code = RegionCode.of(region);
        Organisation org = organisations.ensureEmitterOrganisation(uscc, name, code);
        String username = "cp-" + uscc.value().toLowerCase();
        people.createUnchecked(org.id(), username, "履约测试经办人", null, Set.of(Role.OFFICER), Demo.PASSWORD);
        UUID decision = UUID.randomUUID();
        long due = allowances.values().stream().mapToLong(Long::longValue).sum();
        AllocationDecision.Account into = special == null ? AllocationDecision.Account.EMITTER : AllocationDecision.Account.PROVINCIAL;
        tx.executeWithoutResult(status -> {
            events.publishEvent(new AllocationFinalised(decision, uscc, name, code, year, 1, due, obligation, special));
            allowances.forEach((vintage, quantity) -> events.publishEvent(new IssuanceInstruction(UUID.randomUUID(), decision, null, uscc, name, code, year,
                    vintage, IssuanceInstruction.Purpose.PRE_ALLOCATION, IssuanceInstruction.Direction.ISSUE, quantity, into, false, Instant.now())));
        });
        String account = registry.accountOf(uscc).map(Account::number).orElse(null);
        return new Emitter(uscc, name, code, username, account);
    }

    /** A lot the CCER registry froze for the emitter's "national compliance offset" (seed 001 第三步): pending offset in its ETS account. */
    public UUID pendingLot(Emitter e, String projectNumber, String projectName, String projectType, boolean inNationalEts, long quantity) {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> events.publishEvent(new CcerOffsetRequested(id, "CCER-" + e.uscc().value().substring(2, 8) + "-" + e.uscc().value()
                .substring(12), e.account(), e.uscc(), projectNumber, projectName, projectType, inNationalEts, quantity, false, Instant.now())));
        return id;
    }
}
