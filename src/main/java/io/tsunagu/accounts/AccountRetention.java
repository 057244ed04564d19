package io.tsunagu.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what the login no longer needs: counts of failed logins whose window and lock are over, and
 * password links used or expired once they no longer count towards the hourly limit. Expired sessions
 * are not deleted here: Spring Session JDBC deletes them every minute itself
 * ({@code spring.session.jdbc.cleanup-cron}). Plain deletes by age, harmless when two instances run them.
 */
@Component
class AccountRetention {

	private static final Logger log = LoggerFactory.getLogger(AccountRetention.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lockDuration;

	AccountRetention(JdbcClient jdbc, Clock clock, @Value("${tsunagu.login.lock-duration}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lockDuration = lockDuration;
	}

	@Scheduled(cron = "${tsunagu.retention.purge-cron:0 23 4 * * *}", zone = "${tsunagu.zone}")
	int purge() {
		Instant now = this.clock.instant();
		// A row whose window is over and that holds no lock counts for nothing: the next attempt starts anew.
		int throttles = this.jdbc.sql("""
				DELETE FROM login_throttle
				WHERE first_failure_at < ? AND (locked_until IS NULL OR locked_until <= ?)""")
			.params(Timestamp.from(now.minus(this.lockDuration)), Timestamp.from(now))
			.update();
		int links = this.jdbc.sql("""
				DELETE FROM password_links
				WHERE created_at < ? AND (used_at IS NOT NULL OR expires_at <= ?)""")
			.params(Timestamp.from(now.minus(PasswordLinks.RATE_WINDOW)), Timestamp.from(now))
			.update();
		if (throttles + links > 0) {
			log.info("Purged {} login throttle rows and {} used or expired password links", throttles, links);
		}
		return throttles + links;
	}

}
