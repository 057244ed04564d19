package io.tsunagu.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.approval.PlanSummaries;
import io.tsunagu.approval.PlanSummary;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;

/**
 * Tells the approval module what a plan says, for its mails and its decision page; who may read it is
 * checked there (the approver of a step).
 */
@Component
class PlanSummaryReader implements PlanSummaries {

	private final EventPlans plans;

	private final Directory directory;

	PlanSummaryReader(EventPlans plans, Directory directory) {
		this.plans = plans;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PlanSummary> find(long planId, Locale reader) {
		return this.plans.findById(planId).map(plan -> summary(plan, reader));
	}

	private PlanSummary summary(EventPlan plan, Locale reader) {
		List<Long> ids = new ArrayList<>();
		ids.add(plan.getLeadId());
		plan.getCoOrganiserIds().stream().filter(id -> id != plan.getLeadId()).forEach(ids::add);
		Map<Long, EmployeeRef> people = this.directory.findAllById(ids);
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		List<PlanSummary.Organiser> team = ids.stream().map(people::get).filter(person -> person != null).map(person -> {
			DepartmentRef department = departments.get(person.departmentCode());
			return new PlanSummary.Organiser(person.name(), department == null ? "" : department.displayName(reader),
					person.id() == plan.getLeadId());
		}).toList();
		return new PlanSummary(plan.getId(), plan.getTitle(), plan.getKind().name(), plan.getPurpose(),
				plan.getAudience(), plan.getStartsAt(), plan.getEndsAt(), plan.getZone(), plan.getVenue(),
				plan.getOnlineLink(), plan.getCapacity(), plan.getRsvpDeadline(), plan.getBudgetYen(),
				plan.isGuestsAllowed(), plan.getApproverNote(), team);
	}

}
