package io.tsunagu.network;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tsunagu.accounts.TsunaguUser;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.Rank;

/**
 * Who may open the department map: executives, officers and administrators see it whole; the head of a
 * department (its manager) sees the row of the department they head; everyone else nothing.
 */
@Component
class MapAccess {

	private final Directory directory;

	MapAccess(Directory directory) {
		this.directory = directory;
	}

	/** What this person may see of the map, or empty when nothing. */
	Optional<Scope> of(TsunaguUser user) {
		if (user == null) {
			return Optional.empty();
		}
		if (user.isAdmin()) {
			return Optional.of(Scope.WHOLE);
		}
		if (user.getEmployeeId() == null) {
			return Optional.empty();
		}
		EmployeeRef me = this.directory.findAllById(List.of(user.getEmployeeId())).get(user.getEmployeeId());
		if (me == null) {
			return Optional.empty();
		}
		if (me.rank() == Rank.EXECUTIVE || me.rank() == Rank.OFFICER) {
			return Optional.of(Scope.WHOLE);
		}
		return headed(me.id());
	}

	private Optional<Scope> headed(long employeeId) {
		List<Long> headed = this.directory.departmentsHeadedBy(employeeId);
		return headed.isEmpty() ? Optional.empty() : Optional.of(new Scope(false, headed));
	}

	/**
	 * The whole map, or only the rows of these departments (those the viewer heads).
	 */
	record Scope(boolean whole, List<Long> departments) {

		static final Scope WHOLE = new Scope(true, List.of());

		Scope {
			departments = List.copyOf(departments);
		}

		boolean mayOpen(long departmentId) {
			return this.whole || this.departments.contains(departmentId);
		}

	}

}
