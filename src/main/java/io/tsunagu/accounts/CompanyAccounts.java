package io.tsunagu.accounts;

import java.util.Optional;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;

/**
 * Turns a sign-in at the company's OpenID provider into a Tsunagu user: the email claim must name an active
 * employee (case does not matter), and the roles are Tsunagu's own, as the login form gives them. Nothing is
 * created from the claims: a person the directory does not know, or no longer counts, is refused.
 */
@Component
class CompanyAccounts implements Converter<OAuth2LoginAuthenticationToken, OAuth2AuthenticationToken> {

	static final String MISSING_CLAIM = "tsunagu_missing_email_claim";

	private final Directory directory;

	private final Accounts accounts;

	private final String emailClaim;

	CompanyAccounts(Directory directory, Accounts accounts, SsoSettings settings) {
		this.directory = directory;
		this.accounts = accounts;
		this.emailClaim = settings.emailClaim();
	}

	@Override
	@Transactional(readOnly = true)
	public OAuth2AuthenticationToken convert(OAuth2LoginAuthenticationToken signedIn) {
		if (!(signedIn.getPrincipal() instanceof OidcUser person)) {
			throw new OAuth2AuthenticationException(new OAuth2Error("tsunagu_not_oidc",
					"The provider did not answer as an OpenID provider (is the scope openid asked for?)", null));
		}
		String email = email(person);
		if ("email".equals(this.emailClaim) && Boolean.FALSE.equals(person.getEmailVerified())) {
			throw new Refused(Refused.UNVERIFIED, email);
		}
		EmployeeRef employee = this.directory.findByEmail(email).orElseThrow(() -> new Refused(Refused.UNKNOWN, email));
		Optional<Account> account = this.accounts.findByEmailIgnoreCase(employee.email());
		if (!this.directory.isActive(employee.id()) || account.filter(a -> !a.isEnabled()).isPresent()) {
			throw new Refused(Refused.INACTIVE, email);
		}
		SsoUser user = new SsoUser(account.map(Account::getEmail).orElse(employee.email()), employee.name(), employee.id(),
				employee.locale(), account.map(Account::isAdmin).orElse(false), person.getSubject(),
				person.getIdToken().getTokenValue());
		return new OAuth2AuthenticationToken(user, user.getAuthorities(),
				signedIn.getClientRegistration().getRegistrationId());
	}

	private String email(OidcUser person) {
		Object claim = person.getAttributes().get(this.emailClaim);
		if (!(claim instanceof String email) || !email.contains("@") || email.isBlank()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(MISSING_CLAIM,
					"The ID token and user info hold no email address in the claim '" + this.emailClaim + "'", null));
		}
		return email.trim();
	}

	/** A person the provider vouched for whom Tsunagu does not let in; the page says why. */
	static final class Refused extends OAuth2AuthenticationException {

		private static final long serialVersionUID = 1L;

		static final String UNKNOWN = "unknown";

		static final String INACTIVE = "inactive";

		static final String UNVERIFIED = "unverified";

		private final String reason;

		private final String email;

		Refused(String reason, String email) {
			super(new OAuth2Error("tsunagu_" + reason, "Refused: " + reason, null));
			this.reason = reason;
			this.email = email;
		}

		String reason() {
			return this.reason;
		}

		String email() {
			return this.email;
		}

	}

}
