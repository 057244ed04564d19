package io.tsunagu.accounts;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.DemoCompanySeeded;

/**
 * Every person of the demo company can log in with the one demo password, so a newcomer can act as
 * organiser, approver or invitee.
 */
@Component
class DemoAccounts {

	static final String DEMO_PASSWORD = "tsunagu-demo";

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	DemoAccounts(Accounts accounts, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	// In the seeding transaction: the company and its logins appear together or not at all.
	@EventListener
	void on(DemoCompanySeeded seeded) {
		// One hash for all: BCrypt is slow on purpose, and these logins are for trying the product.
		String hash = this.passwords.encode(DEMO_PASSWORD);
		List<Account> logins = seeded.emails()
			.stream()
			.filter(email -> !this.accounts.existsByEmailIgnoreCase(email))
			.map(email -> new Account(email, hash, seeded.administratorEmails().contains(email)))
			.toList();
		this.accounts.saveAll(logins);
	}

}
