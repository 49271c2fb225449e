package org.opencets.registry;

import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.context.ApplicationContext;

/**
 * Opens a fresh emitter's ETS registry account for tests of other modules (the CCER registry binds to it), the way
 * allocation's first issuance would. Test code only.
 */
public final class EtsAccountsForTests {

    private EtsAccountsForTests() {
    }

    /** The number of the emitter's ETS registry account, opened if it has none. */
    public static String open(ApplicationContext context, Uscc emitter, String name, RegionCode region) {
        return context.getBean(Registry.class).emitterAccount(emitter, name, region).number();
    }
}
