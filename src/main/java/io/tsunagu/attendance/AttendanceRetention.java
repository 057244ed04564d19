package io.tsunagu.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the check-in codes and the phones' tap keys of events long over: a code opens the check-in of
 * one event and a tap key only guards against a tap sent twice while the check-in is open, so once the
 * event is {@code tokens-after-event} behind us neither has a use. Who came stays. Plain deletes by age,
 * harmless when two instances run them.
 */
@Component
class AttendanceRetention {

	private static final Logger log = LoggerFactory.getLogger(AttendanceRetention.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration afterEvent;

	AttendanceRetention(JdbcClient jdbc, Clock clock,
			@Value("${tsunagu.retention.tokens-after-event:30d}") Duration afterEvent) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.afterEvent = afterEvent;
	}

	@Scheduled(cron = "${tsunagu.retention.purge-cron:0 23 4 * * *}", zone = "${tsunagu.zone}")
	int purge() {
		Timestamp endedBefore = Timestamp.from(this.clock.instant().minus(this.afterEvent));
		int codes = this.jdbc.sql("""
				DELETE FROM check_in_codes c USING event_plans p
				WHERE p.id = c.plan_id AND p.ends_at < ?""").param(endedBefore).update();
		int taps = this.jdbc.sql("""
				DELETE FROM check_in_taps t USING event_plans p
				WHERE p.id = t.plan_id AND p.ends_at < ?""").param(endedBefore).update();
		if (codes + taps > 0) {
			log.info("Purged {} check-in codes and {} check-in taps of events over for {}", codes, taps, this.afterEvent);
		}
		return codes + taps;
	}

}
