package io.tsunagu;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The demo company belongs to the embedded default only: with a real database URL nothing is seeded
 * unless {@code tsunagu.demo.enabled} says so.
 */
class DemoDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("tsunagu-demo-defaults", Map.of("tsunagu.demo.enabled", embedded)));
	}

}
