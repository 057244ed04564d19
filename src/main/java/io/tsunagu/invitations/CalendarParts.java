package io.tsunagu.invitations;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailAttachment;
import io.tsunagu.planning.PlannedEvent;

/**
 * The calendar part of each mail to an invitee, all under the event's one UID: the invitation and each
 * change of time or place at the event's current sequence, the cancellation one after it.
 */
@Component
class CalendarParts {

	private final String domain;

	CalendarParts(@Value("${tsunagu.base-url}") String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		this.domain = host == null ? "tsunagu.invalid" : host;
	}

	/** {@code METHOD:REQUEST}: the invitation, or the update that replaces it after a change. */
	MailAttachment request(PlannedEvent event, EmployeeRef organiser, EmployeeRef invitee) {
		String calendar = CalendarInvitation.request(entry(event, organiser, event.calendarSequence()), this.domain,
				invitee.name(), invitee.email());
		return new MailAttachment("invitation.ics", "text/calendar; charset=UTF-8; method=REQUEST",
				calendar.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code METHOD:CANCEL}, after the last request the invitee had. */
	MailAttachment cancel(PlannedEvent event, EmployeeRef organiser, EmployeeRef invitee) {
		String calendar = CalendarInvitation.cancel(entry(event, organiser, event.calendarSequence() + 1), this.domain,
				invitee.name(), invitee.email());
		return new MailAttachment("cancellation.ics", "text/calendar; charset=UTF-8; method=CANCEL",
				calendar.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code METHOD:PUBLISH}: the event at its current sequence, for a calendar to import. */
	String download(PlannedEvent event, EmployeeRef organiser) {
		return CalendarInvitation.publish(entry(event, organiser, event.calendarSequence()), this.domain);
	}

	private static CalendarInvitation.Event entry(PlannedEvent event, EmployeeRef organiser, int sequence) {
		return new CalendarInvitation.Event(event.id(), event.title(), event.purpose(),
				event.startsAt().atZone(event.zone()), event.endsAt().atZone(event.zone()),
				event.venue() != null ? event.venue() : event.onlineLink(), null, sequence, organiser.name(),
				organiser.email());
	}

}
