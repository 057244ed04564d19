package io.tsunagu.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * CSRF tokens in the session when the browser has one, and in a cookie of their own before: a look at the
 * login page (or a monitor asking for it every few seconds) opens no session, which would be a row in the
 * database for eight hours. Signed in, the token stays bound to the session, where a cookie set by another
 * site of the company's domain cannot replace it.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "TSUNAGU-XSRF";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokens() {
		this.cookie.setCookieName(COOKIE);
		this.cookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			// Forgotten at login: the visitor's token gives way to one of the new session.
			this.session.saveToken(null, request, response);
			if (WebUtils.getCookie(request, COOKIE) != null) {
				this.cookie.saveToken(null, request, response);
			}
		}
		else if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return (request.getSession(false) != null) ? this.session.loadToken(request) : this.cookie.loadToken(request);
	}

}
