package io.tsunagu.invitations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tsunagu.planning.PlannedEvent;

/**
 * The reminders of one event, as its organisers chose them: to those who have not answered, some days
 * before the RSVP deadline; to those attending, the day before the event. Both are on unless switched off.
 */
@Entity
@Table(name = "event_reminders")
class ReminderSchedule {

	static final int MIN_DAYS = 1;

	static final int MAX_DAYS = 14;

	/** The attendees' reminder goes out at noon the day before, in the event's zone. */
	static final LocalTime EVE_AT = LocalTime.NOON;

	@Id
	private Long planId;

	private boolean pendingEnabled;

	private int pendingDays;

	private boolean attendingEnabled;

	protected ReminderSchedule() {
	}

	private ReminderSchedule(long planId, boolean pendingEnabled, int pendingDays, boolean attendingEnabled) {
		this.planId = planId;
		choose(pendingEnabled, pendingDays, attendingEnabled);
	}

	/** Both reminders, the pending one {@code days} before the deadline. */
	static ReminderSchedule standard(long planId, int days) {
		return new ReminderSchedule(planId, true, days, true);
	}

	/** @throws InvitationRefused when the number of days is out of range */
	void choose(boolean pending, int days, boolean attending) {
		if (days < MIN_DAYS || days > MAX_DAYS) {
			throw new InvitationRefused("invitations.reminders.refused.days");
		}
		this.pendingEnabled = pending;
		this.pendingDays = days;
		this.attendingEnabled = attending;
	}

	/** When those who have not answered are reminded, unless switched off. */
	Optional<Instant> pendingDue(PlannedEvent event) {
		return this.pendingEnabled ? Optional.of(event.rsvpDeadline().minus(Duration.ofDays(this.pendingDays)))
				: Optional.empty();
	}

	/** When attendees are reminded, unless switched off. */
	Optional<Instant> attendingDue(PlannedEvent event) {
		return this.attendingEnabled ? Optional.of(event.startsAt()
			.atZone(event.zone())
			.toLocalDate()
			.minusDays(1)
			.atTime(EVE_AT)
			.atZone(event.zone())
			.toInstant()) : Optional.empty();
	}

	public boolean isPendingEnabled() {
		return this.pendingEnabled;
	}

	public int getPendingDays() {
		return this.pendingDays;
	}

	public boolean isAttendingEnabled() {
		return this.attendingEnabled;
	}

}
