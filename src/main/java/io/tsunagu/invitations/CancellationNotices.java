package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
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
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * When an event is called off, everyone invited who has not declined gets a mail with a calendar
 * cancellation ({@code METHOD:CANCEL}, same UID), so the entry leaves their calendar too.
 */
@Component
class CancellationNotices {

	// The invitation went out at SEQUENCE 0; a cancellation must come after it.
	static final int CANCEL_SEQUENCE = 1;

	private final Invitations invitations;

	private final Plans plans;

	private final Directory directory;

	private final Outbox outbox;

	private final String calendarDomain;

	private final ZoneId inviteeZone;

	CancellationNotices(Invitations invitations, Plans plans, Directory directory, Outbox outbox,
			@Value("${tsunagu.base-url}") String baseUrl, @Value("${tsunagu.zone}") ZoneId inviteeZone) {
		this.invitations = invitations;
		this.plans = plans;
		this.directory = directory;
		this.outbox = outbox;
		String host = java.net.URI.create(baseUrl).getHost();
		this.calendarDomain = host == null ? "tsunagu.invalid" : host;
		this.inviteeZone = inviteeZone;
	}

	@EventListener
	void on(PlanCancelled cancelled) {
		PlannedEvent event = this.plans.event(cancelled.planId()).orElseThrow();
		List<Invitation> expected = this.invitations.findByPlanIdOrderById(event.id())
			.stream()
			.filter(Invitation::isSent)
			.filter(invitation -> invitation.getAnswer() != Answer.DECLINED)
			.toList();
		if (expected.isEmpty()) {
			return;
		}
		EmployeeRef lead = this.directory.findById(event.leadId()).orElseThrow();
		Map<Long, EmployeeRef> people = this.directory
			.findAllById(expected.stream().map(Invitation::getEmployeeId).toList());
		for (Invitation invitation : expected) {
			EmployeeRef invitee = people.get(invitation.getEmployeeId());
			if (invitee == null) {
				continue;
			}
			String calendar = CalendarInvitation.cancel(new CalendarInvitation.Event(event.id(), event.title(),
					event.purpose(), event.startsAt().atZone(event.zone()), event.endsAt().atZone(event.zone()),
					event.venue() != null ? event.venue() : event.onlineLink(), null, CANCEL_SEQUENCE, lead.name(),
					lead.email()), this.calendarDomain, invitee.name(), invitee.email());
			this.outbox.queue(MailRequest
				.of(invitee.email(), invitee.name(), invitee.locale(), "event-cancelled",
						Map.of("planTitle", event.title(), "startsAt", event.startsAt().atZone(this.inviteeZone),
								"organiser", lead.name()),
						new Object[] { event.title() }, "event-cancelled-" + invitation.getId())
				.with(new MailAttachment("cancellation.ics", "text/calendar; charset=UTF-8; method=CANCEL",
						calendar.getBytes(StandardCharsets.UTF_8))));
		}
	}

}
