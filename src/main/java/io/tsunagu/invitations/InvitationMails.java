package io.tsunagu.invitations;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.planning.PlannedEvent;

/**
 * The mail that invites someone, personally or by an announcement: the message, the event, an answer
 * link of its own and a calendar request, queued in the wave's batch so that its sending can be followed.
 */
@Component
class InvitationMails {

	private final CalendarParts calendars;

	private final AnswerLinks links;

	private final ZoneId inviteeZone;

	// The directory keeps no zone per person, so invitees read times in the company's zone.
	InvitationMails(CalendarParts calendars, AnswerLinks links, @Value("${tsunagu.zone}") ZoneId zone) {
		this.calendars = calendars;
		this.links = links;
		this.inviteeZone = zone;
	}

	/** A mail of this kind about the event, with the answer link and a calendar request; {@code more} adds to the model. */
	MailRequest invitation(String kind, Map<String, Object> more, PlannedEvent event, InvitationWave wave,
			List<EmployeeRef> organisers, Invitation invitation, EmployeeRef invitee) {
		Map<String, Object> model = EventFacts.model(event, organisers, this.inviteeZone);
		model.putAll(more);
		model.put("message", invitation.getMessage());
		model.putAll(this.links.forMail(invitation, invitee));
		EmployeeRef lead = organisers.isEmpty() ? invitee : organisers.get(0);
		return MailRequest
			.of(invitee.email(), invitee.name(), invitee.locale(), kind, model,
					new Object[] { lead.name(), event.title() }, kind + "-" + invitation.getId())
			.with(this.calendars.request(event, lead, invitee))
			.inBatch(wave.mailBatch());
	}

}
