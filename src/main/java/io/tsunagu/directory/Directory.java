package io.tsunagu.directory;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks employees up for other modules.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private final Employees employees;

	Directory(Employees employees) {
		this.employees = employees;
	}

	public Optional<EmployeeRef> findByEmail(String email) {
		return this.employees.findByEmailIgnoreCase(email).map(Employee::toRef);
	}

	public Optional<EmployeeRef> findById(long id) {
		return this.employees.findWithDepartmentById(id).map(Employee::toRef);
	}

}
