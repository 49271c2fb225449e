package org.opencets.platform.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencets.compliance.Compliance;
import org.opencets.compliance.ComplianceOverview;
import org.opencets.compliance.ComplianceStatus;
import org.opencets.compliance.EmitterYear;
import org.opencets.compliance.ForcedCase;
import org.opencets.compliance.ForcedCompliance;
import org.opencets.compliance.SurrenderAsk;
import org.opencets.compliance.SurrenderRequest;
import org.opencets.compliance.YearStanding;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.Role;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.registry.Trades;
import org.opencets.shared.Backdating;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 2024 compliance year of the demo region, at the dates it would have happened: most plants surrender on time
 * (buying what they lack from the plant with the largest surplus through the exchange first), the province approves
 * each the next day; 中横塘 and 望春 (allocated into the provincial account) are forced to comply by the registry on the
 * province's entrustment; 春晓 buys late and complies in January 2026; 剡溪 never surrenders; 浣江 has a late, partial
 * request waiting for the province; 东浦 (dissolved) is out of compliance; unused pending CCER are recalled in January.
 */
@Component
class DemoCompliance {

    private static final Logger log = LoggerFactory.getLogger(DemoCompliance.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2024;
    static final String LATE = "91330206796485487D";          // 宁波北仑春晓热电
    static final String NON_COMPLIANT = "913306831554561680"; // 嵊州市剡溪热电
    static final String WAITING = "91330681641855586N";       // 诸暨市浣江热电
    static final String BEILUN = DemoRegistry.BEILUN;

    private final Compliance compliance;
    private final ComplianceOverview overview;
    private final ForcedCompliance forced;
    private final Registry registry;
    private final Trades trades;
    private final PendingOffsets offsets;
    private final Accounts accounts;
    private final Organisations organisations;
    private final DemoCcer ccer;
    private final org.opencets.registry.InvariantChecker checker;

    DemoCompliance(Compliance compliance, ComplianceOverview overview, ForcedCompliance forced, Registry registry, Trades trades, PendingOffsets offsets,
            Accounts accounts, Organisations organisations, DemoCcer ccer,
            org.opencets.registry.InvariantChecker checker) {
        this.compliance = compliance;
        this.overview = overview;
        this.forced = forced;
        this.registry = registry;
        this.trades = trades;
        this.offsets = offsets;
        this.accounts = accounts;
        this.organisations = organisations;
        this.ccer = ccer;
        this.checker = checker;
    }

    void load() {
        CurrentUser province = user("zj.officer");
        CurrentUser operator = user("registry.operator");
        for (ForcedCase c : forced.cases(province, YEAR)) {
            ForcedCase entrusted = at(LocalDate.of(2025, 12, 15), 10, () -> forced.entrust(province, c.obligation().emitter(), YEAR));
            at(LocalDate.of(2025, 12, 16), 10, () -> forced.execute(operator, entrusted.id()));
        }
        ccer.load(LocalDate.of(2025, 11, 3));
        List<YearStanding> standings = overview.standings(province, YEAR).stream()
                .filter(s -> s.status() != ComplianceStatus.EXEMPT && !s.forced() && s.gap() > 0).toList();
        Seller seller = seller(standings);
        LocalDate day = LocalDate.of(2025, 11, 17);
        for (YearStanding s : standings) {
            if (s.emitter().equals(NON_COMPLIANT) || s.emitter().equals(WAITING) || s.emitter().equals(LATE)) {
                continue;
            }
            day = nextWorkingDay(day.plusDays(1));
            LocalDate on = day;
            surrender(s, seller, on, LocalDate.of(2025, 11, 10), s.emitter().equals(BEILUN));
        }
        standings.stream().filter(s -> s.emitter().equals(LATE)).findFirst()
                .ifPresent(s -> surrender(s, seller, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 19), false));
        standings.stream().filter(s -> s.emitter().equals(WAITING)).findFirst().ifPresent(this::waitingPartial);
        at(LocalDate.of(2026, 1, 23), 2, () -> {
            offsets.recallDue();
            return null;
        });
        checker.run("demo");
        log.info("Demo compliance {}: {}% complied", YEAR, overview.dashboard(province, YEAR).rate());
    }

    /**
     * Moves trading allowances back, buys what is still missing from the seller, submits the proposal (with its pending
     * CCER), and the province approves the next working day — or, for 北仑滨海, first rejects it listing two deficiencies
     * and approves the amended request.
     */
    private void surrender(YearStanding s, Seller seller, LocalDate on, LocalDate buyOn, boolean rejectFirst) {
        CurrentUser emitter = actingAs(s);
        EmitterYear y = compliance.emitterYear(emitter, s.emitter(), YEAR);
        String account = y.etsAccount();
        for (EmitterYear.UsableHolding h : y.holdings()) {
            if (h.trading() > 0 && h.allowed()) {
                at(buyOn, 9, () -> registry.moveHolding(emitter, "demo-compliance-back-" + s.emitter() + "-" + h.vintage(), account, h.vintage(), h.trading(),
                        false));
            }
        }
        y = compliance.emitterYear(emitter, s.emitter(), YEAR);
        long missing = y.proposal().toBuy();
        if (missing > 0 && seller != null && seller.surplus >= missing) {
            buy(seller, emitter, account, missing, buyOn);
            y = compliance.emitterYear(emitter, s.emitter(), YEAR);
        }
        if (y.proposal().toBuy() > 0) {
            log.warn("Demo compliance: {} still lacks {} t; left non-compliant", s.emitterName(), y.proposal().toBuy());
            return;
        }
        SurrenderAsk ask = y.proposal().ask();
        UUID id = UUID.nameUUIDFromBytes(("demo-surrender-" + s.emitter()).getBytes());
        CurrentUser province = user("zj.officer");
        SurrenderRequest submitted = at(on, 10, () -> compliance.submit(emitter, id, YEAR, ask,
                rejectFirst ? new SurrenderRequest.Contact("郭晓东", "0574-8688", "guo.xd@beilun-power.example.cn") : contact(s)));
        SurrenderRequest r = submitted;
        if (rejectFirst) {
            SurrenderRequest rejected = at(on.plusDays(1), 11, () -> compliance.reject(province, id, submitted.version(),
                    List.of("联系电话不完整，无法联系申请单位核实", "申请表未加盖单位公章，请打印本系统生成的申请表盖章后上传")));
            r = at(on.plusDays(2), 9, () -> compliance.amend(emitter, id, rejected.version(), ask,
                    new SurrenderRequest.Contact("郭晓东", "0574-86888123", "guo.xd@beilun-power.example.cn")));
        }
        SurrenderRequest toApprove = r;
        at(nextWorkingDay(on.plusDays(rejectFirst ? 3 : 1)), 15, () -> compliance.approve(province, id, toApprove.version()));
    }

