package io.tsunagu.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: the account and, where the directory knows them, the employee behind it.
 * Kept in the session, which lives in the database. One who signed in through the company's OpenID
 * provider is an {@code SsoUser}, with the same authorities.
 */
public class TsunaguUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final String email;

	private String passwordHash;

	private final String displayName;

	private final Long employeeId;

	private final String language;

	private final boolean admin;

	private final boolean enabled;

	TsunaguUser(String email, String passwordHash, String displayName, Long employeeId, Locale locale, boolean admin,
			boolean enabled) {
		this.email = email;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.employeeId = employeeId;
		this.language = locale.getLanguage();
		this.admin = admin;
		this.enabled = enabled;
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	/** The employee behind the account, or {@code null} for an administrator not yet in the directory. */
	public Long getEmployeeId() {
		return this.employeeId;
	}

	public Locale getLocale() {
		return Locale.forLanguageTag(this.language);
	}

	public boolean isAdmin() {
		return this.admin;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_EMPLOYEE"));
		if (this.admin) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return authorities;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
