package io.tsunagu.directory;

import java.util.Locale;

/**
 * What other modules know of an employee.
 */
public record EmployeeRef(long id, String code, String name, String email, long departmentId, String departmentCode,
		Rank rank, int joinYear, Locale locale) {
}
