package io.tsunagu.invitations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlannedEvent;

/**
 * Turns an answer into a seat or a place on the waitlist, and fills freed seats from the waitlist in
 * order, in the caller's transaction. The people concerned are told by mail, the organisers in their
 * next digest of declines with a note and promotions.
 */
@Component
class Waitlist {

	private final Seats seats;

	private final Invitations invitations;

	private final Directory directory;

	private final Outbox outbox;

	private final AnswerLinks links;

	private final OrganiserDigests digests;

	private final Clock clock;

	Waitlist(Seats seats, Invitations invitations, Directory directory, Outbox outbox, AnswerLinks links,
			OrganiserDigests digests, Clock clock) {
		this.links = links;
		this.digests = digests;
		this.seats = seats;
		this.invitations = invitations;
		this.directory = directory;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Records the answer; Attend takes a seat if one is free and joins the waitlist otherwise. */
	Answer answer(Invitation invitation, PlannedEvent event, Answer choice, String note) {
		Instant now = this.clock.instant();
		invitation.requireAnswerable(event, now);
		Answer before = invitation.getAnswer();
		String noteBefore = invitation.getNote();
		Answer outcome = choice;
		if (choice == Answer.ATTENDING && before != Answer.ATTENDING) {
			outcome = this.seats.take(event.id()) ? Answer.ATTENDING : Answer.WAITLISTED;
		}
		invitation.answer(outcome, note, event, now);
		if (outcome == Answer.DECLINED && invitation.getNote() != null
				&& (before != Answer.DECLINED || !invitation.getNote().equals(noteBefore))) {
			this.digests.record(invitation, OrganiserDigests.Kind.DECLINED);
		}
		if (outcome == Answer.WAITLISTED && before != Answer.WAITLISTED) {
			tell(invitation, event, "rsvp-waitlisted");
		}
		if (before == Answer.ATTENDING && outcome == Answer.DECLINED) {
			this.seats.release(event.id());
			promote(event);
		}
		return outcome;
	}

	/** Gives every free seat to the people waiting, first come first served. */
	List<Invitation> promote(PlannedEvent event) {
		List<Invitation> promoted = new ArrayList<>();
		while (true) {
			Optional<Long> next = this.seats.firstWaiting(event.id());
			if (next.isEmpty() || !this.seats.take(event.id())) {
				return promoted;
			}
			Invitation invitation = this.invitations.findById(next.get()).orElseThrow();
			invitation.promote();
			// The next look at the waitlist is plain SQL: it must see this promotion.
			this.invitations.flush();
			tell(invitation, event, "rsvp-promoted");
			this.digests.record(invitation, OrganiserDigests.Kind.PROMOTED);
			promoted.add(invitation);
		}
	}

	private void tell(Invitation invitation, PlannedEvent event, String kind) {
		EmployeeRef invitee = this.directory.findById(invitation.getEmployeeId()).orElse(null);
		if (invitee == null) {
			return;
		}
		Map<String, Object> model = new HashMap<>(this.links.forMail(invitation, invitee));
		model.putAll(Map.of("planTitle", event.title(), "startsAt", event.startsAt().atZone(event.zone()), "endsAt",
				event.endsAt().atZone(event.zone())));
		this.outbox.queue(MailRequest.of(invitee.email(), invitee.name(), invitee.locale(), kind, model,
				new Object[] { event.title() }, kind + "-" + invitation.getId() + "-" + this.clock.millis()));
	}

}
