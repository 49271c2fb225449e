package org.opencets.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.opencets.OpenCetsApplication;
import org.opencets.identity.ApiKeys;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Regions;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.opencets.support.Demo;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The server side of {@link LedgerCrashTest}: the application itself ({@link OpenCetsApplication}, started as its own
 * JVM by the test, demo disabled), plus, when {@code crash.seed-file} is given, a start-up step that creates the few
 * things the test's load needs and writes them to that file: a registry operator, an exchange and two emitters, each
 * organisation with an API key, the two emitters' accounts funded by issuance, and a province officer (a person, with a
 * password) who confirms surrenders. The restart after the crash runs
 * without it, i.e. exactly the application.
 */
final class LedgerCrashServer {

    static final String SEED_FILE = "crash.seed-file";
    /** Issued to both emitters: 2023 to move around, 2021 and 2022 to surrender for 2022 (two legs per surrender). */
    static final List<Vintage> VINTAGES = List.of(Vintage.ofYear(2021), Vintage.ofYear(2022), Vintage.ofYear(2023));
    static final long FUNDED = 1_000_000;
    static final String PROVINCE_USER = "crash.province";

    private LedgerCrashServer() {
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OpenCetsApplication.class);
        // registered here, not by component scan, so that the test suite's own application context never sees it
        app.addInitializers(context -> ((GenericApplicationContext) context).registerBean(Seed.class));
        app.run(args);
    }

    static final class Seed implements ApplicationRunner {

        private final Environment environment;
        private final Regions regions;
        private final Organisations organisations;
        private final People people;
        private final ApiKeys apiKeys;
        private final Registry registry;
        private final Ledger ledger;

        Seed(Environment environment, Regions regions, Organisations organisations, People people, ApiKeys apiKeys, Registry registry, Ledger ledger) {
            this.environment = environment;
            this.regions = regions;
            this.organisations = organisations;
            this.people = people;
            this.apiKeys = apiKeys;
            this.registry = registry;
            this.ledger = ledger;
        }

        @Override
        public void run(ApplicationArguments args) {
            String file = environment.getProperty(SEED_FILE);
            if (file == null || file.isBlank() || Files.exists(Path.of(file))) {
                return;
            }
            regions.register(RegionCode.of("330000"), "浙江省", null);
            regions.register(RegionCode.of("330200"), "宁波市", RegionCode.of("330000"));
            regions.register(RegionCode.of("330206"), "北仑区", RegionCode.of("330200"));
            regions.register(RegionCode.of("420000"), "湖北省", null);
            regions.register(RegionCode.of("310000"), "上海市", null);
            Properties seeded = new Properties();
            seeded.setProperty("operator.key", key(organisations.registerUnchecked("崩溃测试注册登记机构", OrganisationKind.REGISTRY_OPERATOR,
                    RegionCode.of("420000"), null)));
            seeded.setProperty("exchange.key", key(organisations.registerUnchecked("崩溃测试交易机构", OrganisationKind.EXCHANGE,
                    RegionCode.of("310000"), null)));
            // the province confirms surrenders; a decision needs a person (maker-checker), so this one logs in with a password
            Organisation province = organisations.registerUnchecked("崩溃测试省级生态环境主管部门", OrganisationKind.PROVINCE_BUREAU,
                    RegionCode.of("330000"), null);
            String password = "Crash-" + UUID.randomUUID();
            people.createUnchecked(province.id(), PROVINCE_USER, "崩溃测试审核员", null, EnumSet.of(Role.OFFICER), password);
            seeded.setProperty("province.username", PROVINCE_USER);
            seeded.setProperty("province.password", password);
            for (String holder : List.of("a", "b")) {
                Uscc uscc = Uscc.of(Demo.freshUscc("330206"));
                String name = "崩溃测试排放单位" + holder.toUpperCase();
                Organisation org = organisations.registerUnchecked(name, OrganisationKind.KEY_EMITTER, RegionCode.of("330206"), uscc);
                Account account = registry.emitterAccount(uscc, name, RegionCode.of("330206"));
                for (Vintage vintage : VINTAGES) {
                    ledger.submit(new Ledger.Request("crash-seed:" + account.number() + ":" + vintage, OperationKind.ISSUANCE, account, null, Map.of(),
                            List.of(new Ledger.Move(registry.national(AccountKind.NATIONAL_ISSUANCE), HoldingState.AVAILABLE, account,
                                    HoldingState.AVAILABLE, UnitType.CEA, vintage, FUNDED)),
                            false, Ledger.Initiator.platform("crash test seed")));
                }
                seeded.setProperty(holder + ".key", key(org));
                seeded.setProperty(holder + ".account", account.number());
            }
            try {
                Path target = Path.of(file);
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    seeded.store(out, "LedgerCrashServer seed");
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String key(Organisation org) {
            return apiKeys.issueUnchecked(org.id(), "crash test", "crash-test").secretKey();
        }
    }
}
