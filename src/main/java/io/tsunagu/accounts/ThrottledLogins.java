package io.tsunagu.accounts;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password only after the attempt has been counted: once a login name has used up its
 * attempts, no password is checked for it until the lock ends, however many requests arrive at once.
 * The only authentication provider, so Spring Security's global one is not built beside it.
 */
@Component
class ThrottledLogins extends DaoAuthenticationProvider {

	private final LoginThrottle throttle;

	ThrottledLogins(AccountDetails accounts, PasswordEncoder passwords, LoginThrottle throttle) {
		super(accounts);
		setPasswordEncoder(passwords);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = authentication.getName();
		LoginThrottle.Attempt attempt = this.throttle.attempt(login);
		if (!attempt.allowed()) {
			throw new LockedException("Too many attempts");
		}
		try {
			Authentication authenticated = super.authenticate(authentication);
			this.throttle.recordSuccess(login);
			return authenticated;
		}
		catch (BadCredentialsException ex) {
			if (this.throttle.failed(login, attempt)) {
				throw new LockedException("Too many attempts", ex);
			}
			throw ex;
		}
	}

}
