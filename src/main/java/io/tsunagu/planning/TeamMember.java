package io.tsunagu.planning;

import java.util.List;

/** Someone who prepared an event: an organiser, or a helper, with the titles of the tasks handed to them. */
public record TeamMember(long employeeId, boolean organiser, List<String> tasks) {

	public TeamMember {
		tasks = List.copyOf(tasks);
	}

}
