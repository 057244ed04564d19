package io.tsunagu.approval;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approvals waiting for a decision, for the metrics: the steps open now and how long the oldest has
 * waited, read from the database (the partial index on open steps) when the metrics are read, so that
 * every instance reports the same numbers.
 */
@Component
class ApprovalMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	ApprovalMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("tsunagu.approvals.waiting", this.jdbc,
				jdbc -> jdbc.sql("SELECT count(*) FROM approval_steps WHERE state = 'OPEN'").query(Long.class).single())
			.description("Approval steps waiting for their approver's decision")
			.register(registry);
		Gauge.builder("tsunagu.approvals.oldest.waiting.age", this.jdbc,
				jdbc -> jdbc.sql("""
						SELECT coalesce(extract(epoch FROM now() - min(opened_at)), 0) FROM approval_steps
						WHERE state = 'OPEN'""").query(Double.class).single())
			.baseUnit("seconds")
			.description("How long the oldest open approval step has waited")
			.register(registry);
	}

}
