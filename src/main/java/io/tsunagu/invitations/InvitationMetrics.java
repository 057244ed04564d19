package io.tsunagu.invitations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers and invitations sent, for the metrics: counted once the transaction that made them commits,
 * so that an answer retried after a lost race, or a wave that failed, is not counted.
 */
@Component
class InvitationMetrics {

	private final MeterRegistry meters;

	InvitationMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void answered(Answer answer) {
		afterCommit(this.meters.counter("tsunagu.answers", "answer", answer.name().toLowerCase(java.util.Locale.ROOT)), 1);
	}

	void sent(InvitationWave.Kind kind, int invited) {
		String wave = kind.name().toLowerCase(java.util.Locale.ROOT);
		afterCommit(this.meters.counter("tsunagu.waves.sent", "kind", wave), 1);
		afterCommit(this.meters.counter("tsunagu.invitations.sent", "kind", wave), invited);
	}

	private static void afterCommit(Counter counter, int amount) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(amount);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment(amount);
			}
		});
	}

}
