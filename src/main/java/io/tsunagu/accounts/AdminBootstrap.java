package io.tsunagu.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;

/**
 * A new installation has no default passwords: its first administrator comes from
 * {@code TSUNAGU_ADMIN_EMAIL} and {@code TSUNAGU_ADMIN_PASSWORD}. Replicas started together on a new
 * database all try; a lock held until the transaction ends makes them take turns, so that one creates
 * the administrator and the others find it, instead of failing to start on the unique email.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	static final int MIN_PASSWORD_LENGTH = 12;

	/** The key of the transaction-level advisory lock under which the first administrator is created. */
	private static final long BOOTSTRAP_LOCK = 0x7473756e61677531L;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final String email;

	private final String password;

	AdminBootstrap(Accounts accounts, PasswordEncoder passwords, AuditLog audit, JdbcClient jdbc,
			@Value("${tsunagu.admin.email:}") String email, @Value("${tsunagu.admin.password:}") String password) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.jdbc = jdbc;
		this.email = email.trim();
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.email.isEmpty()) {
			if (!this.accounts.existsByAdminTrue()) {
				log.warn("There is no administrator yet: set TSUNAGU_ADMIN_EMAIL and TSUNAGU_ADMIN_PASSWORD and restart");
			}
			return;
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query((rs, row) -> 1).list();
		if (this.accounts.existsByEmailIgnoreCase(this.email)) {
			return;
		}
		if (this.password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException(
					"TSUNAGU_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		this.accounts.save(new Account(this.email, this.passwords.encode(this.password), true));
		this.audit.record("system", "account.created", this.email, "administrator from TSUNAGU_ADMIN_EMAIL");
		log.info("Created the administrator {}", this.email);
	}

}
