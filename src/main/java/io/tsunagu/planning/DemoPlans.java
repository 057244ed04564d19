package io.tsunagu.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.DemoApprovals;
import io.tsunagu.approval.DecisionKind;
import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

/**
 * Only for the demo company's events: plans drafted, staffed and approved through {@link Plans} and
 * {@link Approvals} as the pages would, and a finished event moved months into the past, which no page
 * can do (a plan cannot be made with past dates).
 */
@Service
public class DemoPlans {

	/** When the demo's past events started, in their zone. */
	static final LocalTime EVENING = LocalTime.of(19, 0);

	/** How long before its event a past plan was drafted, sent for approval and approved. */
	static final Duration PREPARED_BEFORE = Duration.ofDays(30);

	/** How long before its event a past plan stopped taking answers. */
	static final Duration ANSWERS_CLOSED_BEFORE = Duration.ofDays(3);

	/** A plan as its lead writes it. */
	public record Draft(String title, PlanKind kind, String purpose, String audience, String venue, int capacity,
			Long budgetYen) {
	}

	/** A preparation task handed to a helper. */
	public record Task(String title, String helperEmail) {
	}

	private final Plans plans;

	private final Approvals approvals;

	private final DemoApprovals demoApprovals;

	private final Directory directory;

	private final OrgChart orgChart;

	private final EventPlans eventPlans;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoPlans(Plans plans, Approvals approvals, DemoApprovals demoApprovals, Directory directory, OrgChart orgChart, EventPlans eventPlans,
			JdbcClient jdbc, Clock clock) {
		this.plans = plans;
		this.approvals = approvals;
		this.demoApprovals = demoApprovals;
		this.directory = directory;
		this.orgChart = orgChart;
		this.eventPlans = eventPlans;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The lead drafts the plan, asks the co-organisers (who accept), hands out the tasks (done), sends the
	 * plan for approval, and each approver of the chain approves it, the executive with a direction. Call
	 * it in a transaction of its own: the plan is marked approved when that transaction commits.
	 * @return the plan's id
	 */
	@Transactional
	public long approvedEvent(String leadEmail, Draft draft, Instant startsAt, Duration lasting, Instant rsvpDeadline,
			List<String> coOrganiserEmails, List<Task> tasks, String direction) {
		EmployeeRef lead = person(leadEmail);
		PlanDetails details = new PlanDetails(draft.title(), draft.kind(), draft.purpose(), draft.audience(), startsAt,
				startsAt.plus(lasting), ZoneId.of("Asia/Tokyo"), draft.venue(), null, draft.capacity(), rsvpDeadline,
				draft.budgetYen(), false, null);
		long planId = this.plans.create(lead.id(), lead.email(), details).getId();
		for (String email : coOrganiserEmails) {
			EmployeeRef member = person(email);
			this.plans.proposeCoOrganiser(planId, lead.id(), lead.email(), email);
			this.plans.acceptCoOrganiser(planId, member.id(), member.email());
		}
		for (Task task : tasks) {
			this.plans.addTask(planId, lead.id(), lead.email(), task.title(), null, task.helperEmail(), null);
		}
		this.plans.taskRows(planId, lead.id())
			.forEach(row -> this.plans.moveTask(planId, row.task().getId(), lead.id(), lead.email(), TaskStatus.DONE));
		this.plans.submit(planId, lead.id(), lead.email());
		Approvers chain = this.orgChart.approversFor(lead.departmentCode());
		String comment = direction;
		for (EmployeeRef approver : new EmployeeRef[] { chain.executive(), chain.officer(), chain.manager() }) {
			InboxItem item = this.approvals.inbox(approver.id())
				.stream()
				.filter(waiting -> waiting.planId() == planId)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(approver.email() + " was not asked to decide plan " + planId));
			this.approvals.decide(item.stepId(), approver.id(), approver.email(), DecisionKind.APPROVE, comment,
					item.planRevision());
			comment = null;
		}
		return planId;
	}

	/**
	 * Moves a finished demo event to the evening of a past day: the event itself, and its preparation and
	 * approval a month before it, in the caller's transaction.
	 * @return how far the event's start moved back
	 */
	/** The events, oldest first, become the editions of one series, numbered as hosting again numbers them. */
	@Transactional
	public void formSeries(List<Long> editions) {
		for (int i = 0; i < editions.size(); i++) {
			this.jdbc.sql("UPDATE event_plans SET series_id = ?, edition = ?, copied_from_id = ? WHERE id = ?")
				.params(editions.get(0), i + 1, i == 0 ? null : editions.get(i - 1), editions.get(i))
				.update();
		}
	}

	@Transactional
	public Duration moveIntoThePast(long planId, LocalDate day) {
		// What the caller's transaction changed through JPA is written first, so that it does not
		// overwrite these updates when it commits.
		this.eventPlans.flush();
		PlannedEvent event = this.plans.event(planId).orElseThrow();
		Instant startsAt = day.atTime(EVENING).atZone(event.zone()).toInstant();
		if (!startsAt.isBefore(this.clock.instant())) {
			throw new IllegalArgumentException("A demo event moves into the past, not to " + day);
		}
		Duration back = Duration.between(startsAt, event.startsAt());
		Duration history = back.plus(PREPARED_BEFORE);
		Instant rsvpDeadline = startsAt.minus(ANSWERS_CLOSED_BEFORE);
		this.jdbc.sql("""
				UPDATE event_plans SET starts_at = starts_at - make_interval(secs => :back),
				       ends_at = ends_at - make_interval(secs => :back), rsvp_deadline = :deadline,
				       created_at = created_at - make_interval(secs => :history),
				       updated_at = updated_at - make_interval(secs => :history),
				       first_submitted_at = first_submitted_at - make_interval(secs => :history)
				WHERE id = :id""")
			.param("back", seconds(back))
			.param("history", seconds(history))
			.param("deadline", Timestamp.from(rsvpDeadline))
			.param("id", planId)
			.update();
		this.jdbc.sql("UPDATE preparation_tasks SET created_at = created_at - make_interval(secs => :history) WHERE plan_id = :id")
			.param("history", seconds(history))
			.param("id", planId)
			.update();
		this.demoApprovals.moveIntoThePast(planId, history, startsAt, rsvpDeadline);
		return back;
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow(() -> new IllegalStateException("No demo employee " + email));
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
