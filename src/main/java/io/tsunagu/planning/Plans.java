package io.tsunagu.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

	private final MoveAudience moveAudience;

	Plans(EventPlans plans, PreparationTasks tasks, Approvals approvals, Directory directory, Outbox outbox,
			AuditLog audit, Clock clock, ApplicationEventPublisher events, MoveAudience moveAudience) {
		this.events = events;
		this.moveAudience = moveAudience;
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

	/** Each of these events that exists, by id, in a few queries whatever their number. */
	@Transactional(readOnly = true)
	public Map<Long, PlannedEvent> events(Collection<Long> planIds) {
		Map<Long, PlannedEvent> found = new HashMap<>();
		this.plans.findAllById(planIds).forEach(plan -> found.put(plan.getId(), plan.toPlannedEvent()));
		return found;
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
	 * The ids of the events that took place and ended in the range (approved, not cancelled), the first
	 * ended first.
	 */
	@Transactional(readOnly = true)
	public List<Long> endedBetween(java.time.Instant from, java.time.Instant until) {
		return this.plans.findIdsEndedBetween(
				List.of(PlanStatus.APPROVED, PlanStatus.INVITING, PlanStatus.HELD, PlanStatus.CLOSED), from, until);
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

	/**
	 * Hosts a past event again: a new draft led by the organiser who asks, the next edition of the event's
	 * series, its date still to pick. The rest of the last team is asked to join, each by the usual mail,
	 * and joins only by accepting.
	 * @throws IllegalPlanChange when the event is not over, or never took place
	 */
	EventPlan hostAgain(long planId, long actorId, String actor) {
		lock(planId);
		EventPlan previous = organisedBy(planId, actorId);
		long seriesId = previous.getSeriesId() == null ? previous.getId() : previous.getSeriesId();
		// Editions are numbered one after the other, also when two organisers host again at the same moment.
		lock(seriesId);
		int number = Math.max(this.plans.lastEdition(seriesId), 1) + 1;
		EventPlan next = this.plans.save(previous.nextEdition(actorId, number,
				LocalDate.now(this.clock.withZone(previous.getZone())), this.clock.instant()));
		this.audit.record(actor, "plan.host-again", subject(next), "edition " + number + " after " + subject(previous));
		Map<Long, EmployeeRef> asked = this.directory.findAllById(next.getProposedCoOrganiserIds());
		String lead = name(actorId);
		for (Long employeeId : next.getProposedCoOrganiserIds()) {
			EmployeeRef person = asked.get(employeeId);
			if (person != null) {
				askToJoin(next, person, actor, lead);
			}
		}
		return next;
	}

	/** The series a plan belongs to, its editions in order; empty for a plan never hosted again. */
	@Transactional(readOnly = true)
	public Optional<PlanSeries> seriesOf(long planId) {
		return this.plans.findById(planId).filter(plan -> plan.getSeriesId() != null).map(plan -> {
			List<EventPlan> editions = this.plans.findBySeriesIdOrderByEditionAscIdAsc(plan.getSeriesId());
			return new PlanSeries(plan.getSeriesId(), editions.get(0).getTitle(), editions.stream()
				.map(edition -> new PlanSeries.Edition(edition.getEdition(), edition.toPlannedEvent(), edition.isDateToPick()))
				.toList());
		});
	}

	/** The event a next edition was hosted again from; empty for any other plan. */
	@Transactional(readOnly = true)
	public Optional<PlannedEvent> previousEdition(long planId) {
		return this.plans.findById(planId)
			.filter(plan -> plan.getSeriesId() != null && plan.getCopiedFromId() != null)
			.flatMap(plan -> this.plans.findById(plan.getCopiedFromId()))
			.map(EventPlan::toPlannedEvent);
	}

	/**
	 * Who prepared an event: its organisers, the lead first, then the helpers its tasks were handed to,
	 * each with the titles of their tasks.
	 */
	@Transactional(readOnly = true)
	public List<TeamMember> team(long planId) {
		EventPlan plan = this.plans.findById(planId).orElseThrow(PlanNotFound::new);
		Map<Long, List<String>> tasksOf = new LinkedHashMap<>();
		plan.toPlannedEvent().organiserIds().forEach(id -> tasksOf.put(id, new ArrayList<>()));
		for (PreparationTask task : this.tasks.findByPlanIdOrderByDueOnAscIdAsc(planId)) {
			if (task.getAssigneeId() != null) {
				tasksOf.computeIfAbsent(task.getAssigneeId(), id -> new ArrayList<>()).add(task.getTitle());
			}
		}
		return tasksOf.entrySet()
			.stream()
			.map(entry -> new TeamMember(entry.getKey(), plan.isOrganisedBy(entry.getKey()), entry.getValue()))
			.toList();
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
	 * Deletes a draft never sent for approval, with its tasks and the requests to join its team.
	 * @return its title
	 * @throws IllegalPlanChange when the plan was ever sent for approval
	 */
	String delete(long planId, long actorId, String actor) {
		lock(planId);
		EventPlan plan = organisedBy(planId, actorId);
		plan.requireDeletable();
		this.tasks.deleteAllInBatch(this.tasks.findByPlanIdOrderByDueOnAscIdAsc(planId));
		this.plans.delete(plan);
		this.audit.record(actor, "plan.delete", subject(plan), plan.getTitle());
		return plan.getTitle();
	}

	/**
	 * Moves an approved event to another time or place, without a new approval round.
	 * @return whether everyone still expected is told, which a new RSVP deadline alone does not need
	 * @throws IllegalPlanChange when the plan is not approved, nothing changed or the new start has passed
	 */
	boolean reschedule(long planId, long actorId, String actor, TimeAndPlace next, MoveNotice notice) {
		lock(planId);
		EventPlan plan = organisedBy(planId, actorId);
		PlannedEvent before = plan.toPlannedEvent();
		TimeAndPlace was = plan.timeAndPlace();
		boolean moved = plan.reschedule(next, this.clock.instant());
		String changes = plan.timeAndPlace().changesFrom(was);
		if (moved) {
			changes += "; calendar sequence " + plan.getCalendarSequence()
					+ (notice.alsoDeclined() ? "; told those who declined" : "")
					+ (notice.reason() == null ? "" : "; reason: " + notice.reason());
		}
		this.audit.record(actor, "plan.reschedule", subject(plan), changes);
		if (moved) {
			// As for a cancellation, listeners run in this transaction: the move and its notices commit together.
			this.events.publishEvent(new PlanRescheduled(planId, plan.getCalendarSequence(), before.startsAt(),
					before.endsAt(), before.venue(), before.onlineLink(), notice.reason(), notice.alsoDeclined()));
		}
		return moved;
	}

	/**
	 * What a move would do, without making it, for the organisers to confirm: whether anyone is mailed,
	 * and how many invitees it reaches.
	 * @throws IllegalPlanChange as {@link #reschedule} would
	 */
	@Transactional(readOnly = true)
	MovePreview previewReschedule(long planId, long actorId, TimeAndPlace next) {
		EventPlan plan = organisedBy(planId, actorId);
		boolean mailed = plan.checkReschedule(next, this.clock.instant());
		return new MovePreview(plan.toPlannedEvent(), mailed,
				mailed ? this.moveAudience.of(planId) : new MoveAudience.Reach(0, 0));
	}

	/**
	 * The event as it is, whether a move is mailed at all (a new RSVP deadline alone is not), and to how
	 * many it could go.
	 */
	record MovePreview(PlannedEvent event, boolean mailed, MoveAudience.Reach reach) {

		/** How many are mailed with or without those who declined. */
		public long recipients(boolean alsoDeclined) {
			return this.mailed ? this.reach.mailed(alsoDeclined) : 0;
		}

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
		askToJoin(plan, person, actor, this.directory.findById(plan.getLeadId()).map(EmployeeRef::name).orElse(""));
		return person;
	}

	/**
	 * Asks a colleague chosen by id to join the organiser team, as {@link #proposeCoOrganiser} does for an
	 * address typed: for the one-click suggestions of whom to ask.
	 * @throws IllegalPlanChange when the plan is not editable, or the person leads, is on or was already asked
	 * to join the team
	 * @return the person asked
	 */
	public EmployeeRef askToJoinTeam(long planId, long actorId, String actor, long employeeId) {
		EventPlan plan = organisedBy(planId, actorId);
		EmployeeRef person = this.directory.findById(employeeId).orElseThrow(UnknownEmployee::new);
		plan.proposeCoOrganiser(person.id(), this.clock.instant());
		askToJoin(plan, person, actor, this.directory.findById(plan.getLeadId()).map(EmployeeRef::name).orElse(""));
		return person;
	}

	/**
	 * Everyone on an event's team or asked to join it: its organisers, the colleagues asked, and the helpers
	 * its tasks were handed to.
	 */
	@Transactional(readOnly = true)
	public Set<Long> teamAndAsked(long planId) {
		EventPlan plan = this.plans.findById(planId).orElseThrow(PlanNotFound::new);
		Set<Long> people = new LinkedHashSet<>(plan.toPlannedEvent().organiserIds());
		people.addAll(plan.getProposedCoOrganiserIds());
		this.tasks.findByPlanIdOrderByDueOnAscIdAsc(planId)
			.stream()
			.map(PreparationTask::getAssigneeId)
			.filter(java.util.Objects::nonNull)
			.forEach(people::add);
		return people;
	}

	private void askToJoin(EventPlan plan, EmployeeRef person, String actor, String lead) {
		this.audit.record(actor, "plan.team.propose", subject(plan), person.email());
		this.outbox.queue(MailRequest.of(person.email(), person.name(), person.locale(), "team-proposal",
				Map.of("planId", plan.getId(), "planTitle", plan.getTitle(), "leadName", lead),
				new Object[] { plan.getTitle() },
				"plan-" + plan.getId() + "-team-proposal-" + person.id() + "-" + this.clock.instant().toEpochMilli()));
	}

	/**
	 * The person asked joins the team; a mail confirms it to them, and another tells the lead.
	 * @return the plan's lead
	 */
	EmployeeRef acceptCoOrganiser(long planId, long employeeId, String actor) {
		EventPlan plan = proposedTo(planId, employeeId);
		plan.acceptCoOrganiser(employeeId, this.clock.instant());
		this.audit.record(actor, "plan.team.accept", subject(plan), "employee " + employeeId);
		Map<Long, EmployeeRef> people = this.directory.findAllById(List.of(employeeId, plan.getLeadId()));
		EmployeeRef member = people.get(employeeId);
		EmployeeRef lead = people.get(plan.getLeadId());
		String leadName = lead == null ? "" : lead.name();
		if (member != null) {
			this.outbox.queue(MailRequest.of(member.email(), member.name(), member.locale(), "team-joined",
					Map.of("planId", planId, "planTitle", plan.getTitle(), "leadName", leadName),
					new Object[] { plan.getTitle() }, "plan-" + planId + "-team-joined-" + employeeId + "-"
							+ this.clock.instant().toEpochMilli()));
		}
		if (lead != null && member != null) {
			this.outbox.queue(MailRequest.of(lead.email(), lead.name(), lead.locale(), "team-member-joined",
					Map.of("planId", planId, "planTitle", plan.getTitle(), "memberName", member.name()),
					new Object[] { plan.getTitle(), member.name() }, "plan-" + planId + "-team-member-joined-"
							+ employeeId + "-" + this.clock.instant().toEpochMilli()));
		}
		return lead;
	}

	/**
	 * The person asked does not join the team.
	 * @return the name of the plan's lead, who asked
	 */
	String declineCoOrganiser(long planId, long employeeId, String actor) {
		EventPlan plan = proposedTo(planId, employeeId);
		plan.declineCoOrganiser(employeeId, this.clock.instant());
		this.audit.record(actor, "plan.team.decline", subject(plan), "employee " + employeeId);
		return name(plan.getLeadId());
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

	/**
	 * Takes a co-organiser off the team, or withdraws the request to someone who has not answered.
	 * @return whether it was a request withdrawn
	 */
	boolean removeCoOrganiser(long planId, long actorId, String actor, long employeeId) {
		EventPlan plan = organisedBy(planId, actorId);
		boolean proposed = plan.isProposedTo(employeeId);
		plan.removeCoOrganiser(employeeId, this.clock.instant());
		this.audit.record(actor, "plan.team.remove", subject(plan), "employee " + employeeId);
		return proposed;
	}

	/** The name of the employee with this address, for a message about them; the address when nobody has it. */
	@Transactional(readOnly = true)
	String nameOrAddress(String email) {
		return this.directory.findByEmail(email.strip()).map(EmployeeRef::name).orElse(email);
	}

	/** An employee's name for a confirmation, empty when they have left the directory. */
	@Transactional(readOnly = true)
	String name(long employeeId) {
		return this.directory.findById(employeeId).map(EmployeeRef::name).orElse("");
	}

	/** Adds a task; a helper it is handed to gets a mail. */
	void addTask(long planId, long actorId, String actor, String title, String notes, String assigneeEmail,
			LocalDate dueOn) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.requirePreparation();
		EmployeeRef assignee = assignee(assigneeEmail);
		PreparationTask task = this.tasks.save(new PreparationTask(planId, title, notes,
				assignee == null ? null : assignee.id(), dueOn, this.clock.instant()));
		this.audit.record(actor, "plan.task.add", subject(plan), task.getTitle());
		if (assignee != null && assignee.id() != actorId) {
			tellAssignee(plan, task, assignee, "task-" + task.getId() + "-assigned-" + assignee.id());
		}
	}

	/**
	 * Changes a task; a helper it is handed to anew gets a mail, as when it was added.
	 * @throws UnknownEmployee when nobody in the directory has the helper's email
	 * @throws IllegalPlanChange when the event is no longer being prepared
	 */
	void editTask(long planId, long taskId, long actorId, String actor, String title, String notes,
			String assigneeEmail, LocalDate dueOn) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.requirePreparation();
		PreparationTask task = this.tasks.findByIdAndPlanId(taskId, planId).orElseThrow(PlanNotFound::new);
		EmployeeRef assignee = assignee(assigneeEmail);
		boolean handedOver = task.revise(title, notes, assignee == null ? null : assignee.id(), dueOn);
		this.audit.record(actor, "plan.task.edit", subject(plan), task.getTitle());
		if (handedOver && assignee.id() != actorId) {
			tellAssignee(plan, task, assignee,
					"task-" + task.getId() + "-assigned-" + assignee.id() + "-" + this.clock.instant().toEpochMilli());
		}
	}

	/**
	 * Deletes a task.
	 * @return its title
	 * @throws IllegalPlanChange when the event is no longer being prepared
	 */
	String deleteTask(long planId, long taskId, long actorId, String actor) {
		EventPlan plan = organisedBy(planId, actorId);
		plan.requirePreparation();
		PreparationTask task = this.tasks.findByIdAndPlanId(taskId, planId).orElseThrow(PlanNotFound::new);
		this.tasks.delete(task);
		this.audit.record(actor, "plan.task.delete", subject(plan), task.getTitle());
		return task.getTitle();
	}

	private EmployeeRef assignee(String email) {
		return email == null || email.isBlank() ? null
				: this.directory.findByEmail(email.strip()).orElseThrow(UnknownEmployee::new);
	}

	private void tellAssignee(EventPlan plan, PreparationTask task, EmployeeRef assignee, String dedupeKey) {
		this.outbox.queue(MailRequest.of(assignee.email(), assignee.name(), assignee.locale(), "task-assigned",
				Map.of("planId", plan.getId(), "planTitle", plan.getTitle(), "taskTitle", task.getTitle(), "dueOn",
						task.getDueOn() == null ? "" : task.getDueOn(), "notes",
						task.getNotes() == null ? "" : task.getNotes()),
				new Object[] { task.getTitle() }, dedupeKey));
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
				plan.isProposedTo(viewerId), plan.hasEnded(this.clock.instant()));
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
