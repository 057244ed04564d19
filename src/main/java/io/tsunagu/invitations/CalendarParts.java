package io.tsunagu.invitations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.EventDates;
import io.tsunagu.mail.MailAttachment;
import io.tsunagu.planning.PlannedEvent;

/**
 * The calendar part of each mail to an invitee, all under the event's one UID: the invitation and each
 * change of time or place at the event's current sequence, the cancellation one after it. The entry's
 * description says, in the invitee's language, that the answer is given by their own link.
 */
@Component
class CalendarParts {

	private final String baseUrl;

	private final String domain;

	private final String sender;

	private final MessageSource messages;

	private final EventDates dates;

	CalendarParts(@Value("${tsunagu.base-url}") String baseUrl, @Value("${tsunagu.mail.from}") String from,
			MessageSource messages, EventDates dates) throws AddressException {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		String host = URI.create(baseUrl).getHost();
		this.domain = host == null ? "tsunagu.invalid" : host;
		this.sender = new InternetAddress(from).getAddress();
		this.messages = messages;
		this.dates = dates;
	}

	/**
	 * {@code METHOD:REQUEST}: the invitation, or the update that replaces it after a change, with the answer
	 * link that {@code token} will open.
	 */
	MailAttachment request(PlannedEvent event, EmployeeRef organiser, EmployeeRef invitee, RsvpToken token) {
		String link = this.baseUrl + "/rsvp/" + token.value() + "?lang=" + invitee.locale().getLanguage();
		String description = Stream
			.of(this.dates.in(invitee.locale())
				.range(event.startsAt().atZone(event.zone()), event.endsAt().atZone(event.zone())), event.purpose(),
					this.messages.getMessage("invitations.calendar.answerByLink", new Object[] { link },
							invitee.locale()))
			.filter(part -> part != null && !part.isBlank())
			.collect(Collectors.joining("\n\n"));
		String calendar = CalendarInvitation.request(entry(event, organiser, description, link, event.calendarSequence()),
				this.domain, invitee.name(), invitee.email());
		return new MailAttachment("invitation.ics", "text/calendar; charset=UTF-8; method=REQUEST",
				calendar.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code METHOD:CANCEL}, after the last request the invitee had. */
	MailAttachment cancel(PlannedEvent event, EmployeeRef organiser, EmployeeRef invitee) {
		String calendar = CalendarInvitation.cancel(
				entry(event, organiser, event.purpose(), null, event.calendarSequence() + 1), this.domain,
				invitee.name(), invitee.email());
		return new MailAttachment("cancellation.ics", "text/calendar; charset=UTF-8; method=CANCEL",
				calendar.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code METHOD:PUBLISH}: the event at its current sequence, for a calendar to import. */
	String download(PlannedEvent event, EmployeeRef organiser) {
		return CalendarInvitation.publish(entry(event, organiser, event.purpose(), null, event.calendarSequence()),
				this.domain);
	}

	private CalendarInvitation.Event entry(PlannedEvent event, EmployeeRef organiser, String description, String url,
			int sequence) {
		return new CalendarInvitation.Event(event.id(), event.title(), description,
				event.startsAt().atZone(event.zone()), event.endsAt().atZone(event.zone()),
				event.venue() != null ? event.venue() : event.onlineLink(), url, sequence, organiser.name(),
				this.sender);
	}

}
