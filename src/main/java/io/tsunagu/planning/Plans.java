package io.tsunagu.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.PlanUnderReview;
import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;

/**
 * Event plans, their organiser teams and preparation tasks: drafting, editing, sending for approval
 * and taking back. Who may do what is checked here, not in the pages.
 */
@Service
@Transactional
public class Plans {

	private final EventPlans plans;

	private final PreparationTasks tasks;

	private final Approvals approvals;

	private final Directory directory;

	private final Outbox outbox;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Plans(EventPlans plans, PreparationTasks tasks, Approvals approvals, Directory directory, Outbox outbox,
			AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.plans = plans;
		this.tasks = tasks;
		this.approvals = approvals;
		this.directory = directory;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	/** The open preparation tasks handed to a helper, soonest due first. */
	@Transactional(readOnly = true)
	public List<AssignedTask> tasksAssignedTo(long employeeId) {
		return this.tasks.findOpenAssignedTo(employeeId);
	}

	/** What other modules may know of a plan, whoever asks: they check who may see it themselves. */
	@Transactional(readOnly = true)
	public Optional<PlannedEvent> event(long planId) {
		return this.plans.findById(planId).map(EventPlan::toPlannedEvent);
	}

	/** The events whose invitations are out and that have not started yet, soonest first. */
	@Transactional(readOnly = true)
	public List<PlannedEvent> upcomingInviting() {
		return this.plans.findByStatusAndStartsAtAfterOrderByStartsAt(PlanStatus.INVITING, this.clock.instant())
			.stream()
			.map(EventPlan::toPlannedEvent)
			.toList();
	}

	/**
	 * The event, its plan locked until the end of the caller's transaction: invitations sent in it are
	 * committed before a move or cancellation of the event reads who was invited, or after it, with the
	 * event as it then is. Call it before anything else reads the plan in the transaction.
	 */
	public Optional<PlannedEvent> lockForInviting(long planId) {
		return this.plans.findForUpdate(planId).map(EventPlan::toPlannedEvent);
	}

	/**
	 * Marks the start of the invitations; the model refuses it before approval.
	 * @throws IllegalPlanChange when the plan is not approved (or already inviting)
	 */
	public PlannedEvent startInviting(long planId) {
		EventPlan plan = this.plans.findById(planId).orElseThrow(PlanNotFound::new);
		plan.startInviting(this.clock.instant());
		return plan.toPlannedEvent();
	}

	@Transactional(readOnly = true)
	List<EventPlan> involving(long employeeId) {
		return this.plans.findInvolving(employeeId);
	}

	EventPlan create(long leadId, String actor, PlanDetails details) {
		EventPlan plan = this.plans.save(new EventPlan(leadId, details, this.clock.instant()));
		this.audit.record(actor, "plan.create", subject(plan), plan.getTitle());
		return plan;
	}

	void revise(long planId, long actorId, String actor, PlanDetails details) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.revise(details, this.clock.instant());
		this.audit.record(actor, "plan.edit", subject(plan), "revision " + plan.getRevision());
	}

