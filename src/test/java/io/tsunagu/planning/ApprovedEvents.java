package io.tsunagu.planning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.DecisionKind;
import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

/**
 * For the tests of other modules: an event plan drafted by the demo organiser and approved by each
 * approver of the chain in turn, as it happens in the application.
 */
public final class ApprovedEvents {

	public static final String ORGANISER = PlanFixtures.ORGANISER;

	private final Plans plans;

	private final Approvals approvals;

	private final Directory directory;

	private final OrgChart orgChart;

	public ApprovedEvents(Plans plans, Approvals approvals, Directory directory, OrgChart orgChart) {
		this.plans = plans;
		this.approvals = approvals;
		this.directory = directory;
		this.orgChart = orgChart;
	}

	/** An approved plan in 40 days, with the RSVP deadline a week before it. */
	public long anApprovedEvent(String title, int capacity) {
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return anApprovedEvent(title, capacity, start, start.minus(7, ChronoUnit.DAYS));
	}

	public long anApprovedEvent(String title, int capacity, Instant start, Instant rsvpDeadline) {
		long id = aDraft(title, capacity, start, rsvpDeadline);
		approve(id);
		return id;
	}

	/** The organiser sends a draft for approval and each approver of the chain approves it in turn. */
	public void approve(long id) {
		approveUpTo(id, 3);
	}

	/**
	 * The organiser sends a draft for approval and the first approvers of the chain (executive, officer,
	 * manager) approve it in turn; with fewer than three the plan waits for the next one.
	 */
	public void approveUpTo(long id, int approvers) {
		EmployeeRef organiser = organiser();
		this.plans.submit(id, organiser.id(), ORGANISER);
		Approvers chain = this.orgChart.approversFor(organiser.departmentCode());
		EmployeeRef[] inOrder = { chain.executive(), chain.officer(), chain.manager() };
		for (EmployeeRef approver : java.util.Arrays.copyOf(inOrder, approvers)) {
			InboxItem item = this.approvals.inbox(approver.id())
				.stream()
				.filter(i -> i.planId() == id)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(approver.email() + " was not asked"));
			this.approvals.decide(item.stepId(), approver.id(), approver.email(), DecisionKind.APPROVE, null,
					item.planRevision());
		}
	}

	/** The organiser hands a preparation task of a plan still being prepared to a helper; returns its id. */
	public long aTaskHandedTo(long planId, String helperEmail, String title) {
		long organiser = organiser().id();
		this.plans.addTask(planId, organiser, ORGANISER, title, null, helperEmail, null);
		return this.plans.taskRows(planId, organiser)
			.stream()
			.filter(row -> row.task().getTitle().equals(title))
			.mapToLong(row -> row.task().getId())
			.max()
			.orElseThrow();
	}

	public long aDraft(String title, int capacity, Instant start, Instant rsvpDeadline) {
		PlanDetails details = new PlanDetails(title, PlanKind.CROSS_DEPARTMENT_MIXER, "部署を越えて顔見知りになる", "全社員",
				start, start.plus(2, ChronoUnit.HOURS), ZoneId.of("Asia/Tokyo"), "本社 8F 大会議室", null, capacity,
				rsvpDeadline, 120_000L, false, null);
		return this.plans.create(organiser().id(), ORGANISER, details).getId();
	}

	/**
	 * The organiser moves the event to a new time or place (or only its RSVP deadline).
	 * @return whether everyone still expected is told
	 */
	public boolean reschedule(long planId, Instant start, Instant end, Instant rsvpDeadline, String venue,
			String onlineLink) {
		return reschedule(planId, start, end, rsvpDeadline, venue, onlineLink, null, false);
	}

	/** A move with a reason for the mail, told to those who declined as well when {@code alsoDeclined}. */
	public boolean reschedule(long planId, Instant start, Instant end, Instant rsvpDeadline, String venue,
			String onlineLink, String reason, boolean alsoDeclined) {
		ZoneId zone = this.plans.event(planId).orElseThrow().zone();
		return this.plans.reschedule(planId, organiser().id(), ORGANISER,
				new TimeAndPlace(LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone),
						LocalDateTime.ofInstant(rsvpDeadline, zone), venue, onlineLink),
				new MoveNotice(reason, alsoDeclined));
	}

	/** A colleague joins the organisers' team of a draft, asked by the organiser and accepting. */
	public void joinTeam(long planId, String email) {
		PlanFixtures.joinTeam(this.plans, planId, organiser().id(), ORGANISER,
				this.directory.findByEmail(email).orElseThrow());
	}

	/** The organiser hosts an event that is over again; returns the new draft's id. */
	public long hostAgain(long planId) {
		return this.plans.hostAgain(planId, organiser().id(), ORGANISER).getId();
	}

	/** The organiser picks a draft's date (a next edition's): the same plan, two hours long from this start. */
	public void pickDate(long planId, Instant start, Instant rsvpDeadline) {
		PlanDetails details = this.plans.forEditing(planId, organiser().id()).details();
		this.plans.revise(planId, organiser().id(), ORGANISER, details.movedTo(start, start.plus(2, ChronoUnit.HOURS),
				rsvpDeadline, details.venue(), details.onlineLink()));
	}

	/** The organiser calls the event off. */
	public void cancel(long planId) {
		this.plans.cancel(planId, organiser().id(), ORGANISER);
	}

	public EmployeeRef organiser() {
		return this.directory.findByEmail(ORGANISER).orElseThrow();
	}

}
