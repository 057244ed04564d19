package io.tsunagu.invitations;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailAttachment;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.planning.PlannedEvent;

/**
 * The mail that invites someone, personally or by an announcement: the message, the event, an answer
 * link of its own and a calendar request, queued in the wave's batch so that its sending can be followed.
 */
@Component
class InvitationMails {

	private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);

	private final CalendarParts calendars;

	private final AnswerLinks links;

	private final ZoneId inviteeZone;

	// The directory keeps no zone per person, so invitees read times in the company's zone.
	InvitationMails(CalendarParts calendars, AnswerLinks links, @Value("${tsunagu.zone}") ZoneId zone) {
		this.calendars = calendars;
		this.links = links;
		this.inviteeZone = zone;
	}

	/**
	 * A mail of this kind about the event, with the answer link and a calendar request; {@code more} adds to
	 * the model. Everything that depends on the invitee's data is built before the link is issued, so a
	 * refusal leaves nothing behind.
	 * @throws CannotReach when the invitee's address or data cannot go into a mail
	 */
	MailRequest invitation(String kind, Map<String, Object> more, PlannedEvent event, InvitationWave wave,
			List<EmployeeRef> organisers, Invitation invitation, EmployeeRef invitee) {
		requireMailable(invitee.email());
		EmployeeRef lead = organisers.isEmpty() ? invitee : organisers.get(0);
		RsvpToken token = RsvpToken.generate();
		MailAttachment calendar;
		Map<String, Object> model;
		try {
			calendar = this.calendars.request(event, lead, invitee, token);
			model = EventFacts.model(event, organisers, this.inviteeZone);
		}
		catch (RuntimeException ex) {
			log.warn("Invitation {} cannot be put into a mail: {}", invitation.getId(), ex.toString());
			throw new CannotReach("invitations.unreachable.data");
		}
		model.putAll(more);
		model.put("message", invitation.getMessage());
		model.putAll(this.links.forMail(invitation, invitee, token));
		return MailRequest
			.of(invitee.email(), invitee.name(), invitee.locale(), kind, model,
					new Object[] { lead.name(), event.title() }, kind + "-" + invitation.getId())
			.with(calendar)
			.inBatch(wave.mailBatch());
	}

	/** An address a mail can be sent to, as the sender will parse it (RFC 822, strictly). */
	private static void requireMailable(String email) {
		try {
			if (email == null || email.isBlank()) {
				throw new AddressException("No address");
			}
			new InternetAddress(email, true).validate();
		}
		catch (AddressException ex) {
			throw new CannotReach("invitations.unreachable.address");
		}
	}

	/** Why one invitee cannot be sent their invitation, as a message key; the rest of the wave goes out. */
	static final class CannotReach extends RuntimeException {

		private final String reason;

		CannotReach(String reason) {
			super(reason, null, false, false);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
