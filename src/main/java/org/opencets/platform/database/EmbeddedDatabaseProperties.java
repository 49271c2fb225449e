package org.opencets.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDirectory where the embedded PostgreSQL keeps its data; unset means a temporary directory
 * @param reset delete the data directory before starting (a fresh demo database)
 */
@ConfigurationProperties("opencets.embedded-db")
record EmbeddedDatabaseProperties(Path dataDirectory, boolean reset) {
}
