package io.tsunagu.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.invitations.MessageCheck;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlanStatus;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;
import io.tsunagu.planning.TeamMember;

/**
 * After an event, its organisers thank the people who prepared it, each with a message of their own,
 * read as the personal invitations are (no copies, nothing too short, the person named); and those who
 * came can get one short note. Those who said yes but did not come get nothing. Each thank-you is
 * recorded once, mailed in the recipient's language from the outbox, and audited.
 */
@Service
@Transactional
class Thanks {

	static final int MAX_MESSAGE = 4000;

	static final int MAX_NOTE = 500;

	private final Plans plans;

	private final Directory directory;

	private final Outbox outbox;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	Thanks(Plans plans, Directory directory, Outbox outbox, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.plans = plans;
		this.directory = directory;
		this.outbox = outbox;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The thank-you page, with the messages as they were typed and what the check found in them, if any. */
	@Transactional(readOnly = true)
	ThanksPage page(long planId, long organiserId, Map<Long, String> typed,
			Map<Long, List<MessageCheck.Finding>> findings) {
		PlannedEvent event = organisedBy(planId, organiserId);
		List<TeamMember> team = teamBesides(event, organiserId);
		Map<Long, ThanksPage.Sent> sent = sentToTeam(planId);
		Map<Long, EmployeeRef> people = this.directory.findAllById(team.stream().map(TeamMember::employeeId).toList());
		List<ThanksPage.Row> rows = team.stream()
			.filter(member -> people.containsKey(member.employeeId()))
			.map(member -> new ThanksPage.Row(people.get(member.employeeId()), member.organiser(), member.tasks(),
					sent.get(member.employeeId()), typed.getOrDefault(member.employeeId(), ""),
					findings.getOrDefault(member.employeeId(), List.of())
						.stream()
						.map(f -> new ThanksPage.Note(f.kind().name(), nameOf(f.other(), people),
								(int) Math.round(f.similarity() * 100)))
						.toList()))
			.toList();
		long came = this.jdbc.sql("SELECT count(*) FROM check_ins WHERE plan_id = ?").param(planId).query(Long.class).single();
		ThanksPage.NoteSent note = this.jdbc.sql("""
				SELECT message, max(sent_at), count(*) FROM thank_yous WHERE plan_id = ? AND kind = 'CAME'
				GROUP BY message ORDER BY max(sent_at) DESC LIMIT 1""")
			.param(planId)
			.query((rs, n) -> new ThanksPage.NoteSent(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(event.zone()),
					rs.getLong(3)))
			.optional()
			.orElse(null);
		return new ThanksPage(event, isOver(event), rows, came, note);
	}

	/**
	 * Sends the thank-yous written to the team; a message left empty is not sent (yet). Every message is
	 * read against the others and against those sent before: when any needs another look, none goes out.
	 * @return how many were sent
	 * @throws ThanksRefused before the event is over, without any message, for someone not on the team or
	 * thanked already, for a message too long, or with what the check found
	 */
	int thankTeam(long planId, long organiserId, String actor, Map<Long, String> messages) {
		PlannedEvent event = lockedFor(planId, organiserId);
		requireOver(event);
		Map<Long, TeamMember> team = new LinkedHashMap<>();
		teamBesides(event, organiserId).forEach(member -> team.put(member.employeeId(), member));
		Map<Long, ThanksPage.Sent> sent = sentToTeam(planId);
		Map<Long, String> written = new LinkedHashMap<>();
		messages.forEach((id, text) -> {
			if (text != null && !text.isBlank()) {
				if (!team.containsKey(id) || sent.containsKey(id)) {
					throw new ThanksRefused("attendance.thanks.refused.notOnTeam");
				}
				if (text.strip().length() > MAX_MESSAGE) {
					throw new ThanksRefused("attendance.thanks.refused.tooLong");
				}
				written.put(id, text.strip());
			}
		});
		if (written.isEmpty()) {
			throw new ThanksRefused("attendance.thanks.refused.empty");
		}
		Map<Long, EmployeeRef> people = this.directory.findAllById(team.keySet());
		List<MessageCheck.Draft> drafts = new ArrayList<>();
		written.forEach((id, text) -> drafts.add(new MessageCheck.Draft(String.valueOf(id), nameOf(id, people), text)));
		sent.forEach((id, thanks) -> drafts.add(new MessageCheck.Draft("sent-" + id, nameOf(id, people), thanks.message())));
		Map<Long, List<MessageCheck.Finding>> findings = new HashMap<>();
		for (MessageCheck.Finding finding : MessageCheck.check(drafts)) {
			if (!finding.key().startsWith("sent-")) {
				findings.computeIfAbsent(Long.valueOf(finding.key()), k -> new ArrayList<>()).add(finding);
			}
		}
		if (!findings.isEmpty()) {
			throw new ThanksRefused("attendance.thanks.refused.check", findings);
		}
		String from = nameOf(organiserId, this.directory.findAllById(List.of(organiserId)));
		Instant now = this.clock.instant();
		int count = 0;
		for (Map.Entry<Long, String> thanks : written.entrySet()) {
			EmployeeRef person = people.get(thanks.getKey());
			if (person != null && record(planId, "TEAM", person.id(), thanks.getValue(), organiserId, now)) {
				this.outbox.queue(MailRequest.of(person.email(), person.name(), person.locale(), "thank-you",
						Map.of("message", thanks.getValue(), "planTitle", event.title(), "senderName", from),
						new Object[] { from, event.title() }, "thank-you-" + planId + "-" + person.id()));
				this.audit.record(actor, "attendance.thank-you", "plan " + planId, "employee " + person.id());
				count++;
			}
		}
		return count;
	}

	/**
	 * Sends one short note (a link to the photos, say) to everyone who came, once per event; those who
	 * said yes but did not come are not sent it.
	 * @return how many it went to
	 * @throws ThanksRefused before the event is over, for an empty or long note, when nobody came, or when
	 * the note went out before
	 */
	int noteToThoseWhoCame(long planId, long organiserId, String actor, String text) {
		PlannedEvent event = lockedFor(planId, organiserId);
		requireOver(event);
		String note = text == null ? "" : text.strip();
		if (note.isEmpty()) {
			throw new ThanksRefused("attendance.note.refused.empty");
		}
		if (note.length() > MAX_NOTE) {
			throw new ThanksRefused("attendance.note.refused.tooLong");
		}
		if (this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM thank_yous WHERE plan_id = ? AND kind = 'CAME')")
			.param(planId)
			.query(Boolean.class)
			.single()) {
			throw new ThanksRefused("attendance.note.refused.sent");
		}
		List<Long> recipients = this.jdbc.sql("""
				INSERT INTO thank_yous (plan_id, kind, employee_id, message, sent_by, sent_at)
				SELECT plan_id, 'CAME', employee_id, ?, ?, ? FROM check_ins WHERE plan_id = ? AND employee_id <> ?
				ON CONFLICT DO NOTHING RETURNING employee_id""")
			.params(note, organiserId, Timestamp.from(this.clock.instant()), planId, organiserId)
			.query(Long.class)
			.list();
		if (recipients.isEmpty()) {
			throw new ThanksRefused("attendance.note.refused.nobody");
		}
		String from = nameOf(organiserId, this.directory.findAllById(List.of(organiserId)));
		Map<Long, EmployeeRef> people = this.directory.findAllById(recipients);
		for (long id : recipients) {
			EmployeeRef person = people.get(id);
			if (person != null) {
				this.outbox.queue(MailRequest.of(person.email(), person.name(), person.locale(), "thank-you-note",
						Map.of("message", note, "planTitle", event.title(), "senderName", from),
						new Object[] { event.title() }, "thank-you-note-" + planId + "-" + id)
					.inBatch("thanks-" + planId));
			}
		}
		this.audit.record(actor, "attendance.thank-you-note", "plan " + planId, recipients.size() + " people");
		return recipients.size();
	}

