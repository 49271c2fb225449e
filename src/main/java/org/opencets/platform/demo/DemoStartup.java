package org.opencets.platform.demo;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** On start: loads the demo region into an empty database and prints the URL and a login per role. */
@Component
@ConditionalOnProperty(name = "opencets.demo.enabled", havingValue = "true")
@Order(100)
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoRegionLoader loader;
    private final DemoReports demoReports;
    private final DemoMonitoring demoMonitoring;
    private final DemoVerification demoVerification;
    private final DemoAllocation demoAllocation;
    private final DemoRegistry demoRegistry;
    private final DemoCompliance demoCompliance;
    private final org.opencets.calendar.Deadlines deadlines;
    private final ApplicationContext context;
    private final boolean printLogins;

    DemoStartup(DemoRegionLoader loader, DemoReports demoReports, DemoMonitoring demoMonitoring, DemoVerification demoVerification, DemoAllocation demoAllocation, DemoRegistry demoRegistry, DemoCompliance demoCompliance, org.opencets.calendar.Deadlines deadlines, ApplicationContext context, @Value("${opencets.demo.print-logins:true}") boolean printLogins) {
        this.loader = loader;
        this.demoReports = demoReports;
        this.demoMonitoring = demoMonitoring;
        this.demoVerification = demoVerification;
        this.demoAllocation = demoAllocation;
        this.demoRegistry = demoRegistry;
        this.demoCompliance = demoCompliance;
        this.deadlines = deadlines;
        this.context = context;
        this.printLogins = printLogins;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!loader.isLoaded()) {
            long start = System.nanoTime();
            var loaderIdentity = UsernamePasswordAuthenticationToken.authenticated("demo-loader", null, java.util.List.of());
            SecurityContextHolder.getContext().setAuthentication(loaderIdentity); // the audit trail names the loader
            try {
                loader.load();
                loader.publishPowerLists(2026);
                demoMonitoring.load(deadlines.today());
                demoReports.load(deadlines.today());
                demoVerification.load(deadlines.today());
                demoAllocation.load();
                demoRegistry.load();
                demoCompliance.load();
            } finally {
                SecurityContextHolder.clearContext();
            }
            log.info("Demo region loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        if (printLogins) {
            printBanner();
        }
    }

    private void printBanner() {
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null ? web.getWebServer().getPort() : 8080;
        StringBuilder sb = new StringBuilder("\n\n  OpenCETS is running at http://localhost:").append(port).append("/\n");
        sb.append("  Public directory:  http://localhost:").append(port).append("/public/lists\n");
        sb.append("  API docs:          http://localhost:").append(port).append("/api/v1/docs\n");
        sb.append("  Demo logins (password for all: ").append(DemoRegionLoader.DEMO_PASSWORD).append("):\n");
        for (Map<String, String> user : loader.users()) {
            sb.append(String.format("    %-22s %-10s %s%n", user.get("username"), user.get("roles"), user.get("organisation_name")));
        }
        System.out.println(sb);
        log.info("Printed {} demo logins", loader.users().size());
    }
}
