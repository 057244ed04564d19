package io.tsunagu.directory;

import java.util.Locale;

/**
 * What other modules know of an employee; {@code title} is the job title as the org chart gives it (主任), or null.
 */
public record EmployeeRef(long id, String code, String name, String email, long departmentId, String departmentCode,
		Rank rank, int joinYear, Locale locale, String title) {
}
