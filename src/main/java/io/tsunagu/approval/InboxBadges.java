package io.tsunagu.approval;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	// Enough for every approver of a large company; past it the counts start again.
	private static final int MAX_PEOPLE = 10_000;

	private final ApprovalSteps steps;

	private final Map<Long, Counted> counts = new ConcurrentHashMap<>();

	InboxBadges(ApprovalSteps steps) {
		this.steps = steps;
	}

	long of(long approverId) {
		long now = System.nanoTime();
		Counted counted = this.counts.get(approverId);
		if (counted != null && now - counted.at() < FRESH.toNanos()) {
			return counted.count();
		}
		long count = this.steps.countByApproverIdAndState(approverId, StepState.OPEN);
		if (this.counts.size() >= MAX_PEOPLE) {
			this.counts.clear();
		}
		this.counts.put(approverId, new Counted(count, now));
		return count;
	}

	/** Forgets every count when the caller's transaction commits (at once without one). */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.counts.clear();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				InboxBadges.this.counts.clear();
			}
		});
	}

	private record Counted(long count, long at) {
	}

}
