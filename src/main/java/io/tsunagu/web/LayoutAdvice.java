package io.tsunagu.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs: links that switch the language and keep the rest of the address.
 */
@ControllerAdvice
class LayoutAdvice {

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
