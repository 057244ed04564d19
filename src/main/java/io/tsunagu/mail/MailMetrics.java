package io.tsunagu.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The outbox in Actuator's metrics: messages per status and the age of the oldest queued one, read
 * from the database when the metrics are read.
 */
@Component
class MailMetrics implements MeterBinder {

	private final MailQueue queue;

	MailMetrics(MailQueue queue) {
		this.queue = queue;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (MailQueue.Status status : MailQueue.Status.values()) {
			Gauge.builder("tsunagu.mail.outbox", this.queue, queue -> queue.count(status))
				.tag("status", status.name().toLowerCase())
				.description("Messages in the outbox by status")
				.register(registry);
		}
		Gauge.builder("tsunagu.mail.oldest.queued.age", this.queue,
				queue -> queue.oldestQueuedAge().map(age -> age.toMillis() / 1000.0).orElse(0.0))
			.baseUnit("seconds")
			.description("How long the oldest queued message has waited")
			.register(registry);
	}

}
