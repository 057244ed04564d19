package io.tsunagu.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import io.tsunagu.directory.DemoMode;

/**
 * What every page's layout needs: the zone for times, whether this is the demo company, and links
 * that switch the language and keep the rest of the address.
 */
@ControllerAdvice
class LayoutAdvice {

	private final ZoneId zone;

	private final DemoMode demo;

	LayoutAdvice(@Value("${tsunagu.zone}") ZoneId zone, DemoMode demo) {
		this.zone = zone;
		this.demo = demo;
	}

	/** The zone times are shown in. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return this.zone;
	}

	/**
	 * Whether the database holds the demo company: every page says so, and everybody may open the
	 * built-in mailbox. Asked for every page ({@link DemoMode} keeps the answer for a few seconds), so
	 * that leaving the demo shows on every instance.
	 */
	@ModelAttribute("demo")
	boolean demo() {
		return this.demo.isOn();
	}

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
		String query = errorUri != null ? null : request.getQueryString();
		Map<String, String> links = new LinkedHashMap<>();
		for (Locale locale : LocaleConfiguration.SUPPORTED) {
			links.put(locale.getLanguage(), UriComponentsBuilder.fromPath(path)
				.query(query)
				.replaceQueryParam("lang", locale.getLanguage())
				.build()
				.toUriString());
		}
		return links;
	}

}
