package io.tsunagu.invitations;

import java.util.List;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * The organiser's invitations page: the event, the must-invite list being written with what the
 * check found in each message, the invitations sent, the people a search found, and how the mail of
 * each sent wave is going out.
 */
record WavePage(PlannedEvent event, List<EmployeeRef> organisers, List<DraftRow> drafts, Sent sent,
		String query, List<Match> matches, Seats.Count seats, List<WaveFunnel> funnel,
		List<WaveProgress> progress, Reminders reminders) {

	public boolean canInvite() {
		return this.event.status().allowsInviting();
	}

	/**
	 * The event's reminders, when each goes out, in the event's zone (null when switched off or past),
	 * and how many invitees each has reached so far.
	 */
	record Reminders(ReminderSchedule schedule, java.time.ZonedDateTime pendingDue,
			java.time.ZonedDateTime attendingDue, long pendingSent, long attendingSent) {
	}

	/**
	 * The invitations sent: the rows shown (those with the answer {@code shown}, or all when it is
	 * null), and how many have each answer.
	 */
	record Sent(List<SentRow> rows, java.util.Map<Answer, Long> answers, Answer shown) {

		public long total() {
			return this.answers.values().stream().mapToLong(Long::longValue).sum();
		}

		public Answer[] filters() {
			return Answer.values();
		}

		public long count(Answer answer) {
			return this.answers.getOrDefault(answer, 0L);
		}

	}

	/**
	 * Someone the search found, with what tells two people of one name apart: department, title and the
	 * year they joined.
	 */
	record Match(EmployeeRef person, DepartmentRef department) {
	}

	/** An invitation being written; {@code lastTime} for someone from the last edition, else null. */
	record DraftRow(Invitation invitation, EmployeeRef invitee, ReturningGuests.Guest lastTime, List<Note> notes) {
	}

	/** A finding of the message check: its kind, and for a near copy, whose message it resembles and how much (%). */
	record Note(String kind, String otherName, int percent) {
	}

	/**
	 * A sent invitation, with the invitee's department and the kind of wave that reached them;
	 * {@code suggestedReply} is the light reply offered for a decline, in the invitee's language.
	 */
	record SentRow(Invitation invitation, EmployeeRef invitee, DepartmentRef department, InvitationWave.Kind wave,
			String suggestedReply) {

		public boolean awaitsReply() {
			return this.invitation.getAnswer() == Answer.DECLINED && this.invitation.getDeclineRepliedAt() == null;
		}

	}

}
