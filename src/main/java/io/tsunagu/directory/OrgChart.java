package io.tsunagu.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.OrgChartGap.Role;

/**
 * Answers who signs off for a department: its manager, the officer in charge and the executive.
 */
@Service
@Transactional(readOnly = true)
public class OrgChart {

	private final Departments departments;

	private final Employees employees;

	OrgChart(Departments departments, Employees employees) {
		this.departments = departments;
		this.employees = employees;
	}

	/**
	 * The approvers of a department. A section without its own head or officer is run by the nearest
	 * parent department that has one. The executive is the officer's reports-to where that person is
	 * an executive, otherwise the company's executive.
	 * @throws OrgChartGap when the chart lacks one of the three roles
	 */
	public Approvers approversFor(String departmentCode) {
		Department department = this.departments.findByCode(departmentCode)
			.orElseThrow(() -> new IllegalArgumentException("No department " + departmentCode));
		Employee manager = inherited(department, Department::getHead);
		if (manager == null) {
			throw new OrgChartGap(department.getCode(), department.getName(), Role.MANAGER);
		}
		Employee officer = inherited(department, Department::getOfficer);
		if (officer == null) {
			throw new OrgChartGap(department.getCode(), department.getName(), Role.OFFICER);
		}
		Employee executive = executiveAbove(officer);
		if (executive == null) {
			throw new OrgChartGap(department.getCode(), department.getName(), Role.EXECUTIVE);
		}
		return new Approvers(executive.toRef(), officer.toRef(), manager.toRef());
	}

	private static Employee inherited(Department department, Function<Department, Employee> role) {
		Set<Long> seen = new HashSet<>();
		for (Department current = department; current != null && seen.add(current.getId()); current = current.getParent()) {
			Employee holder = role.apply(current);
			if (holder != null && holder.isActive()) {
				return holder;
			}
		}
		return null;
	}

	private Employee executiveAbove(Employee officer) {
		if (officer.getRank() == Rank.EXECUTIVE) {
			return officer;
		}
		Employee reportsTo = officer.getReportsTo();
		if (reportsTo != null && reportsTo.isActive() && reportsTo.getRank() == Rank.EXECUTIVE) {
			return reportsTo;
		}
		List<Employee> executives = this.employees.findActiveExecutives();
		return executives.size() == 1 ? executives.get(0) : null;
	}

}
