package io.tsunagu.attendance;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Check-ins, walk-ins and undone check-ins for the metrics, counted once their transaction commits. */
@Component
class CheckInMetrics {

	private final MeterRegistry meters;

	CheckInMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@TransactionalEventListener
	void on(CheckInsChanged changed) {
		this.meters.counter("tsunagu.check-ins", "change", changed.change().name().toLowerCase(java.util.Locale.ROOT))
			.increment();
	}

}
