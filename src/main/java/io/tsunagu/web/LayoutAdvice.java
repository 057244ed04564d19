package io.tsunagu.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import io.tsunagu.accounts.TsunaguUser;
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

	/**
	 * Who is looking, as the layout's navigation needs it: read once from the security context, where
	 * the security dialect's {@code sec:authorize} evaluated an access expression for each of six
	 * elements on every page.
	 */
	@ModelAttribute("viewer")
	Viewer viewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof TsunaguUser user)) {
			return Viewer.ANONYMOUS;
		}
		boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		return new Viewer(true, admin, user.getDisplayName());
	}

	/** Whether someone is signed in, whether they administer, and their name. */
	record Viewer(boolean signedIn, boolean admin, String name) {

		static final Viewer ANONYMOUS = new Viewer(false, false, null);

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
