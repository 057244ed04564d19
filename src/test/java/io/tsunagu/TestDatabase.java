package io.tsunagu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One PostgreSQL for the whole test run, shared by every application context: the embedded server
 * by default, a Testcontainers one with {@code TSUNAGU_TEST_DB=testcontainers}, or the server at
 * {@code TSUNAGU_TEST_DB_URL}.
 */
public final class TestDatabase implements ContextCustomizerFactory {

	private static Map<String, Object> properties;

	static synchronized Map<String, Object> properties() {
		if (properties == null) {
			properties = start();
		}
		return properties;
	}

	/**
	 * The same database, another schema: for tests whose background work must not meet the others'.
	 * A schema, not a database, so that a given server needs no right beyond its own database.
	 */
	static synchronized Map<String, Object> properties(String isolation) {
		Map<String, Object> shared = properties();
		if (isolation.isEmpty()) {
			return shared;
		}
		String schema = "tsunagu_" + isolation;
		String url = (String) shared.get("spring.datasource.url");
		Map<String, Object> own = new java.util.HashMap<>(shared);
		own.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		own.put("spring.flyway.schemas", schema);
		own.put("spring.flyway.default-schema", schema);
		return own;
	}

	private static Map<String, Object> start() {
		String url = System.getenv("TSUNAGU_TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return Map.of("spring.datasource.url", url, "spring.datasource.username", env("TSUNAGU_TEST_DB_USERNAME", "postgres"),
					"spring.datasource.password", env("TSUNAGU_TEST_DB_PASSWORD", ""));
		}
		if ("testcontainers".equalsIgnoreCase(System.getenv("TSUNAGU_TEST_DB"))) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:18");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return Map.of("spring.datasource.url", container.getJdbcUrl(), "spring.datasource.username",
					container.getUsername(), "spring.datasource.password", container.getPassword());
		}
		try {
			Path directory = Files.createTempDirectory("tsunagu-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is going away; the temporary directory goes with the next clean-up.
				}
			}));
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("CREATE DATABASE tsunagu");
			}
			return Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "tsunagu") + "&reWriteBatchedInserts=true",
					"spring.datasource.username", "postgres", "spring.datasource.password", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
		IsolatedDatabase isolated = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(testClass,
				IsolatedDatabase.class);
		return new Customizer(isolated == null ? "" : isolated.value());
	}

	private record Customizer(String database) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> test = new java.util.HashMap<>(properties(this.database));
			// The browser and web tests walk the demo company, whichever database runs.
			test.put("tsunagu.demo.enabled", true);
			// Its events only where a test asks for them: the other tests count the events they make.
			test.put("tsunagu.demo.events.enabled", false);
			// The recording of ties only where a test runs it: in the background it would record the events
			// every other test moves into the past, in the middle of their runs.
			test.put("tsunagu.network.record-delay", "PT10H");
			// Nor the department map's pass, which would count a range again between a test's steps.
			test.put("tsunagu.network.map-delay", "PT10H");
			// A test's own properties (@TestPropertySource, @SpringBootTest) win over these defaults.
			org.springframework.core.env.PropertySource<?> own = context.getEnvironment()
				.getPropertySources()
				.get(org.springframework.test.context.support.TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
			if (own != null) {
				test.keySet().removeIf(own::containsProperty);
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tsunagu-test-database", test));
		}

	}

}
