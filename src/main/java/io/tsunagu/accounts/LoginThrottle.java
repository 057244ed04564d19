package io.tsunagu.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a login name for a while after repeated failures. Counted in the database so that every
 * instance sees the same count, and per login name whether or not an account exists, so the answer
 * does not tell which names are real.
 * <p>
 * Every attempt is counted with one atomic upsert <em>before</em> its password is checked: parallel
 * attempts get distinct numbers, and only the first {@code max-failures} of a window are ever checked.
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

	/**
	 * Counts an attempt at a login name. A window starts with the first attempt and lasts the lock
	 * duration; a lock lasts the lock duration from the failure that set it.
	 * @return whether the password of this attempt may be checked
	 */
	Attempt attempt(String login) {
		Instant now = this.clock.instant();
		// "stale": the last window is over and no lock holds, so this attempt opens a new window.
		return this.jdbc.sql("""
				INSERT INTO login_throttle (login_key, failures, first_failure_at) VALUES (:key, 1, :now)
				ON CONFLICT (login_key) DO UPDATE SET
				  failures = CASE WHEN %1$s THEN 1 ELSE least(login_throttle.failures + 1, :cap) END,
				  first_failure_at = CASE WHEN %1$s THEN :now ELSE login_throttle.first_failure_at END,
				  locked_until = CASE WHEN %1$s THEN NULL ELSE login_throttle.locked_until END
				RETURNING failures, coalesce(locked_until > :now, false) AS locked""".formatted(
				"(coalesce(login_throttle.locked_until <= :now, login_throttle.first_failure_at < :windowStart))"))
			.param("key", key(login))
			.param("now", Timestamp.from(now))
			.param("windowStart", Timestamp.from(now.minus(this.lockDuration)))
			.param("cap", this.maxFailures + 1)
			.query((rs, row) -> new Attempt(rs.getInt("failures"), !rs.getBoolean("locked") && rs.getInt("failures") <= this.maxFailures))
			.single();
	}

	/**
	 * A checked attempt had the wrong password: the last attempt a window allows locks the name.
	 * @return whether the name is now locked
	 */
	boolean failed(String login, Attempt attempt) {
		if (attempt.number() < this.maxFailures) {
			return false;
		}
		this.jdbc.sql("UPDATE login_throttle SET locked_until = ? WHERE login_key = ?")
			.param(Timestamp.from(this.clock.instant().plus(this.lockDuration)))
			.param(key(login))
			.update();
		return true;
	}

	void recordSuccess(String login) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE login_key = ?").param(key(login)).update();
	}

	private static String key(String login) {
		String key = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
		return key.length() > 254 ? key.substring(0, 254) : key;
	}

	/** One counted attempt: its number in the window, and whether its password may be checked. */
	record Attempt(int number, boolean allowed) {
	}

}
