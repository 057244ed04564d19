package io.tsunagu.invitations;

import java.util.List;
import java.util.Locale;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * What the answer page shows the invitee: the personal message, the event, the current answer (with the
 * place on the waitlist, 1 being next, or null), how many are coming and how many of them from the
 * invitee's department, the seats left and how many wait for one, and whether the answer may still change;
 * for an invitee who attends, the personal check-in code to show at the door (null for anyone else).
 */
record AnswerPage(String token, String inviteeName, String message, PlannedEvent event, List<String> organisers,
		Answer answer, String note, Attendance attendance, DepartmentRef department, boolean open,
		Locale inviteeLocale, Seats.Count seats, long waiting, Long waitlistPosition,
		CheckInPasses.CheckInPass checkIn) {

	public long attending() {
		return this.attendance.total();
	}

	/** How many of those attending are from the invitee's department; the department may be unknown (null). */
	public long attendingFromDepartment() {
		return this.department == null ? 0 : this.attendance.from(this.department.code());
	}

	/** Who the message is from: the lead organiser. */
	public String from() {
		return this.organisers.isEmpty() ? "" : this.organisers.get(0);
	}

	public boolean isAnswered() {
		return this.answer.isAnswered();
	}

	/** Whether Attend would put the invitee on the waitlist: the event is full and they hold no seat. */
	public boolean isFullForMe() {
		return this.answer != Answer.ATTENDING && this.answer != Answer.WAITLISTED && this.seats.isFull();
	}

	/** Whether to say how few seats are left to someone who could still take one. */
	public boolean isFewLeftForMe() {
		return this.answer != Answer.ATTENDING && this.answer != Answer.WAITLISTED && this.seats.isFew();
	}

}
