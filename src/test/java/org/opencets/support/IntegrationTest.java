package org.opencets.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a real embedded PostgreSQL with the demo region loaded.
 * All such tests share one application context (and one database), so tests must not depend on
 * each other's data: create what you change, with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opencets.demo.print-logins=false"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {
}
