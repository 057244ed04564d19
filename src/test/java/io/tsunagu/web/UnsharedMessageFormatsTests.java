package io.tsunagu.web;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's messages are formatted without a lock shared among requests: a message is written
 * while another request holds the format of the same message, in both languages.
 */
@TsunaguTest
class UnsharedMessageFormatsTests {

	@Autowired
	MessageSource messages;

	@Test
	void aMessageIsFormattedWhileAnotherRequestFormatsTheSameMessage() {
		assertThat(this.messages).isInstanceOf(UnsharedMessageFormats.class);
		UnsharedMessageFormats formats = (UnsharedMessageFormats) this.messages;
		for (Locale locale : LocaleConfiguration.SUPPORTED) {
			MessageFormat held = formats.resolveCode("plan.capacity.people", locale);
			synchronized (held) {
				CompletableFuture<String> other = CompletableFuture
					.supplyAsync(() -> this.messages.getMessage("plan.capacity.people", new Object[] { 30 }, locale));
				assertThat(other).succeedsWithin(Duration.ofSeconds(5))
					.isEqualTo(locale.equals(Locale.JAPANESE) ? "30人" : "30 people");
			}
		}
	}

}
