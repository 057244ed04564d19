package io.tsunagu.invitations;

import java.util.Optional;

import io.tsunagu.planning.PlannedEvent;

/**
 * The personal check-in code of an attending invitee, shown on the answer page and in the reminder the
 * day before. The attendance module issues it; the invitations only show it.
 */
public interface CheckInPasses {

	/**
	 * A new check-in code for this person at this event, for an invitee who attends; empty once the event
	 * takes no more check-ins (cancelled, or its check-in has closed).
	 */
	Optional<CheckInPass> issue(long planId, long employeeId);

	/**
	 * The check-in code of one answer link, for the answer page: derived from the link, so every view of the
	 * page shows the same code, stores it once and draws it once; empty as for {@link #issue}.
	 */
	Optional<CheckInPass> forAnswerLink(PlannedEvent event, long employeeId, LinkSecret answerLink);

	/** The link the QR code holds, and the code drawn, when asked, as an SVG for a page or a PNG for a mail. */
	interface CheckInPass {

		String link();

		String svg();

		byte[] png();

	}

}
