package org.opencets.ccer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CCER registry's operator business — register projects, open holders' accounts, issue CCER, record period-1
 * cancellations — and what each user may read: the operator and the ministry everything, a bureau the accounts of its
 * region, an emitter its own account. An account outside what a user sees is "not found".
 */
@Service
public class CcerRegistry {

    static final LocalDate FIRST_PERIOD_FROM = LocalDate.of(2019, 1, 1);
    static final LocalDate FIRST_PERIOD_TO = LocalDate.of(2021, 12, 31);

    private final CcerStore store;
    private final Movements movements;
    private final KeyEmitterDirectory directory;
    private final WorkClock clock;

    CcerRegistry(CcerStore store, Movements movements, KeyEmitterDirectory directory, WorkClock clock) {
        this.store = store;
        this.movements = movements;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- reading

    /** Every registered project, newest first: public facts of the registry. */
    public List<CcerProject> projects(CurrentUser user) {
        return store.projects();
    }

    public List<CcerAccount> accounts(CurrentUser user) {
        return store.accounts().stream().filter(a -> CcerAccess.sees(user, a)).toList();
    }

    public CcerAccount account(CurrentUser user, String id) {
        CcerAccount account = store.account(id == null ? "" : id.strip().toUpperCase(Locale.ROOT)).orElseThrow(() -> new RecordNotFound("CCER account", id));
        CcerAccess.requireSees(user, account);
        return account;
    }

    /** The emitter's own account, if the operator has opened one. */
    public Optional<CcerAccount> ownAccount(CurrentUser user) {
        return user.uscc() == null ? Optional.empty() : store.accountOf(user.uscc()).filter(a -> CcerAccess.sees(user, a));
    }

    public List<CcerHolding> holdings(CurrentUser user, String accountId) {
        return store.holdings(account(user, accountId).id());
    }

    public List<CcerOffset> offsets(CurrentUser user, String accountId) {
        return store.offsets(account(user, accountId).id());
    }

    public List<FirstPeriodCancellation> firstPeriodCancellations(CurrentUser user, String accountId) {
        return store.cancellations(account(user, accountId).id());
    }

    /** The latest {@code limit} movements of an account, newest first. */
    public List<CcerMovement> movements(CurrentUser user, String accountId, int limit) {
        return movements.ofAccount(account(user, accountId).id(), Math.clamp(limit, 1, 500));
    }

    public boolean isOperator(CurrentUser user) {
        return CcerAccess.isOperator(user);
    }

    public boolean isHolder(CurrentUser user, CcerAccount account) {
        return CcerAccess.isHolder(user, account);
    }

    // ---- the operator's business

    /** Registers a project; the same project again changes nothing, another one under a taken number is refused. */
    @Transactional
    public Recorded<CcerProject> registerProject(CurrentUser user, String projectNumber, String name, String type, String methodology,
            Boolean inNationalEts) {
        CcerAccess.requireOperator(user);
        List<FieldViolation> problems = new ArrayList<>();
        String number = projectNumber == null ? "" : projectNumber.strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty()) {
            problems.add(FieldViolation.of("projectNumber", "ccer.projectNumber.required", "Give the project number"));
        } else if (!CcerInput.PROJECT_NUMBER.matcher(number).matches()) {
            problems.add(FieldViolation.of("projectNumber", "ccer.projectNumber.format",
                    "A project number is 3 to 40 capital letters, digits and hyphens, e.g. CCER-14-2016-0123", number));
        }
        CcerProject project = new CcerProject(number, CcerInput.text("name", name, 200, problems), CcerInput.text("type", type, 50, problems),
                CcerInput.text("methodology", methodology, 50, problems), Boolean.TRUE.equals(inNationalEts), clock.now());
        if (inNationalEts == null) {
            problems.add(FieldViolation.of("inNationalEts", "ccer.inNationalEts.required", "Say whether the project lies inside the national ETS"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        if (store.insertProject(project)) {
            return new Recorded<>(store.project(number).orElseThrow(), false);
        }
        CcerProject existing = store.project(number).orElseThrow();
        if (existing.name().equals(project.name()) && existing.type().equals(project.type()) && existing.methodology().equals(project.methodology())
                && existing.inNationalEts() == project.inNationalEts()) {
            return new Recorded<>(existing, true);
        }
        throw new ValidationFailed(FieldViolation.of("projectNumber", "ccer.project.exists", "Project {0} is already registered as {1}", number,
                existing.name()));
    }

    /**
     * Opens the registration account of a holder. Name and region may be left out for a key emitter in the directory
     * (they are taken from there). The holder's account again changes nothing; a holder has one account.
     */
    @Transactional
    public Recorded<CcerAccount> openAccount(CurrentUser user, String uscc, String holderName, String region) {
        CcerAccess.requireOperator(user);
        List<FieldViolation> problems = new ArrayList<>();
        Uscc holder = null;
        try {
            holder = Uscc.of(uscc);
        } catch (InvalidValueException e) {
            problems.add(FieldViolation.of("uscc", e));
        }
        Optional<KeyEmitter> known = holder == null ? Optional.empty() : directory.findByUscc(holder);
        String name = holderName == null || holderName.isBlank() ? known.map(KeyEmitter::name).orElse("") : holderName;
        name = CcerInput.text("holderName", name, 200, problems);
        RegionCode regionCode = null;
        if (region == null || region.isBlank()) {
            regionCode = known.map(KeyEmitter::region).orElse(null);
            if (regionCode == null) {
                problems.add(FieldViolation.of("region", "ccer.region.required", "Give the holder's region code"));
            }
        } else {
            try {
                regionCode = RegionCode.of(region);
            } catch (InvalidValueException e) {
                problems.add(FieldViolation.of("region", e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        Optional<CcerAccount> opened = store.insertAccount(holder, name, regionCode, clock.now());
        if (opened.isPresent()) {
            return new Recorded<>(opened.get(), false);
        }
        CcerAccount existing = store.accountOf(holder).orElseThrow();
        if (existing.holderName().equals(name) && existing.region().equals(regionCode)) {
            return new Recorded<>(existing, true);
        }
        throw new ValidationFailed(FieldViolation.of("uscc", "ccer.account.exists", "{0} already holds account {1}", holder.value(), existing.id()));
    }

    /** Issues (签发) {@code quantity} CCER of a project into an account's general holding; once per request id. */
    @Transactional
    public Recorded<CcerMovement> issue(CurrentUser user, String requestId, String accountId, String projectNumber, long quantity) {
        CcerAccess.requireOperator(user);
        Target t = target(requestId, accountId, projectNumber, quantity);
        String content = "ISSUANCE|" + t.account().id() + "|" + t.project().projectNumber() + "|" + quantity;
        Optional<CcerMovement> previous = movements.previous(t.requestId(), content);
        if (previous.isPresent()) {
            return new Recorded<>(previous.get(), true);
        }
        return new Recorded<>(movements.record(new Movements.Move(t.requestId(), CcerMovement.Kind.ISSUANCE, t.account().id(), t.project().projectNumber(),
                null, CcerHoldingState.AVAILABLE, quantity, null), content, user.userId(), recorder(user), clock.now()), false);
    }

    /**
     * Records CCER the holder cancelled for compliance in period 1 (2019–2020) and never used (seed 003 §二), as history:
     * they stand as cancelled in the account and may be applied for 2021/2022 once. Once per request id.
     */
    @Transactional
    public Recorded<FirstPeriodCancellation> recordFirstPeriodCancellation(CurrentUser user, String requestId, String accountId, String projectNumber,
            long quantity, LocalDate cancelledOn) {
        CcerAccess.requireOperator(user);
        List<FieldViolation> problems = new ArrayList<>();
        if (cancelledOn == null) {
            problems.add(FieldViolation.of("cancelledOn", "ccer.cancelledOn.required", "Give the date the CCER were cancelled"));
        } else if (cancelledOn.isBefore(FIRST_PERIOD_FROM) || cancelledOn.isAfter(FIRST_PERIOD_TO)) {
            problems.add(FieldViolation.of("cancelledOn", "ccer.cancelledOn.period",
                    "Period-1 cancellations were made between 2019-01-01 and 2021-12-31, not on {0}", cancelledOn.toString()));
        }
        Target t = target(requestId, accountId, projectNumber, quantity, problems);
        String content = "FIRST_PERIOD_CANCELLATION|" + t.account().id() + "|" + t.project().projectNumber() + "|" + quantity + "|" + cancelledOn;
        UUID id = UUID.nameUUIDFromBytes(("ccer-first-period:" + t.requestId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (movements.previous(t.requestId(), content).isPresent()) {
            return new Recorded<>(store.cancellation(id).orElseThrow(), true);
        }
        store.insertCancellation(id, t.account().id(), t.project().projectNumber(), quantity, cancelledOn, null, clock.now());
        movements.record(new Movements.Move(t.requestId(), CcerMovement.Kind.FIRST_PERIOD_CANCELLATION, t.account().id(), t.project().projectNumber(),
                null, CcerHoldingState.CANCELLED, quantity, null), content, user.userId(), recorder(user), clock.now());
        return new Recorded<>(store.cancellation(id).orElseThrow(), false);
    }

    record Target(String requestId, CcerAccount account, CcerProject project) {
    }

    private Target target(String requestId, String accountId, String projectNumber, long quantity) {
        return target(requestId, accountId, projectNumber, quantity, new ArrayList<>());
    }

    /** The request id, account and project of an operator's movement, with every problem told at once. */
    private Target target(String requestId, String accountId, String projectNumber, long quantity, List<FieldViolation> problems) {
        String id = CcerInput.requestId(requestId, problems);
        problems.addAll(CcerInput.quantityProblems(quantity));
        Optional<CcerAccount> account = store.account(accountId == null ? "" : accountId.strip().toUpperCase(Locale.ROOT));
        if (account.isEmpty()) {
            problems.add(FieldViolation.of("account", "ccer.account.unknown", "No CCER account {0}", accountId == null ? "" : accountId.strip()));
        }
        Optional<CcerProject> project = store.project(projectNumber == null ? "" : projectNumber.strip().toUpperCase(Locale.ROOT));
        if (project.isEmpty()) {
            problems.add(unknownProject(projectNumber));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new Target(id, account.get(), project.get());
    }

    static FieldViolation unknownProject(String projectNumber) {
        return FieldViolation.of("project", "ccer.project.unknown", "No registered project {0}", projectNumber == null ? "" : projectNumber.strip());
    }

    static String recorder(CurrentUser user) {
        return user.displayName() + "（" + user.organisationName() + "）";
    }
}
