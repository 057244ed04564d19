package io.tsunagu.invitations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts answer links that lead nowhere, per client address, in a fixed window. Past the limit the
 * client gets 429 instead of the page for a dead link for further misses until the window ends; a valid link
 * is never refused, since many people share one address behind a company proxy and one person's typos
 * must not lock out the office. Kept in the database so that every instance counts the same misses.
 * Guessing a 256-bit token is hopeless anyway; this keeps scanners and typos from hammering the
 * database with writes.
 */
@Component
class RsvpMisses {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxMisses;

	private final Duration window;

	RsvpMisses(JdbcClient jdbc, Clock clock, @Value("${tsunagu.rsvp.max-misses:20}") int maxMisses,
			@Value("${tsunagu.rsvp.miss-window:10m}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxMisses = maxMisses;
		this.window = window;
	}

	@Transactional(readOnly = true)
	boolean isBlocked(String client) {
		Instant windowOpen = this.clock.instant().minus(this.window);
		return this.jdbc.sql("SELECT misses >= ? AND window_start > ? FROM rsvp_misses WHERE client_key = ?")
			.params(this.maxMisses, Timestamp.from(windowOpen), key(client))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(String client) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO rsvp_misses (client_key, window_start, misses) VALUES (:client, :now, 1)
				ON CONFLICT (client_key) DO UPDATE SET
				    misses = CASE WHEN rsvp_misses.window_start <= :windowOpen THEN 1 ELSE rsvp_misses.misses + 1 END,
				    window_start = CASE WHEN rsvp_misses.window_start <= :windowOpen THEN :now
				                        ELSE rsvp_misses.window_start END""")
			.param("client", key(client))
			.param("now", Timestamp.from(now))
			.param("windowOpen", Timestamp.from(now.minus(this.window)))
			.update();
	}

	/**
	 * Deletes the counts whose window is over: the next miss of that client starts a new window anyway.
	 * A plain delete by age, harmless when two instances run it.
	 */
	@Scheduled(cron = "${tsunagu.retention.purge-cron:0 23 4 * * *}", zone = "${tsunagu.zone}")
	int purge() {
		return this.jdbc.sql("DELETE FROM rsvp_misses WHERE window_start <= ?")
			.param(Timestamp.from(this.clock.instant().minus(this.window)))
			.update();
	}

	private static String key(String client) {
		String value = client == null ? "unknown" : client;
		return value.length() > 64 ? value.substring(0, 64) : value;
	}

}
