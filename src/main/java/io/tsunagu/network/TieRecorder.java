package io.tsunagu.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.attendance.Came;
import io.tsunagu.attendance.CheckIns;
import io.tsunagu.attendance.CheckInsChanged;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;
import io.tsunagu.planning.TeamMember;

/**
 * Records the ties an event made once it is over: who prepared it and who came, with the pairs who met
 * there for the first time. An event is recorded at the first pass after it ended and again after any
 * correction of its check-ins (possible until the end of the day after it); recording it again with the
 * same people changes nothing. Each event is recorded in a transaction of its own, so that one that fails
 * does not hold back the others.
 */
@Service
class TieRecorder {

	private static final Logger log = LoggerFactory.getLogger(TieRecorder.class);

	private final Plans plans;

	private final CheckIns checkIns;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final Duration lookBack;

	private final TransactionTemplate transaction;

	TieRecorder(Plans plans, CheckIns checkIns, Directory directory, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock, @Value("${tsunagu.zone}") ZoneId zone,
			@Value("${tsunagu.network.look-back:P400D}") Duration lookBack, PlatformTransactionManager transactions) {
		this.plans = plans;
		this.checkIns = checkIns;
		this.directory = directory;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.lookBack = lookBack;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Records the events that ended since the look-back and are not recorded yet, and those whose
	 * check-ins changed since they were.
	 * @return how many were recorded
	 */
	@Scheduled(initialDelayString = "${tsunagu.network.record-delay:PT2M}",
			fixedDelayString = "${tsunagu.network.record-interval:PT10M}")
	public int recordDue() {
		Instant now = this.clock.instant();
		List<Long> ended = this.plans.endedBetween(now.minus(this.lookBack), now);
		Set<Long> due = new LinkedHashSet<>(this.jdbc.sql("""
				SELECT id FROM unnest(CAST(? AS bigint[])) WITH ORDINALITY AS ended (id, n)
				WHERE NOT EXISTS (SELECT 1 FROM network_events e WHERE e.plan_id = ended.id)
				ORDER BY n""").param(ended.toArray(Long[]::new)).query(Long.class).list());
		due.addAll(this.jdbc.sql("SELECT plan_id FROM network_events WHERE stale ORDER BY plan_id").query(Long.class).list());
		int recorded = 0;
		for (long planId : due) {
			try {
				if (Boolean.TRUE.equals(this.transaction.execute(status -> record(planId)))) {
					recorded++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not record the ties of plan {}; trying again at the next pass", planId, ex);
			}
		}
		if (recorded > 0) {
			log.info("Recorded the ties of {} events", recorded);
		}
		return recorded;
	}

	/**
	 * Records the ties of an event that is over, replacing what was recorded of it before.
	 * @return false when the event has not taken place (not approved, cancelled or not over yet)
	 */
	@Transactional
	public boolean record(long planId) {
		PlannedEvent event = this.plans.event(planId).orElse(null);
		Instant now = this.clock.instant();
		if (event == null || !tookPlace(event, now)) {
			return false;
		}
		LocalDate heldOn = event.startsAt().atZone(this.zone).toLocalDate();
		// The row first: it locks the event, so that two instances recording it take turns.
		this.jdbc.sql("""
				INSERT INTO network_events (plan_id, title, kind, starts_at, held_on, people, new_ties,
				    new_cross_department_ties, new_ties_across_generations, new_ties_within_cohort, recorded_at)
				VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)
				ON CONFLICT (plan_id) DO UPDATE SET title = excluded.title, kind = excluded.kind,
				    starts_at = excluded.starts_at, held_on = excluded.held_on, recorded_at = excluded.recorded_at""")
			.params(planId, event.title(), event.kind(), Timestamp.from(event.startsAt()), heldOn, Timestamp.from(now))
			.update();
		Set<Long> before = new LinkedHashSet<>(
				this.jdbc.sql("SELECT employee_id FROM meetings WHERE plan_id = ?").param(planId).query(Long.class).list());
		Map<Long, Presence> people = presence(event);
		this.jdbc.sql("DELETE FROM meetings WHERE plan_id = ?").param(planId).update();
		if (!people.isEmpty()) {
			Map<Long, EmployeeRef> refs = this.directory.findAllById(people.keySet());
			List<Long> ids = new ArrayList<>();
			List<Long> departments = new ArrayList<>();
			List<Integer> joinYears = new ArrayList<>();
			List<Boolean> prepared = new ArrayList<>();
			List<Boolean> came = new ArrayList<>();
			people.forEach((id, presence) -> {
				EmployeeRef ref = refs.get(id);
				if (ref != null) {
					ids.add(id);
					departments.add(ref.departmentId());
					joinYears.add(ref.joinYear());
					prepared.add(presence.prepared);
					came.add(presence.came);
				}
			});
			this.jdbc.sql("""
					INSERT INTO meetings (plan_id, employee_id, department_id, join_year, prepared, came)
					SELECT ?, * FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS int[]),
					                        CAST(? AS boolean[]), CAST(? AS boolean[]))""")
				.params(planId, ids.toArray(Long[]::new), departments.toArray(Long[]::new),
						joinYears.toArray(Integer[]::new), prepared.toArray(Boolean[]::new), came.toArray(Boolean[]::new))
				.update();
		}
		countNewTies(planId, event.startsAt());
		Set<Long> affected = new LinkedHashSet<>(before);
		affected.addAll(people.keySet());
		this.events.publishEvent(new TiesRecorded(planId, heldOn, affected));
		return true;
	}

	/** A check-in changed: an event already recorded is recorded again at the next pass, with the change. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CheckInsChanged changed) {
		this.jdbc.sql("UPDATE network_events SET stale = TRUE WHERE plan_id = ? AND NOT stale")
			.param(changed.planId())
			.update();
	}

	/** Who prepared the event and who came (its organisers always), by employee id. */
	private Map<Long, Presence> presence(PlannedEvent event) {
		Map<Long, Presence> people = new LinkedHashMap<>();
		for (TeamMember member : this.plans.team(event.id())) {
			Presence presence = people.computeIfAbsent(member.employeeId(), id -> new Presence());
			presence.prepared = true;
			// The organisers run the event, at the door or not: they met the people who came. A helper who did a
			// task may not have been there; they came only when checked in.
			presence.came |= member.organiser();
		}
		for (Came came : this.checkIns.whoCame(event.id())) {
			people.computeIfAbsent(came.employeeId(), id -> new Presence()).came = true;
		}
		return people;
	}

	/**
	 * The pairs tied at the event {@code :plan} (starting at {@code :starts}) who were tied at no earlier recorded
	 * event ({@code fresh}), with what separates them ({@code :cohort}: join years further apart make two
	 * generations), and the event's people ({@code here}): the beginning of a statement that uses them.
	 */
	static final String FRESH_PAIRS = """
				WITH here AS (SELECT employee_id, department_id, join_year, prepared, came FROM meetings WHERE plan_id = :plan),
				pairs AS (
				    SELECT a.employee_id AS a, b.employee_id AS b, a.department_id <> b.department_id AS across_departments,
				           abs(a.join_year - b.join_year) > :cohort AS across_generations
				    FROM here a JOIN here b ON a.employee_id < b.employee_id
				         AND ((a.prepared AND b.prepared) OR (a.came AND b.came))),
				-- The earlier events of the people here, and only their rows: pairing them with everyone at those
				-- events first read a hundred times more rows (bench/network).
				mine AS (
				    SELECT m.plan_id, m.employee_id, m.prepared, m.came
				    FROM meetings m
				    JOIN network_events e ON e.plan_id = m.plan_id AND (e.starts_at, e.plan_id) < (:starts, :plan)
				    WHERE m.employee_id IN (SELECT employee_id FROM here)),
				earlier AS (
				    SELECT DISTINCT ma.employee_id AS a, mb.employee_id AS b
				    FROM mine ma
				    JOIN mine mb ON mb.plan_id = ma.plan_id AND mb.employee_id > ma.employee_id
				         AND ((ma.prepared AND mb.prepared) OR (ma.came AND mb.came))),
				fresh AS (SELECT * FROM pairs p WHERE NOT EXISTS (SELECT 1 FROM earlier x WHERE x.a = p.a AND x.b = p.b))
			""";

	/**
	 * Counts the pairs tied at this event who had not been at an earlier recorded event together, and what
	 * separates them; the recording is marked current.
	 */
	private void countNewTies(long planId, Instant startsAt) {
		this.jdbc.sql(FRESH_PAIRS + """
				UPDATE network_events SET stale = FALSE,
				    people = (SELECT count(*) FROM here),
				    new_ties = (SELECT count(*) FROM fresh),
				    new_cross_department_ties = (SELECT count(*) FROM fresh WHERE across_departments),
				    new_ties_across_generations = (SELECT count(*) FROM fresh WHERE across_generations),
				    new_ties_within_cohort = (SELECT count(*) FROM fresh WHERE NOT across_generations)
				WHERE plan_id = :plan""")
			.param("plan", planId)
			.param("starts", Timestamp.from(startsAt))
			.param("cohort", Relationship.COHORT_YEARS)
			.update();
	}

	private static boolean tookPlace(PlannedEvent event, Instant now) {
		return switch (event.status()) {
			case APPROVED, INVITING, HELD, CLOSED -> !event.endsAt().isAfter(now);
			default -> false;
		};
	}

	private static final class Presence {

		boolean prepared;

		boolean came;

	}

}
