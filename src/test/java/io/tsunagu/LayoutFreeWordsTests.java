package io.tsunagu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text points somewhere on the screen ("the search on the right"): on a phone the columns stack and
 * the right is below. Texts say what to look for, by its name.
 */
class LayoutFreeWordsTests {

	private static final Pattern SIDES = Pattern.compile(
			"[右左](の|側|に|上|下|端|カラム|列)|サイドバー|(?i)\\b(on|to|at) the (right|left)\\b|\\b(right|left)[- ](hand|column|side)\\b|sidebar");

	@Test
	void noBundleOrTemplateTextPointsToASideOfTheScreen() throws IOException {
		List<String> found = new ArrayList<>();
		for (String name : List.of("messages.properties", "messages_ja.properties")) {
			Properties bundle = I18nTests.bundle(name);
			bundle.forEach((key, value) -> {
				if (SIDES.matcher(value.toString()).find()) {
					found.add(name + ": " + key + "=" + value);
				}
			});
		}
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".txt")).toList()) {
				if (SIDES.matcher(Files.readString(template)).find()) {
					found.add(template.toString());
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
