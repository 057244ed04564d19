package io.tsunagu.directory;

import java.util.Locale;

/**
 * An employee as the directory's lists show them, read in one query with their department instead of
 * as an entity.
 */
record ListedEmployee(long id, String code, String name, String nameKana, String email, Rank rank, String title,
		int joinYear, Locale locale, long departmentId, DepartmentRef department) {

	EmployeeRef toRef() {
		return new EmployeeRef(this.id, this.code, this.name, this.email, this.departmentId, this.department.code(),
				this.rank, this.joinYear, this.locale, this.title);
	}

}
