package io.tsunagu.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sent messages are kept for the retention period, then deleted; failed ones stay until an
 * administrator resends or dismisses them. The bodies of messages an SMTP server accepted go much
 * sooner, after {@code sent-body-retention}: they carry answer links, and a copy of the database must
 * open no invitation. A delete is harmless when instances run it twice.
 */
@Component
class OutboxRetention {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

	private final MailQueue queue;

	private final MailSettings settings;

	private final Clock clock;

	OutboxRetention(MailQueue queue, MailSettings settings, Clock clock) {
		this.queue = queue;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(cron = "${tsunagu.mail.retention-cron:0 17 3 * * *}", zone = "${tsunagu.zone}")
	int purge() {
		int purged = this.queue.purgeSentBefore(this.clock.instant().minus(this.settings.retention()));
		if (purged > 0) {
			log.info("Purged {} sent messages older than {}", purged, this.settings.retention());
		}
		return purged;
	}

	@Scheduled(fixedDelayString = "${tsunagu.mail.sent-body-check:1m}", initialDelayString = "${tsunagu.mail.sent-body-check:1m}")
	int dropSentBodies() {
		int dropped = this.queue.dropSentBodiesBefore(this.clock.instant().minus(this.settings.sentBodyRetention()));
		if (dropped > 0) {
			log.info("Emptied the bodies of {} messages sent by SMTP more than {} ago", dropped,
					this.settings.sentBodyRetention());
		}
		return dropped;
	}

}
