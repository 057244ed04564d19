package io.tsunagu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text comes from the message bundles: no literal text in templates, every key used
 * there exists in Japanese and English, and both bundles hold the same keys.
 */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "value",
			"content");

	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
			for (Element element : document.getAllElements()) {
				if (element.tagName().equals("script") || element.tagName().equals("style")
						|| element.hasAttr("th:text") || element.hasAttr("th:utext")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (hasWords(text.text())) {
						literals.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + text.text().trim());
					}
				}
				for (Attribute attribute : element.attributes()) {
					String name = attribute.getKey();
					boolean localised = element.hasAttr("th:" + name) || element.attr("th:attr").contains(name + "=");
					if (TEXT_ATTRIBUTES.contains(name) && !localised && hasWords(attribute.getValue())
							&& !(element.tagName().equals("meta"))) {
						literals.add(TEMPLATES.relativize(template) + ": " + name + "=\"" + attribute.getValue() + "\"");
					}
				}
			}
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesExistsInBothLanguages() throws IOException {
		Properties english = bundle("messages.properties");
		Properties japanese = bundle("messages_ja.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				String key = matcher.group(1);
				if (!english.containsKey(key)) {
					missing.add("en: " + key);
				}
				if (!japanese.containsKey(key)) {
					missing.add("ja: " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void bothBundlesHoldTheSameKeysWithText() throws IOException {
		Properties english = bundle("messages.properties");
		Properties japanese = bundle("messages_ja.properties");
		assertThat(japanese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		assertThat(english.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
		assertThat(japanese.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
	}

	private static boolean hasWords(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
