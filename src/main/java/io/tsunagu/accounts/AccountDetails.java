package io.tsunagu.accounts;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;

@Service
class AccountDetails implements UserDetailsService {

	private final Accounts accounts;

	private final Directory directory;

	AccountDetails(Accounts accounts, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		Account account = this.accounts.findByEmailIgnoreCase(email.trim())
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
		EmployeeRef employee = this.directory.findByEmail(account.getEmail()).orElse(null);
		String name = employee != null ? employee.name() : account.getEmail();
		Locale locale = employee != null ? employee.locale() : Locale.JAPANESE;
		// Someone the org chart no longer lists has left: their login is refused, whatever the password.
		boolean onTheOrgChart = employee == null || this.directory.isActive(employee.id());
		return new TsunaguUser(account.getEmail(), account.getPasswordHash(), name,
				employee != null ? employee.id() : null, locale, account.isAdmin(), account.isEnabled() && onTheOrgChart);
	}

}
