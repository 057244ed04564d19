package io.tsunagu.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The messages in {@code messages*.properties}, each formatted with a {@link MessageFormat} of its own.
 * Spring keeps one format per message and language and formats under its lock, so every request that
 * shows the same message with arguments (a page's dates, its counts) waited for the others: on the plan
 * page at 16 requests at once, the most contended lock of the application. A copy of the parsed format
 * costs less than the wait.
 */
class UnsharedMessageFormats extends ResourceBundleMessageSource {

	UnsharedMessageFormats() {
		setBasename("messages");
		setDefaultEncoding("UTF-8");
		setFallbackToSystemLocale(false);
	}

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		MessageFormat shared = super.resolveCode(code, locale);
		return shared == null ? null : (MessageFormat) shared.clone();
	}

}
