package io.tsunagu.accounts;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import io.tsunagu.audit.AuditLog;

/**
 * What follows a single sign-on that did not let the person in. A person refused by Tsunagu sees a page that
 * says why; a sign-in that failed on the way (a provider that cannot be reached, a client secret it does not
 * accept, a changed or replayed {@code state}) goes back to the login page, and the log names the setting to check.
 */
@Component
class SsoFailures implements AuthenticationFailureHandler {

	/** The address a refused person signed in with, for the page that tells them; read once. */
	static final String REFUSED_EMAIL = SsoFailures.class.getName() + ".email";

	private static final Logger log = LoggerFactory.getLogger(SsoFailures.class);

	// What the provider says when it does not accept the client's credentials at its token endpoint.
	private static final Set<String> CLIENT_REFUSED = Set.of("invalid_client", "unauthorized_client");

	private final AuditLog audit;

	SsoFailures(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(request.getContextPath() + target(request, exception));
	}

	private String target(HttpServletRequest request, AuthenticationException exception) {
		if (exception instanceof CompanyAccounts.Refused refused) {
			this.audit.record(refused.email(), "login.sso-refused", null, refused.reason());
			request.getSession().setAttribute(REFUSED_EMAIL, refused.email());
			return "/login/refused?" + refused.reason();
		}
		if (causedBy(exception, CompanyProvider.Unavailable.class)) {
			// Logged with the setting's name where the provider was asked.
			return "/login?sso=issuer";
		}
		String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
		// Spring Security reports a refusal at the token endpoint as a bad token response; the provider's own error is in it.
		if (CLIENT_REFUSED.contains(code) || "invalid_token_response".equals(code)
				&& CLIENT_REFUSED.stream().anyMatch(String.valueOf(exception.getMessage())::contains)) {
			log.error("Single sign-on: the OpenID provider did not accept Tsunagu's client ({}); check {} and {}",
					exception.getMessage(), SsoSettings.CLIENT_ID, SsoSettings.CLIENT_SECRET);
			return "/login?sso=client";
		}
		if (CompanyAccounts.MISSING_CLAIM.equals(code)) {
			log.error("Single sign-on: {}; check {} (Microsoft Entra ID often needs preferred_username or upn)",
					exception.getMessage(), SsoSettings.EMAIL_CLAIM);
			return "/login?sso=claim";
		}
		log.warn("Single sign-on failed ({}): {}", code, exception.getMessage());
		return "/login?sso=failed";
	}

	private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
