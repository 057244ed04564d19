package io.tsunagu.planning;

import java.util.List;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.EmployeeRef;

/**
 * What a plan's page shows besides the approval chain: the plan, its team, its tasks, and which
 * departments the team reaches.
 */
record PlanPage(EventPlan plan, EmployeeRef lead, List<EmployeeRef> coOrganisers, List<TaskRow> tasks,
		List<DepartmentRef> departmentsOnTeam, List<DepartmentRef> departmentsMissing, boolean organiser) {

	public TaskStatus[] taskStatuses() {
		return TaskStatus.values();
	}

	record TaskRow(PreparationTask task, EmployeeRef assignee) {
	}

}
