package io.tsunagu.invitations;

import java.util.List;
import java.util.Locale;

import io.tsunagu.planning.PlannedEvent;

/**
 * What the answer page shows the invitee: the personal message, the event, the current answer, how many
 * are coming, and whether the answer may still change.
 */
record AnswerPage(String token, String inviteeName, String message, PlannedEvent event, List<String> organisers,
		Answer answer, String note, long attending, boolean open, Locale inviteeLocale) {

	/** Who the message is from: the lead organiser. */
	public String from() {
		return this.organisers.isEmpty() ? "" : this.organisers.get(0);
	}

	public boolean isAnswered() {
		return this.answer.isAnswered();
	}

}
