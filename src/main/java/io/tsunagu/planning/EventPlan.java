package io.tsunagu.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An event plan and its organiser team. Every state change is a method here that refuses a move the
 * lifecycle does not allow, whoever calls it.
 */
@Entity
@Table(name = "event_plans")
class EventPlan {

	/** How far ahead a next edition's placeholder date lies until its organisers pick one. */
	static final int PLACEHOLDER_WEEKS = 8;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	/** Counts the edits of the plan's content; decisions name the revision they apply to. */
	private int revision = 1;

	/** Raised with each change of time or place; calendars replace an entry only for a higher one. */
	private int calendarSequence;

	@Enumerated(EnumType.STRING)
	private PlanStatus status = PlanStatus.DRAFT;

	private String title;

	@Enumerated(EnumType.STRING)
	private PlanKind kind;

	private String purpose;

	private String audience;

	private Instant startsAt;

	private Instant endsAt;

	private String zone;

	private String venue;

	private String onlineLink;

	private int capacity;

	private Instant rsvpDeadline;

	private Long budgetYen;

	private boolean guestsAllowed;

	private String approverNote;

	private long leadId;

	private Long copiedFromId;

	/** The first edition's plan, for a plan of a series (hosted again, or hosted again from); null otherwise. */
	private Long seriesId;

	/** Its number in the series (第3回), with {@link #seriesId}. */
	private Integer edition;