    private void buy(Seller seller, CurrentUser buyer, String buyerAccount, long quantity, LocalDate on) {
        String tradeId = "SEEE-CEA-" + on.toString().replace("-", "") + "-" + buyerAccount.substring(buyerAccount.length() - 6);
        Instant tradedAt = on.atTime(LocalTime.of(10, 30)).atZone(CHINA).toInstant();
        at(on, 9, () -> registry.moveHolding(seller.user, "demo-sell-" + tradeId, seller.account, seller.vintage, quantity, true));
        at(on, 15, () -> trades.settle(user("exchange"), tradeId, seller.account, buyerAccount, seller.vintage, quantity, 6_480L, tradedAt));
        at(on, 16, () -> registry.moveHolding(buyer, "demo-bought-" + tradeId, buyerAccount, seller.vintage, quantity, false));
        seller.surplus -= quantity;
    }

    /** 浣江 asks, after the deadline, to surrender what it holds — short of the obligation; the province has not decided yet. */
    private void waitingPartial(YearStanding s) {
        CurrentUser emitter = actingAs(s);
        EmitterYear y = compliance.emitterYear(emitter, s.emitter(), YEAR);
        SurrenderAsk ask = y.proposal().ask();
        if (ask.isEmpty()) {
            return;
        }
        at(LocalDate.of(2026, 11, 16), 11, () -> compliance.submit(emitter, UUID.nameUUIDFromBytes(("demo-waiting-" + s.emitter()).getBytes()), YEAR, ask,
                contact(s)));
    }

    /** The plant with the largest surplus over its own gap sells to those short of allowances. */
    private Seller seller(List<YearStanding> standings) {
        Seller best = null;
        for (YearStanding s : standings) {
            if (s.emitter().equals(LATE) || s.emitter().equals(WAITING) || s.emitter().equals(NON_COMPLIANT)) {
                continue;
            }
            CurrentUser emitter = actingAs(s);
            EmitterYear y = compliance.emitterYear(emitter, s.emitter(), YEAR);
            for (EmitterYear.UsableHolding h : y.holdings()) {
                long surplus = h.available() - y.standing().gap();
                if (h.allowed() && (best == null || surplus > best.surplus)) {
                    best = new Seller(emitter, y.etsAccount(), h.vintage(), surplus);
                }
            }
        }
        return best == null || best.surplus <= 0 ? null : best;
    }

    private static final class Seller {
        final CurrentUser user;
        final String account;
        final Vintage vintage;
        long surplus;

        Seller(CurrentUser user, String account, Vintage vintage, long surplus) {
            this.user = user;
            this.account = account;
            this.vintage = vintage;
            this.surplus = surplus;
        }
    }

    static SurrenderRequest.Contact contact(YearStanding s) {
        String digits = String.format("%07d", Math.floorMod(s.emitter().hashCode(), 10_000_000));
        return new SurrenderRequest.Contact("碳管理专员", (s.regionCode().startsWith("3302") ? "0574-8" : "0575-8") + digits,
                "carbon@" + s.emitter().substring(8, 14).toLowerCase() + ".example.cn");
    }

    /** The emitter's demo login when it has one; otherwise an officer of its organisation acting in the platform. */
    CurrentUser actingAs(YearStanding s) {
        Uscc uscc = Uscc.of(s.emitter());
        return accounts.byUsername(s.emitter().equals(BEILUN) ? "beilun.power" : s.emitter().equals(DemoRegistry.QIANQING) ? "keqiao.dyeing.power" : "-")
                .orElseGet(() -> {
                    Organisation org = organisations.ensureEmitterOrganisation(uscc, s.emitterName(), RegionCode.of(s.regionCode()));
                    return new CurrentUser(UUID.nameUUIDFromBytes(("demo-officer-" + s.emitter()).getBytes()), "demo-" + s.emitter(), "碳管理专员",
                            org.id(), org.name(), OrganisationKind.KEY_EMITTER, RegionCode.of(s.regionCode()), uscc, EnumSet.of(Role.OFFICER));
                });
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek().getValue() >= 6) {
            d = d.plusDays(1);
        }
        return d;
    }

    static <T> T at(LocalDate day, int hour, Supplier<T> steps) {
        return Backdating.at(day.atTime(hour, 0).atZone(CHINA).toInstant(), steps);
    }
}
