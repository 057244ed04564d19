package io.tsunagu.network;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's tie to another: when they first and last met, through which events (the latest first),
 * and whether they prepared one of them together (a strong tie) or only came to the same events.
 */
record Tie(long employeeId, LocalDate firstMet, LocalDate lastMet, boolean preparedTogether, List<Long> planIds) {

	Tie {
		planIds = List.copyOf(planIds);
	}

	/** How many events they were at together. */
	int events() {
		return this.planIds.size();
	}

	/** The event they last met at. */
	long lastPlanId() {
		return this.planIds.get(0);
	}

}
