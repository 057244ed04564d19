package io.tsunagu.network;

import java.util.List;

/**
 * A person suggested to an organiser, to invite or to ask to help, with the reasons shown next to them,
 * the strongest first; the score orders the suggestions and is not shown.
 */
record Suggestion(long employeeId, String name, String department, List<Reason> reasons, int score) {

	Suggestion {
		reasons = List.copyOf(reasons);
	}

	/** One reason, as a message key and its arguments. */
	record Reason(String key, Object... args) {
	}

}