	/**
	 * Sends the plan for approval; the chain's first approver is asked.
	 * @throws io.tsunagu.approval.SubmissionRefused when the org chart cannot name the approvers
	 * @throws IllegalPlanChange when the plan is not editable, has started or its RSVP deadline has passed
	 */
	void submit(long planId, long actorId, String actor) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.submit(this.clock.instant());
		Set<Long> organisers = new LinkedHashSet<>(plan.getCoOrganiserIds());
		organisers.add(plan.getLeadId());
		this.approvals.open(new PlanUnderReview(plan.getId(), plan.getRevision(), plan.getTitle(), plan.getLeadId(),
				organisers, actorId, plan.getStartsAt(), plan.getRsvpDeadline()));
		this.audit.record(actor, "plan.submit", subject(plan), "revision " + plan.getRevision());
	}

	void withdraw(long planId, long actorId, String actor) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.withdraw(this.clock.instant());
		this.approvals.withdraw(planId);
		this.audit.record(actor, "plan.withdraw", subject(plan), "revision " + plan.getRevision());
	}

	EventPlan copy(long planId, long actorId, String actor) {
		EventPlan original = organisedBy(planId, actorId);
		EventPlan copy = this.plans.save(original.copyAsDraft(actorId, this.clock.instant()));
		this.audit.record(actor, "plan.copy", subject(copy), "copied from " + subject(original));
		return copy;
	}

	void cancel(long planId, long actorId, String actor) {
		lock(planId);
		EventPlan plan = organisedBy(planId, actorId);
		boolean underReview = plan.getStatus() == PlanStatus.SUBMITTED;
		plan.cancel(this.clock.instant());
		if (underReview) {
			this.approvals.withdraw(planId);
		}
		this.audit.record(actor, "plan.cancel", subject(plan), null);
		// Listeners run in this transaction: the cancellation and its notices commit together.
		this.events.publishEvent(new PlanCancelled(planId, this.clock.instant()));
	}

	/**
	 * Moves an approved event to another time or place, without a new approval round.
	 * @return whether everyone still expected is told, which a new RSVP deadline alone does not need
	 * @throws IllegalPlanChange when the plan is not approved, nothing changed or the new start has passed
	 */
	boolean reschedule(long planId, long actorId, String actor, TimeAndPlace next) {
		lock(planId);
		EventPlan plan = organisedBy(planId, actorId);
		PlannedEvent before = plan.toPlannedEvent();
		TimeAndPlace was = plan.timeAndPlace();
		boolean moved = plan.reschedule(next, this.clock.instant());
		String changes = plan.timeAndPlace().changesFrom(was);
		this.audit.record(actor, "plan.reschedule", subject(plan),
				moved ? changes + "; calendar sequence " + plan.getCalendarSequence() : changes);
		if (moved) {
			// As for a cancellation, listeners run in this transaction: the move and its notices commit together.
			this.events.publishEvent(new PlanRescheduled(planId, plan.getCalendarSequence(), before.startsAt(),
					before.endsAt(), before.venue(), before.onlineLink()));
		}
		return moved;
	}

	/**
	 * Asks a colleague to join the organiser team; they get a mail and join only when they accept.
	 * @throws UnknownEmployee when nobody in the directory has that email
	 * @throws IllegalPlanChange when the plan is not editable, or the person leads, is on or was already asked to
	 * join the team
	 * @return the person asked
	 */
	EmployeeRef proposeCoOrganiser(long planId, long actorId, String actor, String email) {
		EventPlan plan = organisedBy(planId, actorId);
		EmployeeRef person = this.directory.findByEmail(email.strip()).orElseThrow(UnknownEmployee::new);
		plan.proposeCoOrganiser(person.id(), this.clock.instant());
		this.audit.record(actor, "plan.team.propose", subject(plan), person.email());
		String lead = this.directory.findById(plan.getLeadId()).map(EmployeeRef::name).orElse("");
		this.outbox.queue(MailRequest.of(person.email(), person.name(), person.locale(), "team-proposal",
				Map.of("planId", planId, "planTitle", plan.getTitle(), "leadName", lead),
				new Object[] { plan.getTitle() },
				"plan-" + planId + "-team-proposal-" + person.id() + "-" + this.clock.instant().toEpochMilli()));
		return person;
	}

	/** The person asked joins the team. */
	void acceptCoOrganiser(long planId, long employeeId, String actor) {
		EventPlan plan = proposedTo(planId, employeeId);
		plan.acceptCoOrganiser(employeeId, this.clock.instant());
		this.audit.record(actor, "plan.team.accept", subject(plan), "employee " + employeeId);
	}

	/** The person asked does not join the team. */
	void declineCoOrganiser(long planId, long employeeId, String actor) {
		EventPlan plan = proposedTo(planId, employeeId);
		plan.declineCoOrganiser(employeeId, this.clock.instant());
		this.audit.record(actor, "plan.team.decline", subject(plan), "employee " + employeeId);
	}

	/** The plans whose organisers wait for this person to say whether they join the team. */
	@Transactional(readOnly = true)
	public List<TeamProposal> teamProposalsFor(long employeeId) {
		List<EventPlan> proposed = this.plans.findProposedTo(employeeId);
		Map<Long, EmployeeRef> leads = this.directory.findAllById(proposed.stream().map(EventPlan::getLeadId).toList());
		return proposed.stream()
			.map(plan -> new TeamProposal(plan.getId(), plan.getTitle(),
					leads.containsKey(plan.getLeadId()) ? leads.get(plan.getLeadId()).name() : ""))
			.toList();
	}

	void removeCoOrganiser(long planId, long actorId, String actor, long employeeId) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.removeCoOrganiser(employeeId, this.clock.instant());
		this.audit.record(actor, "plan.team.remove", subject(plan), "employee " + employeeId);
	}

	/** Adds a task; a helper it is handed to gets a mail. */
	void addTask(long planId, long actorId, String actor, String title, String notes, String assigneeEmail,
			LocalDate dueOn) {
		EventPlan plan = organisedBy(planId, actorId);
		if (!plan.getStatus().isPreparing()) {
			throw new IllegalPlanChange("plan.refused.tasks", plan.getStatus());
		}
		EmployeeRef assignee = assigneeEmail == null || assigneeEmail.isBlank() ? null
				: this.directory.findByEmail(assigneeEmail.strip()).orElseThrow(UnknownEmployee::new);
		PreparationTask task = this.tasks.save(new PreparationTask(planId, title, notes,
				assignee == null ? null : assignee.id(), dueOn, this.clock.instant()));
		this.audit.record(actor, "plan.task.add", subject(plan), task.getTitle());
		if (assignee != null && assignee.id() != actorId) {
			this.outbox.queue(MailRequest.of(assignee.email(), assignee.name(), assignee.locale(), "task-assigned",
					Map.of("planId", planId, "planTitle", plan.getTitle(), "taskTitle", task.getTitle(), "dueOn",
							dueOn == null ? "" : dueOn.toString(), "notes", task.getNotes() == null ? "" : task.getNotes()),
					new Object[] { task.getTitle() }, "task-" + task.getId() + "-assigned-" + assignee.id()));
		}
	}

	/** Organisers and the task's helper move a task along. */
	void moveTask(long planId, long taskId, long actorId, String actor, TaskStatus status) {
		EventPlan plan = visibleTo(planId, actorId);
		PreparationTask task = this.tasks.findByIdAndPlanId(taskId, planId).orElseThrow(PlanNotFound::new);
		if (!plan.isOrganisedBy(actorId) && !Long.valueOf(actorId).equals(task.getAssigneeId())) {
			throw new AccessDeniedException("Only organisers and the helper move a task");
		}
		task.moveTo(status);
		this.audit.record(actor, "plan.task.move", subject(plan), task.getTitle() + " → " + status);
	}

	@Transactional(readOnly = true)
	PlanPage page(long planId, long viewerId) {
		EventPlan plan = visibleTo(planId, viewerId);
		List<PreparationTask> planTasks = this.tasks.findByPlanIdOrderByDueOnAscIdAsc(planId);
		Set<Long> people = new LinkedHashSet<>();
		people.add(plan.getLeadId());
		people.addAll(plan.getCoOrganiserIds());
		people.addAll(plan.getProposedCoOrganiserIds());
		planTasks.stream().map(PreparationTask::getAssigneeId).filter(java.util.Objects::nonNull).forEach(people::add);
		Map<Long, EmployeeRef> refs = this.directory.findAllById(people);
		Set<String> covered = new LinkedHashSet<>();
		refs.values().forEach(ref -> covered.add(ref.departmentCode()));
		List<DepartmentRef> on = new ArrayList<>();
		List<DepartmentRef> missing = new ArrayList<>();
		for (DepartmentRef department : this.directory.departments()) {
			(covered.contains(department.code()) ? on : missing).add(department);
		}
		return new PlanPage(plan, refs.get(plan.getLeadId()),
				plan.getCoOrganiserIds().stream().map(refs::get).filter(java.util.Objects::nonNull).toList(),
				planTasks.stream().map(t -> new PlanPage.TaskRow(t, t.getAssigneeId() == null ? null : refs.get(t.getAssigneeId()))).toList(),
				on, missing, plan.isOrganisedBy(viewerId),
				plan.getProposedCoOrganiserIds().stream().map(refs::get).filter(java.util.Objects::nonNull).toList(),
				plan.isProposedTo(viewerId));
	}

	@Transactional(readOnly = true)
	List<PlanPage.TaskRow> taskRows(long planId, long viewerId) {
		return page(planId, viewerId).tasks();
	}

	@Transactional(readOnly = true)
	EventPlan forEditing(long planId, long actorId) {
		return organisedBy(planId, actorId);
	}

	/** Locks the plan first, so that what the transaction then reads of it is current. */
	private void lock(long planId) {
		this.plans.findForUpdate(planId);
	}

	private EventPlan organisedBy(long planId, long employeeId) {
		EventPlan plan = visibleTo(planId, employeeId);
		if (!plan.isOrganisedBy(employeeId)) {
			throw new AccessDeniedException("Employee " + employeeId + " does not organise plan " + planId);
		}
		return plan;
	}

	/** The plan, for a person asked to join its team; to everyone else it does not exist. */
	private EventPlan proposedTo(long planId, long employeeId) {
		EventPlan plan = this.plans.findById(planId).orElseThrow(PlanNotFound::new);
		if (!plan.isProposedTo(employeeId) && !plan.isOrganisedBy(employeeId)) {
			throw new PlanNotFound();
		}
		return plan;
	}

	/**
	 * Organisers, colleagues asked to join the team, helpers and the approvers it was sent to see a plan; to
	 * everyone else it does not exist.
	 */
	private EventPlan visibleTo(long planId, long employeeId) {
		EventPlan plan = this.plans.findById(planId).orElseThrow(PlanNotFound::new);
		if (plan.isOrganisedBy(employeeId) || plan.isProposedTo(employeeId) || this.tasks.existsByPlanIdAndAssigneeId(planId, employeeId)
				|| this.approvals.wasSentTo(planId, employeeId)) {
			return plan;
		}
		throw new PlanNotFound();
	}

	private static String subject(EventPlan plan) {
		return "plan " + plan.getId();
	}

	/** No such plan, or not one this person may see. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class PlanNotFound extends RuntimeException {

		PlanNotFound() {
			super("No such plan");
		}

	}

	/** Nobody in the directory has the email given. */
	static class UnknownEmployee extends RuntimeException {

		UnknownEmployee() {
			super("No employee with that email");
		}

	}

}
