package io.tsunagu.mail;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox in the health checks (as "outbox"): whether mail goes out: stuck when the oldest queued message has waited longer than the setting
 * (no SMTP server answering, or no dispatcher running anywhere). Part of readiness, which then says
 * {@code OUTBOX_STUCK} while still answering 200: the pages work, and taking every instance out of the
 * load balancer would not send a single message more.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

	static final Status STUCK = new Status("OUTBOX_STUCK", "The oldest queued message has waited too long");

	private final MailQueue queue;

	private final Duration stuckAfter;

	OutboxHealthIndicator(MailQueue queue, @Value("${tsunagu.mail.stuck-after:PT15M}") Duration stuckAfter) {
		this.queue = queue;
		this.stuckAfter = stuckAfter;
	}

	@Override
	public Health health() {
		Duration age = this.queue.oldestQueuedAge().orElse(Duration.ZERO);
		return (age.compareTo(this.stuckAfter) > 0 ? Health.status(STUCK) : Health.up())
			.withDetail("oldestQueuedSeconds", age.toSeconds())
			.withDetail("stuckAfterSeconds", this.stuckAfter.toSeconds())
			.build();
	}

}
