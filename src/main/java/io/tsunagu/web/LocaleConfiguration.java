package io.tsunagu.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Japanese first: a visitor sees Japanese until they switch; after login the person's own language
 * from the directory applies (set by the login), and the switch still wins for the session.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

	private final ZoneId zone;

	LocaleConfiguration(@Value("${tsunagu.zone}") ZoneId zone) {
		this.zone = zone;
	}

	/** The messages of every page and mail; replaces Spring Boot's, which shares a format among requests. */
	@Bean
	MessageSource messageSource() {
		return new UnsharedMessageFormats();
	}

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocale(Locale.JAPANESE);
		resolver.setDefaultTimeZone(TimeZone.getTimeZone(this.zone));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				Locale locale = super.parseLocaleValue(localeValue);
				return locale != null && SUPPORTED.contains(Locale.forLanguageTag(locale.getLanguage()))
						? Locale.forLanguageTag(locale.getLanguage()) : null;
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
