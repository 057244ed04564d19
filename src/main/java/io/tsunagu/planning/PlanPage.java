package io.tsunagu.planning;

import java.util.List;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.EmployeeRef;

/**
 * What a plan's page shows besides the approval chain: the plan, its team, its tasks, and which
 * departments the team reaches; the colleagues asked to join who have not answered yet, and whether the viewer
 * is one of them; whether the event is over (to thank the team and host it again).
 */
record PlanPage(EventPlan plan, EmployeeRef lead, List<EmployeeRef> coOrganisers, List<TaskRow> tasks,
		List<DepartmentRef> departmentsOnTeam, List<DepartmentRef> departmentsMissing, boolean organiser,
		List<EmployeeRef> proposed, boolean proposedToMe, boolean ended) {

	public TaskStatus[] taskStatuses() {
		return TaskStatus.values();
	}

	record TaskRow(PreparationTask task, EmployeeRef assignee) {
	}

}
