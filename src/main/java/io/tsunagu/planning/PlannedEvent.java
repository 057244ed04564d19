package io.tsunagu.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What other modules know of an event plan: its state, what it is, when and where, and who organises it.
 * The calendar sequence counts the changes of time or place that calendars must be told of.
 */
public record PlannedEvent(long id, int revision, int calendarSequence, PlanStatus status, String title, String kind,
		String purpose, Instant startsAt, Instant endsAt, ZoneId zone, String venue, String onlineLink, int capacity,
		Instant rsvpDeadline, long leadId, List<Long> coOrganiserIds) {

	public PlannedEvent {
		coOrganiserIds = List.copyOf(coOrganiserIds);
	}

	public boolean isOrganisedBy(long employeeId) {
		return this.leadId == employeeId || this.coOrganiserIds.contains(employeeId);
	}

	/** The lead first, then the co-organisers. */
	public List<Long> organiserIds() {
		List<Long> ids = new java.util.ArrayList<>();
		ids.add(this.leadId);
		this.coOrganiserIds.stream().filter(id -> id != this.leadId).forEach(ids::add);
		return ids;
	}

	/** Whether answers may still change at this moment. */
	public boolean acceptsAnswersAt(Instant now) {
		return now.isBefore(this.rsvpDeadline);
	}

}
