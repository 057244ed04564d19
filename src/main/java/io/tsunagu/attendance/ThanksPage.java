package io.tsunagu.attendance;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * The thank-you page: the event, whether it is over, each person who prepared it with what they did and
 * the thank-you sent or being written, how many came, and the note sent to them, if any.
 */
record ThanksPage(PlannedEvent event, boolean over, List<Row> team, long came, NoteSent note) {

	/** Someone who prepared the event: an organiser, or a helper with their tasks. */
	record Row(EmployeeRef person, boolean organiser, List<String> tasks, Sent sent, String draft, List<Note> notes) {
	}

	record Sent(String message, Instant at) {
	}

	/** A finding of the message check, as the invitations page shows it. */
	record Note(String kind, String otherName, int percent) {
	}

	record NoteSent(String message, ZonedDateTime at, long recipients) {
	}

	public boolean anyToWrite() {
		return this.team.stream().anyMatch(row -> row.sent() == null);
	}

}
