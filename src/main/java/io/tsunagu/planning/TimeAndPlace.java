package io.tsunagu.planning;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When and where an event takes place: start, end and RSVP deadline as wall-clock times in the plan's
 * zone, and the venue and online link (blank means none).
 */
record TimeAndPlace(LocalDateTime startsAt, LocalDateTime endsAt, LocalDateTime rsvpDeadline, String venue,
		String onlineLink) {

	TimeAndPlace {
		venue = venue == null || venue.isBlank() ? null : venue.strip();
		onlineLink = onlineLink == null || onlineLink.isBlank() ? null : onlineLink.strip();
	}

	/** Whether calendars must hear of the move: the RSVP deadline is not in them. */
	boolean movesCalendarEntryFrom(TimeAndPlace before) {
		return !Objects.equals(this.startsAt, before.startsAt) || !Objects.equals(this.endsAt, before.endsAt)
				|| !Objects.equals(this.venue, before.venue) || !Objects.equals(this.onlineLink, before.onlineLink);
	}

	/** What changed, old and new, for the audit log. */
	String changesFrom(TimeAndPlace before) {
		List<String> changes = new ArrayList<>();
		change(changes, "start", before.startsAt, this.startsAt);
		change(changes, "end", before.endsAt, this.endsAt);
		change(changes, "RSVP deadline", before.rsvpDeadline, this.rsvpDeadline);
		change(changes, "venue", before.venue, this.venue);
		change(changes, "online link", before.onlineLink, this.onlineLink);
		return String.join("; ", changes);
	}

	private static void change(List<String> changes, String what, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(what + ": " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after));
		}
	}

}
