package io.tsunagu.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;

/**
 * Lets an employee set a password through a one-time link sent to their company address: the first
 * login of someone the org chart import brought in, or a forgotten password. The answer to a request
 * is the same whether or not the address is known, so it tells nobody who works here.
 */
@Service
class PasswordLinks {

	static final Duration VALID_FOR = Duration.ofHours(1);

	static final int MAX_LINKS_PER_HOUR = 3;

	static final Duration RATE_WINDOW = Duration.ofHours(1);

	static final int MIN_PASSWORD_LENGTH = AdminBootstrap.MIN_PASSWORD_LENGTH;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Accounts accounts;

	private final Outbox outbox;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final Sessions sessions;

	PasswordLinks(JdbcClient jdbc, Directory directory, Accounts accounts, Outbox outbox, PasswordEncoder passwords,
			AuditLog audit, Clock clock, Sessions sessions) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.directory = directory;
		this.accounts = accounts;
		this.outbox = outbox;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/** Sends a link to an active employee or an existing account; anyone else gets no mail and the same answer. */
	@Transactional
	void request(String email) {
		String address = email == null ? "" : email.trim();
		Optional<EmployeeRef> employee = this.directory.findByEmail(address);
		Optional<Account> account = this.accounts.findByEmailIgnoreCase(address);
		if (employee.isEmpty() && account.isEmpty()) {
			return;
		}
		if (employee.isPresent() && !this.directory.isActive(employee.get().id())) {
			// Left the org chart: no link, and the same answer as for an unknown address.
			return;
		}
		Instant now = this.clock.instant();
		long recent = this.jdbc.sql("SELECT count(*) FROM password_links WHERE lower(email) = lower(?) AND created_at > ?")
			.params(address, Timestamp.from(now.minus(RATE_WINDOW)))
			.query(Long.class)
			.single();
		if (recent >= MAX_LINKS_PER_HOUR) {
			return;
		}
		String recipient = employee.map(EmployeeRef::email).orElseGet(() -> account.get().getEmail());
		String token = newToken();
		this.jdbc.sql("INSERT INTO password_links (email, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(recipient, hash(token), Timestamp.from(now), Timestamp.from(now.plus(VALID_FOR)))
			.update();
		this.outbox.queue(MailRequest.of(recipient, employee.map(EmployeeRef::name).orElse(null),
				employee.map(EmployeeRef::locale).orElse(Locale.JAPANESE), "password-link",
				Map.of("path", "/password/" + token, "minutes", VALID_FOR.toMinutes()), new Object[0], null));
		this.audit.record(recipient, "account.password-link", recipient, null);
	}

	/** The address a link is for, while it is unused and not expired; looking does not use it up. */
	@Transactional(readOnly = true)
	Optional<String> check(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT email FROM password_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(hash(token), Timestamp.from(this.clock.instant()))
			.query(String.class)
			.optional();
	}

	/**
	 * Sets the password and uses the link up; creates the login of an employee who had none. Every other
	 * session of the account ends: whoever knew the old password is logged out.
	 * @param currentSession the session of the request, which is kept, or {@code null}
	 * @return whether the link was still good
	 */
	@Transactional
	boolean setPassword(String token, String password, String currentSession) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		Optional<String> email = check(token);
		if (email.isEmpty()) {
			return false;
		}
		int used = this.jdbc.sql("UPDATE password_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), hash(token))
			.update();
		if (used == 0) {
			return false;
		}
		String hash = this.passwords.encode(password);
		Account account = this.accounts.findByEmailIgnoreCase(email.get())
			.orElseGet(() -> new Account(email.get(), hash, false));
		account.changePassword(hash);
		this.accounts.save(account);
		this.sessions.endOf(account.getEmail(), currentSession);
		this.audit.record(email.get(), "account.password-set", email.get(), null);
		return true;
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
