package io.tsunagu.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses a login name for a while after repeated failures. Counted in the database so that every
 * instance sees the same count, and per login name whether or not an account exists, so the answer
 * does not tell which names are real.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${tsunagu.login.max-failures}") int maxFailures,
			@Value("${tsunagu.login.lock-duration}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
	}

	boolean isLocked(String login) {
		return this.jdbc.sql("SELECT locked_until > ? FROM login_throttle WHERE login_key = ?")
			.param(Timestamp.from(this.clock.instant()))
			.param(key(login))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Counts a failure; failures older than the lock duration start a new count. Returns whether the name is now locked. */
	@Transactional
	boolean recordFailure(String login) {
		if (isLocked(login)) {
			return true;
		}
		Instant now = this.clock.instant();
		int failures = this.jdbc.sql("""
				INSERT INTO login_throttle (login_key, failures, first_failure_at) VALUES (:key, 1, :now)
				ON CONFLICT (login_key) DO UPDATE SET
				  failures = CASE WHEN login_throttle.first_failure_at < :windowStart THEN 1 ELSE login_throttle.failures + 1 END,
				  first_failure_at = CASE WHEN login_throttle.first_failure_at < :windowStart THEN :now ELSE login_throttle.first_failure_at END,
				  locked_until = NULL
				RETURNING failures""")
			.param("key", key(login))
			.param("now", Timestamp.from(now))
			.param("windowStart", Timestamp.from(now.minus(this.lockDuration)))
			.query(Integer.class)
			.single();
		if (failures >= this.maxFailures) {
			this.jdbc.sql("UPDATE login_throttle SET locked_until = ?, failures = 0 WHERE login_key = ?")
				.param(Timestamp.from(now.plus(this.lockDuration)))
				.param(key(login))
				.update();
			return true;
		}
		return false;
	}

	void recordSuccess(String login) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE login_key = ?").param(key(login)).update();
	}

	private static String key(String login) {
		String key = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
		return key.length() > 254 ? key.substring(0, 254) : key;
	}

}
