package org.opencets.compliance;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.opencets.allocation.AllocationDecision;
import org.opencets.allocation.AllocationFinalised;
import org.opencets.allocation.IssuanceInstruction;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.registry.CcerOffsetRequested;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh emitters for compliance tests, built only through the modules' public events (as allocation and the CCER
 * registry would): an obligation (AllocationFinalised), allowances (IssuanceInstruction) and pending CCER lots
 * (CcerOffsetRequested).
 */
public class ComplianceFixtures {

    public static final String REGION = "330203";

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Accounts people;

    public ComplianceFixtures(ApplicationContext context) {
        this.events = context;
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.people = context.getBean(Accounts.class);
    }

    public record Emitter(Uscc uscc, String name, CurrentUser officer) {
    }

    public Emitter emitter() {
        Uscc uscc = Uscc.of(Demo.freshUscc(REGION));
        String name = "测试热电 " + uscc.value().substring(10);
        CurrentUser officer = new CurrentUser(UUID.randomUUID(), "t-" + uscc.value(), "测试经办人", UUID.randomUUID(), name, OrganisationKind.KEY_EMITTER,
                RegionCode.of(REGION), uscc, EnumSet.of(Role.OFFICER));
        return new Emitter(uscc, name, officer);
    }

    public void obligation(Emitter e, int year, long tonnes, SpecialCaseKind special) {
        publish(new AllocationFinalised(UUID.randomUUID(), e.uscc(), e.name(), RegionCode.of(REGION), year, 1, tonnes, tonnes, special));
    }

    public void issue(Emitter e, int year, long quantity, boolean provincial) {
        publish(new IssuanceInstruction(UUID.randomUUID(), UUID.randomUUID(), null, e.uscc(), e.name(), RegionCode.of(REGION), year,
                Integer.toString(year), IssuanceInstruction.Purpose.TRUE_UP, IssuanceInstruction.Direction.ISSUE, quantity,
                provincial ? AllocationDecision.Account.PROVINCIAL : AllocationDecision.Account.EMITTER, false, Instant.now()));
    }

    /** A lot of CCER pending offset in the emitter's ETS account, as the CCER registry sends it. */
    public UUID pendingCcer(Emitter e, String etsAccount, String project, boolean inEts, long quantity) {
        UUID id = UUID.randomUUID();
        publish(new CcerOffsetRequested(id, "C-" + e.uscc().value().substring(8), etsAccount, e.uscc(), project, "项目 " + project, "风电", inEts, quantity,
                false, Instant.now()));
        return id;
    }

    public CurrentUser user(String username) {
        return people.byUsername(username).orElseThrow();
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }
}
