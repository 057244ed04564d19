package io.tsunagu.planning;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.tsunagu.approval.PlanApproved;
import io.tsunagu.approval.PlanChangesRequested;
import io.tsunagu.approval.PlanRejected;

/**
 * Moves a plan along when its approval round ends. Handled before the decision's transaction commits,
 * so the decision and the plan's new state are stored together or not at all: nobody sees a plan
 * approved by its chain but still submitted.
 */
@Component
class PlanDecisions {

	private final EventPlans plans;

	private final Clock clock;

	PlanDecisions(EventPlans plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(PlanApproved approved) {
		plan(approved.planId()).approve(this.clock.instant());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(PlanChangesRequested requested) {
		plan(requested.planId()).requestChanges(this.clock.instant());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(PlanRejected rejected) {
		plan(rejected.planId()).reject(this.clock.instant());
	}

	private EventPlan plan(long id) {
		return this.plans.findById(id).orElseThrow(() -> new IllegalStateException("No plan " + id));
	}

}
