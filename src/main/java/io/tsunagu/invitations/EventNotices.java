package io.tsunagu.invitations;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailAttachment;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlanCancelled;
import io.tsunagu.planning.PlanRescheduled;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * When an event moves or is called off, everyone invited who has not declined gets a mail with a
 * calendar part under the same UID: an update ({@code METHOD:REQUEST}, the new sequence) that moves the
 * entry in their calendar, or a cancellation ({@code METHOD:CANCEL}) that takes it out. A move reaches
 * those who declined too when the organisers chose so, and carries their reason. Both run in the
 * organiser's transaction.
 */
@Component
class EventNotices {

	private final Invitations invitations;

	private final Plans plans;

	private final Directory directory;

	private final Outbox outbox;

	private final CalendarParts calendars;

	private final AnswerLinks links;

	private final ZoneId inviteeZone;

	EventNotices(Invitations invitations, Plans plans, Directory directory, Outbox outbox, CalendarParts calendars,
			AnswerLinks links, @Value("${tsunagu.zone}") ZoneId inviteeZone) {
		this.links = links;
		this.invitations = invitations;
		this.plans = plans;
		this.directory = directory;
		this.outbox = outbox;
		this.calendars = calendars;
		this.inviteeZone = inviteeZone;
	}

	@EventListener
	void on(PlanCancelled cancelled) {
		tellEveryoneExpected(cancelled.planId(), false, (event, lead, invitation, invitee) -> MailRequest
			.of(invitee.email(), invitee.name(), invitee.locale(), "event-cancelled",
					EventFacts.model(event, List.of(lead), this.inviteeZone),
					new Object[] { event.title() }, "event-cancelled-" + invitation.getId())
			.with(this.calendars.cancel(event, lead, invitee)));
	}

	@EventListener
	void on(PlanRescheduled moved) {
		tellEveryoneExpected(moved.planId(), moved.alsoDeclined(), (event, lead, invitation, invitee) -> {
			Map<String, Object> model = EventFacts.model(event, List.of(lead), this.inviteeZone);
			model.put("previousStartsAt", moved.previousStartsAt().atZone(this.inviteeZone));
			model.put("previousEndsAt", moved.previousEndsAt().atZone(this.inviteeZone));
			model.put("timeChanged", !event.startsAt().equals(moved.previousStartsAt())
					|| !event.endsAt().equals(moved.previousEndsAt()));
			model.put("previousVenue", orEmpty(moved.previousVenue()));
			model.put("previousOnlineLink", orEmpty(moved.previousOnlineLink()));
			model.put("answer", invitation.getAnswer().name());
			model.put("reason", orEmpty(moved.reason()));
			// The new time may not suit: the mail lets them answer again, with a link of its own.
			RsvpToken token = RsvpToken.generate();
			MailAttachment calendar = this.calendars.request(event, lead, invitee, token);
			model.putAll(this.links.forMail(invitation, invitee, token));
			return MailRequest
				.of(invitee.email(), invitee.name(), invitee.locale(), "event-changed", model,
						new Object[] { event.title() }, "event-changed-" + invitation.getId() + "-" + moved.sequence())
				.with(calendar);
		});
	}

	private void tellEveryoneExpected(long planId, boolean alsoDeclined, Notice notice) {
		PlannedEvent event = this.plans.event(planId).orElseThrow();
		List<Invitation> expected = this.invitations.findByPlanIdOrderById(planId)
			.stream()
			.filter(Invitation::isSent)
			.filter(invitation -> alsoDeclined || invitation.getAnswer() != Answer.DECLINED)
			.toList();
		if (expected.isEmpty()) {
			return;
		}
		EmployeeRef lead = this.directory.findById(event.leadId()).orElseThrow();
		Map<Long, EmployeeRef> people = this.directory
			.findAllById(expected.stream().map(Invitation::getEmployeeId).toList());
		for (Invitation invitation : expected) {
			EmployeeRef invitee = people.get(invitation.getEmployeeId());
			if (invitee != null) {
				this.outbox.queue(notice.mail(event, lead, invitation, invitee));
			}
		}
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	/** The mail one invitee gets. */
	private interface Notice {

		MailRequest mail(PlannedEvent event, EmployeeRef lead, Invitation invitation, EmployeeRef invitee);

	}

}
