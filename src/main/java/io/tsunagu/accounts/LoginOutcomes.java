package io.tsunagu.accounts;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.tsunagu.audit.AuditLog;

/**
 * What follows a login attempt: failures are audited (the throttle counted them already); a success
 * switches the pages to the person's own language.
 */
@Component
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	private final AuditLog audit;

	LoginOutcomes(AuditLog audit) {
		this.audit = audit;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		TsunaguUser user = (TsunaguUser) authentication.getPrincipal();
		request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, user.getLocale());
		this.audit.record(user.getEmail(), "login", null, null);
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("email");
		// Counted by ThrottledLogins before the password was checked.
		boolean locked = exception instanceof LockedException;
		this.audit.record(email, locked ? "login.locked" : "login.failed", null, null);
		response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
	}

}
