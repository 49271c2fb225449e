package org.opencets;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the bounded contexts only use each other's APIs, without cycles, and writes the module docs. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OpenCetsApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
