package io.tsunagu.invitations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlanStatus;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Tells the organisers, in one mail at most every hour per event, who declined with a note and who got a
 * seat from the waitlist. Each such moment is recorded in the transaction of the answer; a digest locks
 * its event's row ({@code FOR UPDATE SKIP LOCKED}, so two instances never make the same one), stamps the
 * entries it takes and queues one mail per organiser in their language, all in one transaction: a crash
 * before its commit leaves the entries to the next digest, and after it they are never mailed again.
 */
@Component
class OrganiserDigests {

	private static final Logger log = LoggerFactory.getLogger(OrganiserDigests.class);

	static final Duration INTERVAL = Duration.ofHours(1);

	private static final int PLANS_PER_RUN = 200;

	/** What the organisers are told of. */
	enum Kind {

		DECLINED, PROMOTED

	}

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Directory directory;

	private final Outbox outbox;

	private final Clock clock;

	private final TransactionTemplate transaction;

	OrganiserDigests(JdbcClient jdbc, Plans plans, Directory directory, Outbox outbox, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.directory = directory;
		this.outbox = outbox;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Records, in the caller's transaction, something to tell the event's organisers in their next digest. */
	void record(Invitation invitation, Kind kind) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO organiser_digest_entries (plan_id, invitation_id, kind, note, occurred_at)
				VALUES (:plan, :invitation, :kind, :note, :now)""")
			.param("plan", invitation.getPlanId())
			.param("invitation", invitation.getId())
			.param("kind", kind.name())
			.param("note", kind == Kind.DECLINED ? invitation.getNote() : null)
			.param("now", now)
			.update();
		this.jdbc.sql("""
				INSERT INTO organiser_digests (plan_id, pending_since) VALUES (:plan, :now)
				ON CONFLICT (plan_id) DO UPDATE SET pending_since = coalesce(organiser_digests.pending_since, :now)""")
			.param("plan", invitation.getPlanId())
			.param("now", now)
			.update();
	}

	/** Mails the digests that are due: each event's at most once an hour. Returns how many mails were queued. */
	@Scheduled(initialDelayString = "${tsunagu.invitations.digest-check-delay:PT3M}",
			fixedDelayString = "${tsunagu.invitations.digest-check-interval:PT5M}")
	public int mailDue() {
		Instant now = this.clock.instant();
		List<Long> due = this.jdbc.sql("""
				SELECT plan_id FROM organiser_digests
				WHERE pending_since IS NOT NULL AND (last_mailed_at IS NULL OR last_mailed_at <= :cutoff)
				ORDER BY pending_since LIMIT :limit""")
			.param("cutoff", Timestamp.from(now.minus(INTERVAL)))
			.param("limit", PLANS_PER_RUN)
			.query(Long.class)
			.list();
		int queued = 0;
		for (long planId : due) {
			try {
				queued += this.transaction.execute(status -> mail(planId, now));
			}
			catch (RuntimeException ex) {
				log.error("Could not mail the organisers' digest of plan {}; trying again at the next check", planId, ex);
			}
		}
		if (queued > 0) {
			log.info("Queued {} organiser digests", queued);
		}
		return queued;
	}

	private int mail(long planId, Instant now) {
		// Taken again under a lock with the same condition: another instance may have mailed it meanwhile.
		Optional<Long> locked = this.jdbc.sql("""
				SELECT plan_id FROM organiser_digests
				WHERE plan_id = :plan AND pending_since IS NOT NULL AND (last_mailed_at IS NULL OR last_mailed_at <= :cutoff)
				FOR UPDATE SKIP LOCKED""")
			.param("plan", planId)
			.param("cutoff", Timestamp.from(now.minus(INTERVAL)))
			.query(Long.class)
			.optional();
		if (locked.isEmpty()) {
			return 0;
		}
		List<Entry> entries = this.jdbc.sql("""
				UPDATE organiser_digest_entries e SET mailed_at = :now
				FROM invitations i
				WHERE e.plan_id = :plan AND e.mailed_at IS NULL AND i.id = e.invitation_id
				RETURNING e.id, i.employee_id, e.kind, e.note""")
			.param("plan", planId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4)))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingLong(Entry::id))
			.toList();
		this.jdbc.sql("UPDATE organiser_digests SET pending_since = NULL, last_mailed_at = :now WHERE plan_id = :plan")
			.param("plan", planId)
			.param("now", Timestamp.from(now))
			.update();
		PlannedEvent event = this.plans.event(planId).orElse(null);
		if (entries.isEmpty() || event == null || event.status() == PlanStatus.CANCELLED) {
			return 0;
		}
		Map<Long, EmployeeRef> people = this.directory.findAllById(Stream
			.concat(entries.stream().map(Entry::employeeId), event.organiserIds().stream())
			.toList());
		List<Map<String, Object>> lines = new ArrayList<>();
		for (Entry entry : entries) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", entry.kind().name());
			line.put("name", people.containsKey(entry.employeeId()) ? people.get(entry.employeeId()).name() : "");
			line.put("note", entry.note());
			lines.add(line);
		}
		int queued = 0;
		for (EmployeeRef organiser : OrganisedEvents.organisers(event, people)) {
			if (this.outbox.queue(MailRequest.of(organiser.email(), organiser.name(), organiser.locale(),
					"organiser-digest", Map.of("planId", planId, "planTitle", event.title(), "entries", lines),
					new Object[] { event.title(), lines.size() },
					"organiser-digest-" + planId + "-" + entries.get(0).id() + "-" + organiser.id()))
				.isPresent()) {
				queued++;
			}
		}
		return queued;
	}

	private record Entry(long id, long employeeId, Kind kind, String note) {
	}

}
