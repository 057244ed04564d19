package io.tsunagu.accounts;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.DemoCompanySeeded;
import io.tsunagu.directory.DemoMode;

/**
 * Every person of the demo company can log in with the one demo password, so a newcomer can act as
 * organiser, approver or invitee. Leaving the demo removes these logins with the company; the
 * administrator who leaves it keeps theirs, with a password of their own.
 */
@Component
class DemoAccounts {

	static final String DEMO_PASSWORD = "tsunagu-demo";

	static final int MIN_PASSWORD_LENGTH = AdminBootstrap.MIN_PASSWORD_LENGTH;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final DemoMode demo;

	private final JdbcClient jdbc;

	private final Sessions sessions;

	private final AuditLog audit;

	DemoAccounts(Accounts accounts, PasswordEncoder passwords, DemoMode demo, JdbcClient jdbc, Sessions sessions,
			AuditLog audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.demo = demo;
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.audit = audit;
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

	/**
	 * Leaves the demo in one transaction: the demo company and everything of it, every other login and
	 * session, links and mail; the administrator's own login stays, as the only one, with the new
	 * password. The org chart import is the next step.
	 * @param keepSession the administrator's own session, which goes on
	 * @throws IllegalStateException when this is not the demo company
	 */
	@Transactional
	void leave(String administrator, String password, String keepSession) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		Account admin = this.accounts.findByEmailIgnoreCase(administrator)
			.filter(Account::isAdmin)
			.orElseThrow(() -> new AccessDeniedException("Only an administrator leaves the demo"));
		this.demo.leave(admin.getEmail());
		this.jdbc.sql("DELETE FROM accounts WHERE id <> ?").param(admin.getId()).update();
		this.jdbc.sql("DELETE FROM password_links").update();
		this.jdbc.sql("DELETE FROM login_throttle").update();
		admin.changePassword(this.passwords.encode(password));
		this.accounts.save(admin);
		this.sessions.endAllBut(keepSession);
		this.audit.record(admin.getEmail(), "demo.left", null, "demo company, its logins, sessions and mail removed");
	}

}
