package io.tsunagu.directory;

import java.util.List;

/**
 * Employees an org chart import left out were deactivated, in the import's transaction: their addresses,
 * so that their logins and sessions end with it.
 */
public record EmployeesDeactivated(List<Long> ids, List<String> emails) {

	public EmployeesDeactivated {
		ids = List.copyOf(ids);
		emails = List.copyOf(emails);
	}

}
