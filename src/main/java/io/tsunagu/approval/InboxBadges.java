package io.tsunagu.approval;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The number on the navigation's approvals badge, which every page shows: counted at most every few
 * seconds per person instead of on every page. A decision, a submission or a withdrawal on this
 * instance forgets every count once it is committed, so the person who acted sees the new number at
 * once; what another instance changed shows within {@link #FRESH}.
 */
@Component
class InboxBadges {

	static final Duration FRESH = Duration.ofSeconds(10);

	// Enough for every approver of a large company; past it the least used are counted again.
	private static final int MAX_PEOPLE = 10_000;

	private final ApprovalSteps steps;

	private final Cache<Long, Long> counts = Caffeine.newBuilder()
		.expireAfterWrite(FRESH)
		.maximumSize(MAX_PEOPLE)
		.build();

	InboxBadges(ApprovalSteps steps) {
		this.steps = steps;
	}

	long of(long approverId) {
		return this.counts.get(approverId, id -> this.steps.countByApproverIdAndState(id, StepState.OPEN));
	}

	/** Forgets every count when the caller's transaction commits (at once without one). */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.counts.invalidateAll();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				InboxBadges.this.counts.invalidateAll();
			}
		});
	}

}
