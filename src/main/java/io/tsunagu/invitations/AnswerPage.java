package io.tsunagu.invitations;

import java.util.List;
import java.util.Locale;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * What the answer page shows the invitee: the personal message, the event, the current answer, how many
 * are coming and how many of them from the invitee's department, and whether the answer may still change.
 */
record AnswerPage(String token, String inviteeName, String message, PlannedEvent event, List<String> organisers,
		Answer answer, String note, Attendance attendance, DepartmentRef department, boolean open,
		Locale inviteeLocale) {

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

}
