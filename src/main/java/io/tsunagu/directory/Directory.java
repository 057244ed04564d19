package io.tsunagu.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks employees up for other modules.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private final Employees employees;

	private final Departments departments;

	private final EmployeeFinder finder;

	private final EmployeeRefs refs;

	Directory(Employees employees, Departments departments, EmployeeFinder finder, EmployeeRefs refs) {
		this.employees = employees;
		this.departments = departments;
		this.finder = finder;
		this.refs = refs;
	}

	public Optional<EmployeeRef> findByEmail(String email) {
		return this.employees.findByEmailIgnoreCase(email).map(Employee::toRef);
	}

	public Optional<EmployeeRef> findById(long id) {
		return this.refs.byIds(List.of(id)).stream().findFirst();
	}

	/** Whether this employee is on the org chart, not removed from it. */
	public boolean isActive(long id) {
		return this.employees.existsByIdAndActiveTrue(id);
	}

	/** Those of these employees who are on the org chart, not removed from it; one query. */
	public java.util.Set<Long> activeAmong(Collection<Long> ids) {
		return ids.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(this.refs.activeAmong(ids));
	}

	/** The employees with these ids that exist, by id. */
	public Map<Long, EmployeeRef> findAllById(Collection<Long> ids) {
		Map<Long, EmployeeRef> found = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.refs.byIds(ids).forEach(ref -> found.put(ref.id(), ref));
		}
		return found;
	}

	/** How many of these employees each department has, by department code; one grouped query. */
	public Map<String, Long> countByDepartment(Collection<Long> ids) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.refs.countByDepartment(ids, counts::put);
		}
		return counts;
	}

	/** The person an employee reports to, where the org chart names one who is still active. */
	public Optional<EmployeeRef> reportsTo(long employeeId) {
		return this.employees.findWithDepartmentById(employeeId)
			.map(Employee::getReportsTo)
			.filter(Employee::isActive)
			.flatMap(boss -> this.employees.findWithDepartmentById(boss.getId()))
			.map(Employee::toRef);
	}

	/** The people above this employee in the reporting line, the nearest first; empty for the top. */
	public List<Long> reportingLine(long employeeId) {
		return this.refs.reportingLine(employeeId);
	}

	/** Those among these employees who report to the boss, directly or through others. */
	public java.util.Set<Long> below(long bossId, Collection<Long> ids) {
		return ids.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(this.refs.below(bossId, ids));
	}

	/** How many active employees the filter matches, leaving out the given ones. */
	public long count(EmployeeFilter filter, Collection<Long> excludedIds) {
		return this.employees.count(filter.specification(excludedIds));
	}

	/** Active employees the filter matches, leaving out the given ones, in reading order; at most {@code limit}. */
	public List<EmployeeRef> find(EmployeeFilter filter, Collection<Long> excludedIds, int limit) {
		return this.employees
			.findAll(filter.specification(excludedIds), PageRequest.of(0, limit, Sort.by("nameKana", "code")))
			.map(Employee::toRef)
			.getContent();
	}

	/** Active employees whose name, reading or email contains every word of the text, by reading; at most {@code limit}. */
	public List<EmployeeRef> search(String text, int limit) {
		return this.finder.first(text, limit).stream().map(ListedEmployee::toRef).toList();
	}

	/** These employees as lists of colleagues show them, by id; one query. */
	public Map<Long, Colleague> colleagues(Collection<Long> ids) {
		Map<Long, Colleague> found = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.refs.colleaguesByIds(ids).forEach(colleague -> found.put(colleague.id(), colleague));
		}
		return found;
	}

	/** As {@link #search}, with each colleague's reading and department. */
	public List<Colleague> searchColleagues(String text, int limit) {
		return this.finder.first(text, limit).stream().map(Colleague::of).toList();
	}

	/** Every department, by code. */
	public List<DepartmentRef> departments() {
		return this.departments.refs();
	}

	/** Every department, keyed by code. */
	public Map<String, DepartmentRef> departmentsByCode() {
		return departments().stream().collect(java.util.stream.Collectors.toMap(DepartmentRef::code, d -> d));
	}

	public Optional<DepartmentRef> department(String code) {
		return this.departments.ref(code);
	}

	/** Every department with its id, its head and its active headcount, by code. */
	public List<DepartmentFigures> departmentFigures() {
		return this.refs.departmentFigures();
	}

	/** The ids of the departments this employee heads (is the manager of), by code; usually none or one. */
	public List<Long> departmentsHeadedBy(long employeeId) {
		return this.refs.departmentsHeadedBy(employeeId);
	}

}
