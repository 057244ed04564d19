package io.tsunagu.invitations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailAttachment;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Reminds, once each: those who have not answered, some days before the RSVP deadline; those attending,
 * the day before the event. Each invitation is claimed with one conditional update
 * ({@code … WHERE reminded_at IS NULL OR reminded_at < due - 1 day}), so that two runs, on one instance
 * or several, never both remind it; the mail's dedupe key (invitation and moment) would refuse a second
 * copy anyway. An event or deadline moved a day or more later is reminded of again; one moved by
 * hours is not. Each event's reminders are a transaction of their own: one that fails holds up no other.
 * The reminder the day before carries the attendee's personal check-in code, a PNG the HTML shows by its
 * Content-ID.
 */
@Component
class InvitationReminders {

	private static final Logger log = LoggerFactory.getLogger(InvitationReminders.class);

	private static final String ATTENDING_REMINDER = "event-tomorrow";

	private final Plans plans;

	private final ReminderSchedules schedules;

	private final Invitations invitations;

	private final AnswerLinks links;

	private final Directory directory;

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId inviteeZone;

	private final int defaultDays;

	private final TransactionTemplate transaction;

	private final CheckInPasses checkInPasses;

	InvitationReminders(Plans plans, ReminderSchedules schedules, Invitations invitations, AnswerLinks links,
			Directory directory, Outbox outbox, JdbcClient jdbc, Clock clock, @Value("${tsunagu.zone}") ZoneId zone,
			@Value("${tsunagu.invitations.reminder-days-before-deadline:2}") int defaultDays,
			PlatformTransactionManager transactions, CheckInPasses checkInPasses) {
		this.transaction = new TransactionTemplate(transactions);
		this.checkInPasses = checkInPasses;
		this.plans = plans;
		this.schedules = schedules;
		this.invitations = invitations;
		this.links = links;
		this.directory = directory;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
		this.inviteeZone = zone;
		this.defaultDays = defaultDays;
	}

	/** The event's reminders as its organisers chose them, or both with the default timing. */
	ReminderSchedule scheduleOf(long planId) {
		return this.schedules.findById(planId).orElseGet(() -> ReminderSchedule.standard(planId, this.defaultDays));
	}

	/** Queues the reminders that are due; returns how many. */
	@Scheduled(initialDelayString = "${tsunagu.invitations.reminder-check-delay:PT5M}",
			fixedDelayString = "${tsunagu.invitations.reminder-check-interval:PT10M}")
	public int remindDue() {
		Instant now = this.clock.instant();
		int queued = 0;
		for (PlannedEvent event : this.plans.upcomingInviting()) {
			try {
				queued += this.transaction.execute(status -> remindDue(event, now));
			}
			catch (RuntimeException ex) {
				log.error("Could not remind the invitees of plan {}; trying again at the next check", event.id(), ex);
			}
		}
		if (queued > 0) {
			log.info("Queued {} invitation reminders", queued);
		}
		return queued;
	}

	private int remindDue(PlannedEvent event, Instant now) {
		int queued = 0;
		ReminderSchedule schedule = scheduleOf(event.id());
		Instant pendingDue = schedule.pendingDue(event).orElse(null);
		if (pendingDue != null && !now.isBefore(pendingDue) && event.acceptsAnswersAt(now)) {
			// Someone invited after the reminder's moment has just had the invitation: no reminder.
			queued += remind(event, claim("""
					UPDATE invitations SET pending_reminded_at = :now
					WHERE plan_id = :plan AND answer = 'PENDING' AND sent_at < :due
					  AND (pending_reminded_at IS NULL OR pending_reminded_at < CAST(:due AS timestamptz) - interval '1 day')
					RETURNING id""", event, pendingDue, now), "rsvp-reminder", pendingDue);
		}
		Instant attendingDue = schedule.attendingDue(event).orElse(null);
		if (attendingDue != null && !now.isBefore(attendingDue)) {
			queued += remind(event, claim("""
					UPDATE invitations SET eve_reminded_at = :now
					WHERE plan_id = :plan AND answer = 'ATTENDING'
					  AND (eve_reminded_at IS NULL OR eve_reminded_at < CAST(:due AS timestamptz) - interval '1 day')
					RETURNING id""", event, attendingDue, now), ATTENDING_REMINDER, attendingDue);
		}
		return queued;
	}

	private List<Long> claim(String update, PlannedEvent event, Instant due, Instant now) {
		return this.jdbc.sql(update)
			.param("now", Timestamp.from(now))
			.param("plan", event.id())
			.param("due", Timestamp.from(due))
			.query(Long.class)
			.list();
	}

	/** The attendee's check-in code as a part of the mail, or null once the event takes no more check-ins. */
	private MailAttachment checkInCode(PlannedEvent event, Invitation invitation) {
		return this.checkInPasses.issue(event.id(), invitation.getEmployeeId())
			.map(pass -> MailAttachment.inline("check-in-" + invitation.getId() + "@tsunagu", "check-in.png",
					"image/png", pass.png()))
			.orElse(null);
	}

	private int remind(PlannedEvent event, List<Long> claimed, String kind, Instant due) {
		if (claimed.isEmpty()) {
			return 0;
		}
		List<Invitation> reminded = this.invitations.findAllById(claimed);
		Map<Long, EmployeeRef> people = this.directory.findAllById(java.util.stream.Stream
			.concat(reminded.stream().map(Invitation::getEmployeeId), event.organiserIds().stream())
			.toList());
		List<EmployeeRef> organisers = OrganisedEvents.organisers(event, people);
		// Someone who left the org chart since they were invited is reminded of nothing.
		java.util.Set<Long> active = this.directory.activeAmong(reminded.stream().map(Invitation::getEmployeeId).toList());
		int queued = 0;
		for (Invitation invitation : reminded) {
			EmployeeRef invitee = people.get(invitation.getEmployeeId());
			if (invitee == null || !active.contains(invitee.id())) {
				continue;
			}
			Map<String, Object> model = EventFacts.model(event, organisers, this.inviteeZone);
			model.putAll(this.links.forMail(invitation, invitee));
			MailAttachment checkInCode = ATTENDING_REMINDER.equals(kind) ? checkInCode(event, invitation) : null;
			if (checkInCode != null) {
				model.put("checkInImage", "cid:" + checkInCode.contentId());
			}
			MailRequest request = MailRequest.of(invitee.email(), invitee.name(), invitee.locale(), kind, model,
					new Object[] { event.title() }, kind + "-" + invitation.getId() + "-" + due.getEpochSecond());
			if (this.outbox.queue(checkInCode == null ? request : request.with(checkInCode)).isPresent()) {
				queued++;
			}
		}
		return queued;
	}

}
