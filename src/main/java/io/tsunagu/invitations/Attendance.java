package io.tsunagu.invitations;

import java.util.Map;

/**
 * Who has said yes to an event so far: how many, and how many of them from each department (by code).
 * An announcement lands better when colleagues, some from one's own department, are already coming.
 */
record Attendance(long total, Map<String, Long> byDepartment) {

	Attendance {
		byDepartment = Map.copyOf(byDepartment);
	}

	/** How many of those attending are from this department. */
	long from(String departmentCode) {
		return this.byDepartment.getOrDefault(departmentCode, 0L);
	}

}