	/** A next edition's dates are placeholders until the organisers choose them; it cannot be submitted before. */
	private boolean dateToPick;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "plan_co_organisers", joinColumns = @JoinColumn(name = "plan_id"))
	@Column(name = "employee_id")
	private Set<Long> coOrganiserIds = new LinkedHashSet<>();

	/** Colleagues asked to join the team who have not answered yet; they are not organisers until they accept. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "plan_co_organiser_proposals", joinColumns = @JoinColumn(name = "plan_id"))
	@Column(name = "employee_id")
	private Set<Long> proposedCoOrganiserIds = new LinkedHashSet<>();

	private Instant createdAt;

	private Instant updatedAt;

	/** When the plan was first sent for approval; null for a draft never sent, which may be deleted. */
	private Instant firstSubmittedAt;

	protected EventPlan() {
	}

	EventPlan(long leadId, PlanDetails details, Instant now) {
		this.leadId = leadId;
		this.createdAt = now;
		apply(details, now);
	}

	/** A new draft with this plan's details and team, for an organiser whose plan was rejected. */
	EventPlan copyAsDraft(long newLeadId, Instant now) {
		if (this.status != PlanStatus.REJECTED) {
			throw new IllegalPlanChange("plan.refused.copy", this.status);
		}
		EventPlan copy = draftFrom(newLeadId, details(), now);
		copy.coOrganiserIds.addAll(teamBesides(newLeadId));
		return copy;
	}

	/**
	 * The next edition of this event, once it is over: a draft with the same kind, purpose, audience, venue
	 * and capacity, its date still to pick (the dates it holds keep the time of day and the length, a
	 * number of weeks ahead, until the organisers choose). The rest of this team is asked to join again,
	 * not added: each says yes or no. This plan becomes the first edition of a series when it was not in
	 * one yet.
	 * @param number the new edition's number in the series
	 * @param from the day the placeholder dates count from, in the plan's zone
	 */
	EventPlan nextEdition(long newLeadId, int number, LocalDate from, Instant now) {
		if (!hasEnded(now)) {
			throw new IllegalPlanChange("plan.refused.hostAgain", this.status);
		}
		if (this.seriesId == null) {
			this.seriesId = this.id;
			this.edition = 1;
		}
		ZonedDateTime start = this.startsAt.atZone(getZone());
		ZonedDateTime placeholder = from.plusWeeks(PLACEHOLDER_WEEKS).atTime(start.toLocalTime()).atZone(getZone());
		Duration length = Duration.between(this.startsAt, this.endsAt);
		Duration answers = Duration.between(this.rsvpDeadline, this.startsAt);
		EventPlan next = draftFrom(newLeadId, details().movedTo(placeholder.toInstant(),
				placeholder.toInstant().plus(length), placeholder.toInstant().minus(answers), this.venue,
				this.onlineLink), now);
		next.seriesId = this.seriesId;
		next.edition = number;
		next.dateToPick = true;
		next.proposedCoOrganiserIds.addAll(teamBesides(newLeadId));
		return next;
	}

	/** Whether the event took place and is over: approved, never called off, and past its end. */
	boolean hasEnded(Instant now) {
		return (this.status == PlanStatus.APPROVED || this.status == PlanStatus.INVITING
				|| this.status == PlanStatus.HELD || this.status == PlanStatus.CLOSED) && !this.endsAt.isAfter(now);
	}

	private EventPlan draftFrom(long newLeadId, PlanDetails details, Instant now) {
		EventPlan copy = new EventPlan(newLeadId, details, now);
		copy.copiedFromId = this.id;
		return copy;
	}

	/** The lead and the co-organisers, but for the person leading the new plan. */
	private Set<Long> teamBesides(long newLeadId) {
		Set<Long> team = new LinkedHashSet<>();
		team.add(this.leadId);
		team.addAll(this.coOrganiserIds);
		team.remove(newLeadId);
		return team;
	}

	void revise(PlanDetails details, Instant now) {
		requireEditable("plan.refused.edit");
		apply(details, now);
		this.revision++;
		this.dateToPick = false;
	}

	/**
	 * Asks a colleague to join the team. Nobody joins a team without saying yes: the team decides who
	 * signs the plan off (an approver on it hands their step up), so it changes only while the plan is
	 * editable, never while it is under review.
	 */
	void proposeCoOrganiser(long employeeId, Instant now) {
		requireEditable("plan.refused.team");
		if (employeeId == this.leadId) {
			throw new IllegalPlanChange("plan.team.refused.lead", this.status);
		}
		if (this.coOrganiserIds.contains(employeeId)) {
			throw new IllegalPlanChange("plan.team.refused.member", this.status);
		}
		if (!this.proposedCoOrganiserIds.add(employeeId)) {
			throw new IllegalPlanChange("plan.team.refused.proposed", this.status);
		}
		this.updatedAt = now;
	}

	/** The colleague asked says yes and joins the team; refused while the plan is under review or decided. */
	void acceptCoOrganiser(long employeeId, Instant now) {
		if (!this.proposedCoOrganiserIds.contains(employeeId)) {
			throw new IllegalPlanChange("plan.team.refused.notProposed", this.status);
		}
		requireEditable("plan.refused.team");
		this.proposedCoOrganiserIds.remove(employeeId);
		this.coOrganiserIds.add(employeeId);
		this.updatedAt = now;
	}

	/** The colleague asked says no; the team does not change, so this is possible in any state. */
	void declineCoOrganiser(long employeeId, Instant now) {
		if (!this.proposedCoOrganiserIds.remove(employeeId)) {
			throw new IllegalPlanChange("plan.team.refused.notProposed", this.status);
		}
		this.updatedAt = now;
	}

	/** Takes a co-organiser off the team, or takes back an unanswered proposal. */
	void removeCoOrganiser(long employeeId, Instant now) {
		requireEditable("plan.refused.team");
		if (!this.coOrganiserIds.remove(employeeId) && !this.proposedCoOrganiserIds.remove(employeeId)) {
			throw new IllegalPlanChange("plan.team.refused.notMember", this.status);
		}
		this.updatedAt = now;
	}

	boolean isProposedTo(long employeeId) {
		return this.proposedCoOrganiserIds.contains(employeeId);
	}

	/**
	 * Sends the plan for approval; a plan that has started, or whose answers are closed, would be
	 * approved with dead links, so it is refused with the reason.
	 */
	void submit(Instant now) {
		requireEditable("plan.refused.submit");
		if (this.dateToPick) {
			throw new IllegalPlanChange("plan.refused.submit.dateToPick", this.status);
		}
		if (!this.startsAt.isAfter(now)) {
			throw new IllegalPlanChange("plan.refused.submit.started", this.status);
		}
		if (!this.rsvpDeadline.isAfter(now)) {
			throw new IllegalPlanChange("plan.refused.submit.deadlinePassed", this.status);
		}
		this.status = PlanStatus.SUBMITTED;
		this.updatedAt = now;
		if (this.firstSubmittedAt == null) {
			this.firstSubmittedAt = now;
		}
	}

	void withdraw(Instant now) {
		move(PlanStatus.SUBMITTED, PlanStatus.DRAFT, "plan.refused.withdraw", now);
	}

	void requestChanges(Instant now) {
		move(PlanStatus.SUBMITTED, PlanStatus.CHANGES_REQUESTED, "plan.refused.decision", now);
	}

	void reject(Instant now) {
		move(PlanStatus.SUBMITTED, PlanStatus.REJECTED, "plan.refused.decision", now);
	}

	void approve(Instant now) {
		move(PlanStatus.SUBMITTED, PlanStatus.APPROVED, "plan.refused.decision", now);
	}

	/** Invitations go out: only for an approved plan; the first wave moves it to INVITING. */
	void startInviting(Instant now) {
		if (!this.status.allowsInviting()) {
			throw new IllegalPlanChange("plan.refused.invite", this.status);
		}
		if (this.status == PlanStatus.APPROVED) {
			this.status = PlanStatus.INVITING;
			this.updatedAt = now;
		}
	}

	/**
	 * Moves an approved event to another time or place. The approvers signed off the event, not its
	 * logistics, so no new round starts and the revision stays.
	 * @return whether calendars must show the move, which raised the calendar sequence; a new RSVP
	 * deadline alone does not
	 */
	boolean reschedule(TimeAndPlace next, Instant now) {
		boolean calendars = checkReschedule(next, now);
		apply(movedTo(next), now);
		if (calendars) {
			this.calendarSequence++;
		}
		return calendars;
	}

	/**
	 * Whether the event may move so, without moving it, for the organisers to confirm first.
	 * @return whether calendars must show the move
	 * @throws IllegalPlanChange when the plan is not approved, nothing changed or the new start has passed
	 */
	boolean checkReschedule(TimeAndPlace next, Instant now) {
		if (!this.status.isReschedulable() || hasEnded(now)) {
			throw new IllegalPlanChange("plan.refused.reschedule", this.status);
		}
		TimeAndPlace before = timeAndPlace();
		if (next.equals(before)) {
			throw new IllegalPlanChange("plan.reschedule.unchanged", this.status);
		}
		if (!movedTo(next).startsAt().isAfter(now)) {
			throw new IllegalPlanChange("plan.reschedule.past", this.status);
		}
		return next.movesCalendarEntryFrom(before);
	}

	private PlanDetails movedTo(TimeAndPlace next) {
		ZoneId planZone = getZone();
		return details().movedTo(next.startsAt().atZone(planZone).toInstant(), next.endsAt().atZone(planZone).toInstant(),
				next.rsvpDeadline().atZone(planZone).toInstant(), next.venue(), next.onlineLink());
	}

	/** When and where, as the organisers see it: in the plan's zone. */
	TimeAndPlace timeAndPlace() {
		ZoneId planZone = getZone();
		return new TimeAndPlace(LocalDateTime.ofInstant(this.startsAt, planZone),
				LocalDateTime.ofInstant(this.endsAt, planZone), LocalDateTime.ofInstant(this.rsvpDeadline, planZone),
				this.venue, this.onlineLink);
	}

	/** Calls the event off; allowed in any state before it is held. */
	void cancel(Instant now) {
		if (this.status == PlanStatus.HELD || this.status == PlanStatus.CLOSED || this.status == PlanStatus.CANCELLED
				|| this.status == PlanStatus.REJECTED || hasEnded(now)) {
			throw new IllegalPlanChange("plan.refused.cancel", this.status);
		}
		this.status = PlanStatus.CANCELLED;
		this.updatedAt = now;
	}

	PlannedEvent toPlannedEvent() {
		return new PlannedEvent(this.id, this.revision, this.calendarSequence, this.status, this.title,
				this.kind.name(), this.purpose, this.startsAt, this.endsAt, getZone(), this.venue, this.onlineLink,
				this.capacity, this.rsvpDeadline, this.leadId, java.util.List.copyOf(this.coOrganiserIds));
	}

	/**
	 * Whether the plan may be deleted: only a draft never sent for approval. Once approvers have seen a plan,
	 * it stays on record and can only be cancelled.
	 */
	public boolean isDeletable() {
		return this.status == PlanStatus.DRAFT && this.firstSubmittedAt == null;
	}

	void requireDeletable() {
		if (!isDeletable()) {
			throw new IllegalPlanChange("plan.refused.delete", this.status);
		}
	}

	/** Preparation tasks are added, changed and deleted while the event is being prepared, not once it ended. */
	void requirePreparation() {
		if (!this.status.isPreparing()) {
			throw new IllegalPlanChange("plan.refused.tasks", this.status);
		}
	}

	boolean isOrganisedBy(long employeeId) {
		return this.leadId == employeeId || this.coOrganiserIds.contains(employeeId);
	}

	private void move(PlanStatus from, PlanStatus to, String refusal, Instant now) {
		if (this.status != from) {
			throw new IllegalPlanChange(refusal, this.status);
		}
		this.status = to;
		this.updatedAt = now;
	}

	private void requireEditable(String refusal) {
		if (!this.status.isEditable()) {
			throw new IllegalPlanChange(refusal, this.status);
		}
	}

	private void apply(PlanDetails details, Instant now) {
		this.title = details.title();
		this.kind = details.kind();
		this.purpose = details.purpose();
		this.audience = details.audience();
		this.startsAt = details.startsAt();
		this.endsAt = details.endsAt();
		this.zone = details.zone().getId();
		this.venue = details.venue();
		this.onlineLink = details.onlineLink();
		this.capacity = details.capacity();
		this.rsvpDeadline = details.rsvpDeadline();
		this.budgetYen = details.budgetYen();
		this.guestsAllowed = details.guestsAllowed();
		this.approverNote = details.approverNote();
		this.updatedAt = now;
	}

	PlanDetails details() {
		return new PlanDetails(this.title, this.kind, this.purpose, this.audience, this.startsAt, this.endsAt, getZone(),
				this.venue, this.onlineLink, this.capacity, this.rsvpDeadline, this.budgetYen, this.guestsAllowed,
				this.approverNote);
	}

	public Long getId() {
		return this.id;
	}

	public int getRevision() {
		return this.revision;
	}

	public int getCalendarSequence() {
		return this.calendarSequence;
	}

	public PlanStatus getStatus() {
		return this.status;
	}

	public String getTitle() {
		return this.title;
	}

	public PlanKind getKind() {
		return this.kind;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public String getAudience() {
		return this.audience;
	}

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public Instant getEndsAt() {
		return this.endsAt;
	}

	public ZoneId getZone() {
		return ZoneId.of(this.zone);
	}

	public String getVenue() {
		return this.venue;
	}

	public String getOnlineLink() {
		return this.onlineLink;
	}

	public int getCapacity() {
		return this.capacity;
	}

	public Instant getRsvpDeadline() {
		return this.rsvpDeadline;
	}

	public Long getBudgetYen() {
		return this.budgetYen;
	}

	public boolean isGuestsAllowed() {
		return this.guestsAllowed;
	}

	public String getApproverNote() {
		return this.approverNote;
	}

	public long getLeadId() {
		return this.leadId;
	}

	public Long getCopiedFromId() {
		return this.copiedFromId;
	}

	public Long getSeriesId() {
		return this.seriesId;
	}

	public Integer getEdition() {
		return this.edition;
	}

	public boolean isDateToPick() {
		return this.dateToPick;
	}

	public Set<Long> getCoOrganiserIds() {
		return Collections.unmodifiableSet(this.coOrganiserIds);
	}

	public Set<Long> getProposedCoOrganiserIds() {
		return Collections.unmodifiableSet(this.proposedCoOrganiserIds);
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
