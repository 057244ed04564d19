package io.tsunagu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with no {@code spring.datasource.url}, Tsunagu runs its own PostgreSQL
 * from the binaries in a Maven artifact, keeping its data in a directory that survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabase.Settings.class)
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String DATABASE = "tsunagu";

	@ConfigurationProperties("tsunagu.embedded-database")
	record Settings(Path dataDirectory, int port) {
	}

	// Spring closes the pool (which depends on this bean) first, then stops the server.
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Settings settings) throws IOException {
		Path directory = settings.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(directory.getParent());
		stopStalePostmaster(directory);
		log.info("Starting the embedded PostgreSQL; its data lives in {}", directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			// Zonky tunes for throw-away test databases; this one keeps real data.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "UTC");
		if (settings.port() > 0) {
			builder.setPort(settings.port());
		}
		EmbeddedPostgres postgres = builder.start();
		createDatabaseIfMissing(postgres);
		log.info("Embedded PostgreSQL is listening on port {}", postgres.getPort());
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE) + "&reWriteBatchedInserts=true");
		dataSource.setUsername("postgres");
		dataSource.setPoolName("tsunagu");
		return dataSource;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
		DataSource admin = postgres.getPostgresDatabase();
		try (Connection connection = admin.getConnection();
				var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				connection.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not create the database " + DATABASE, ex);
		}
	}

	/**
	 * After a {@code kill -9} of the JVM the postmaster outlives it and holds the data directory;
	 * stop it (a smart shutdown: its clients are gone) so this start can take the directory over.
	 */
	static void stopStalePostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return;
		}
		Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it", process.pid(), directory);
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IOException("The stale PostgreSQL server (pid " + process.pid() + ") did not stop", ex);
		}
	}

	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