	/** Whether the event took place and is over: approved, not called off, past its end. */
	boolean isOver(PlannedEvent event) {
		Set<PlanStatus> held = Set.of(PlanStatus.APPROVED, PlanStatus.INVITING, PlanStatus.HELD, PlanStatus.CLOSED);
		return held.contains(event.status()) && !event.endsAt().isAfter(this.clock.instant());
	}

	private void requireOver(PlannedEvent event) {
		if (!isOver(event)) {
			throw new ThanksRefused("attendance.thanks.refused.notOver");
		}
	}

	private PlannedEvent organisedBy(long planId, long organiserId) {
		return organised(this.plans.event(planId), organiserId);
	}

	/**
	 * The event, its plan locked until the transaction ends: two organisers sending at the same moment take
	 * turns, so that each message is read against the other's and the note goes out once.
	 */
	private PlannedEvent lockedFor(long planId, long organiserId) {
		return organised(this.plans.lockForInviting(planId), organiserId);
	}

	private static PlannedEvent organised(Optional<PlannedEvent> event, long organiserId) {
		return event.filter(found -> found.isOrganisedBy(organiserId)).orElseThrow(NotOrganised::new);
	}

	/** Who prepared the event, but for the organiser writing: nobody thanks themselves. */
	private List<TeamMember> teamBesides(PlannedEvent event, long organiserId) {
		return this.plans.team(event.id()).stream().filter(member -> member.employeeId() != organiserId).toList();
	}

	private Map<Long, ThanksPage.Sent> sentToTeam(long planId) {
		Map<Long, ThanksPage.Sent> sent = new HashMap<>();
		this.jdbc.sql("SELECT employee_id, message, sent_at FROM thank_yous WHERE plan_id = ? AND kind = 'TEAM'")
			.param(planId)
			.query(rs -> {
				sent.put(rs.getLong(1), new ThanksPage.Sent(rs.getString(2), rs.getTimestamp(3).toInstant()));
			});
		return sent;
	}

	/** Records a thank-you; false when this person had it already (two organisers sending at once). */
	private boolean record(long planId, String kind, long employeeId, String message, long sentBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO thank_yous (plan_id, kind, employee_id, message, sent_by, sent_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(planId, kind, employeeId, message, sentBy, Timestamp.from(now))
			.update() == 1;
	}

	private static String nameOf(Object key, Map<Long, EmployeeRef> people) {
		if (key == null) {
			return null;
		}
		String id = key.toString().replace("sent-", "");
		EmployeeRef person = people.get(Long.valueOf(id));
		return person == null ? "" : person.name();
	}

}
