package io.tsunagu.invitations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Only for the demo company's events: a personal wave written and sent as on the invitations page, and
 * answers given as on the answer page, in the caller's transaction; and a finished event's invitations
 * moved back with it.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class DemoInvitations {

	private final InvitationWaves waves;

	private final Invitations invitations;

	private final Waitlist waitlist;

	private final Plans plans;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoInvitations(InvitationWaves waves, Invitations invitations, Waitlist waitlist, Plans plans, Directory directory,
			JdbcClient jdbc, Clock clock) {
		this.waves = waves;
		this.invitations = invitations;
		this.waitlist = waitlist;
		this.plans = plans;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The organiser adds each person to the must-invite list, writes their message and sends the wave.
	 * @param messages each invitee's personal message, by employee id, in the order they are added
	 * @throws IllegalStateException when the invitations page would point a message out (a near copy, too
	 * short, not naming the person): the demo shows personal messages as they should be
	 */
	public void sendPersonalWave(long planId, String organiserEmail, Map<Long, String> messages) {
		EmployeeRef organiser = this.directory.findByEmail(organiserEmail).orElseThrow();
		for (long employeeId : messages.keySet()) {
			this.waves.add(planId, organiser.id(), organiser.email(), employeeId);
		}
		Map<Long, Invitation> added = invitationsOf(planId);
		Map<Long, EmployeeRef> people = this.directory.findAllById(messages.keySet());
		List<MessageCheck.Finding> findings = MessageCheck.check(messages.entrySet()
			.stream()
			.map(message -> new MessageCheck.Draft(String.valueOf(message.getKey()), people.get(message.getKey()).name(),
					message.getValue()))
			.toList());
		if (!findings.isEmpty()) {
			throw new IllegalStateException("A demo invitation would be pointed out: " + findings);
		}
		messages.forEach((employeeId, text) -> this.waves.write(planId, added.get(employeeId).getId(), organiser.id(), text));
		this.waves.send(planId, organiser.id(), organiser.email());
	}

	/** The invitees answer from their links, Attend taking a seat while there is one and the waitlist after. */
	public void answer(long planId, List<Long> attending, List<Long> declining) {
		PlannedEvent event = this.plans.event(planId).orElseThrow();
		Map<Long, Invitation> invited = invitationsOf(planId);
		attending.forEach(id -> this.waitlist.answer(invited.get(id), event, Answer.ATTENDING, null));
		declining.forEach(id -> this.waitlist.answer(invited.get(id), event, Answer.DECLINED, null));
		// After the answers, as the answer page records its first look in a transaction before them.
		invited.values()
			.stream()
			.filter(invitation -> invitation.getAnsweredAt() != null)
			.forEach(invitation -> this.invitations.markOpened(invitation.getId(), this.clock.instant()));
	}

	/** No reminders: the demo's events are seeded hours before they start, or are over. */
	public void noReminders(long planId, String organiserEmail) {
		EmployeeRef organiser = this.directory.findByEmail(organiserEmail).orElseThrow();
		this.waves.chooseReminders(planId, organiser.id(), organiser.email(), false, 2, false);
	}

	/** Moves the event's waves, invitations and answers back by {@code history}. */
	public void moveIntoThePast(long planId, Duration history) {
		this.invitations.flush();
		double seconds = history.toMillis() / 1000.0;
		this.jdbc.sql("""
				UPDATE invitation_waves SET created_at = created_at - make_interval(secs => :history),
				       sent_at = sent_at - make_interval(secs => :history)
				WHERE plan_id = :id""")
			.param("history", seconds)
			.param("id", planId)
			.update();
		this.jdbc.sql("""
				UPDATE invitations SET added_at = added_at - make_interval(secs => :history),
				       sent_at = sent_at - make_interval(secs => :history),
				       first_opened_at = first_opened_at - make_interval(secs => :history),
				       answered_at = answered_at - make_interval(secs => :history),
				       waitlisted_at = waitlisted_at - make_interval(secs => :history)
				WHERE plan_id = :id""")
			.param("history", seconds)
			.param("id", planId)
			.update();
	}

	private Map<Long, Invitation> invitationsOf(long planId) {
		return this.invitations.findByPlanIdOrderById(planId)
			.stream()
			.collect(Collectors.toMap(Invitation::getEmployeeId, Function.identity()));
	}

}
