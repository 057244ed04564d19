package io.tsunagu.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds approvers of steps that have waited too long, at most once a day per step. Several
 * instances may run this at once: the reminder's dedupe key (step and day) lets only one queue.
 */
@Component
@EnableConfigurationProperties(ApprovalSettings.class)
class ApprovalReminders {

	private static final Logger log = LoggerFactory.getLogger(ApprovalReminders.class);

	private final ApprovalSteps steps;

	private final ApprovalMails mails;

	private final ApprovalSettings settings;

	private final Clock clock;

	private final ZoneId zone;

	ApprovalReminders(ApprovalSteps steps, ApprovalMails mails, ApprovalSettings settings, Clock clock,
			@Value("${tsunagu.zone}") ZoneId zone) {
		this.steps = steps;
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	/** Queues today's reminders; returns how many were queued. */
	@Scheduled(initialDelayString = "${tsunagu.approval.reminder-check-delay:PT5M}",
			fixedDelayString = "${tsunagu.approval.reminder-check-interval:PT1H}")
	@Transactional
	public int remindDue() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		int queued = 0;
		for (ApprovalStep step : this.steps.findOpenSince(now.minus(this.settings.reminderAfter()))) {
			long days = Duration.between(step.getOpenedAt(), now).toDays();
			if (this.mails.remind(step, today, days)) {
				queued++;
			}
		}
		if (queued > 0) {
			log.info("Reminded approvers of {} waiting steps", queued);
		}
		return queued;
	}

}
