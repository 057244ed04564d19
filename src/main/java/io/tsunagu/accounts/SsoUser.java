package io.tsunagu.accounts;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * A person who signed in through the company's OpenID provider: the same Tsunagu user as the login form
 * gives (same employee, same roles), and what single sign-on needs to end the provider's session too.
 * Only the ID token's value is kept of the provider's claims, so the session stays small and serializable.
 */
final class SsoUser extends TsunaguUser implements OAuth2User {

	private static final long serialVersionUID = 1L;

	private final String subject;

	private final String idToken;

	SsoUser(String email, String displayName, Long employeeId, Locale locale, boolean admin, String subject,
			String idToken) {
		super(email, null, displayName, employeeId, locale, admin, true);
		this.subject = subject;
		this.idToken = idToken;
	}

	/** The ID token the provider issued at sign-in, the hint of a logout at the provider. */
	String idToken() {
		return this.idToken;
	}

	/** The email address, as for a login with the form: sessions are found by it (Spring Session's principal name). */
	@Override
	public String getName() {
		return getEmail();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("sub", this.subject, "email", getEmail());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return super.getAuthorities();
	}

}
