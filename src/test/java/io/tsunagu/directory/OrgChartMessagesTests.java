package io.tsunagu.directory;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrgChartMessagesTests {

	@ParameterizedTest
	@EnumSource(CsvError.class)
	void explainsEveryImportProblemInBothLanguages(CsvError error) throws Exception {
		assertThat(bundle("messages.properties").getProperty(error.messageKey())).isNotBlank();
		assertThat(bundle("messages_ja.properties").getProperty(error.messageKey())).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_ja.properties" })
	void hasTheSuccessMessageWithAllSixCounts(String file) throws Exception {
		assertThat(bundle(file).getProperty(OrgChartAdminController.DONE)).contains("{0}", "{1}", "{2}", "{3}", "{4}",
				"{5}");
	}

	private static Properties bundle(String name) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = OrgChartMessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
