package io.tsunagu.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.Directory;
import io.tsunagu.invitations.Guests;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * The door of an event: organisers check people in and undo a check-in by mistake. Each tap carries a
 * key the phone made for it, so a tap sent twice (a lost reply, a queue replayed after the venue's
 * signal came back) is applied once; a double tap or two organisers tapping the same person make one
 * check-in, because a person has at most one row. Every change is audited; a tap that changes nothing
 * is not.
 */
@Service
public class CheckIns {

	private static final RowMapper<Came> CAME = (rs, n) -> new Came(rs.getLong(1), rs.getBoolean(2),
			rs.getTimestamp(3).toInstant());

	private enum Action {

		CHECK_IN, UNDO

	}

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Guests guests;

	private final Directory directory;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CheckIns(JdbcClient jdbc, Plans plans, Guests guests, Directory directory, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.plans = plans;
		this.guests = guests;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks a person in, once however often it is asked. Someone neither attending nor on the waitlist
	 * comes in as a walk-in (capacity does not stop them: they are at the door).
	 * @param tapKey the key the organiser's phone gave this tap; null for a tap that cannot be repeated
	 * @return the person's check-in after the tap: empty only when this tap was sent before and an undo
	 * came after it
	 * @throws CheckInRefused outside the check-in window, for a cancelled event, when the organiser is not
	 * one of this event, or for someone not on the org chart
	 */
	@Transactional
	public Optional<Came> checkIn(long planId, long employeeId, long organiserId, UUID tapKey) {
		door(planId, organiserId);
		if (!this.directory.isActive(employeeId)) {
			throw new CheckInRefused("attendance.refused.unknownPerson");
		}
		if (firstTimeSeen(tapKey, planId, employeeId, Action.CHECK_IN, organiserId)) {
			boolean walkIn = !this.guests.isExpected(planId, employeeId);
			int inserted = this.jdbc.sql("""
					INSERT INTO check_ins (plan_id, employee_id, walk_in, checked_in_at, checked_in_by)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT (plan_id, employee_id) DO NOTHING""")
				.params(planId, employeeId, walkIn, Timestamp.from(this.clock.instant()), organiserId)
				.update();
			if (inserted == 1) {
				this.audit.record(actor(organiserId), walkIn ? "attendance.walk-in" : "attendance.check-in",
						"plan " + planId, "employee " + employeeId);
				this.events.publishEvent(
						new CheckInsChanged(planId, walkIn ? CheckInsChanged.Change.WALK_IN : CheckInsChanged.Change.CHECK_IN));
			}
		}
		return find(planId, employeeId);
	}

	/**
	 * Undoes a check-in made by mistake; nothing happens when the person is not checked in.
	 * @return the person's check-in after the tap: empty, unless a later tap checked them in again
	 * @throws CheckInRefused as {@link #checkIn}
	 */
	@Transactional
	public Optional<Came> undo(long planId, long employeeId, long organiserId, UUID tapKey) {
		door(planId, organiserId);
		if (firstTimeSeen(tapKey, planId, employeeId, Action.UNDO, organiserId)
				&& this.jdbc.sql("DELETE FROM check_ins WHERE plan_id = ? AND employee_id = ?")
					.params(planId, employeeId)
					.update() == 1) {
			this.audit.record(actor(organiserId), "attendance.undo", "plan " + planId, "employee " + employeeId);
			this.events.publishEvent(new CheckInsChanged(planId, CheckInsChanged.Change.UNDO));
		}
		return find(planId, employeeId);
	}

	/** Who came, in the order they were checked in. */
	@Transactional(readOnly = true)
	public List<Came> whoCame(long planId) {
		return this.jdbc.sql("""
				SELECT employee_id, walk_in, checked_in_at FROM check_ins
				WHERE plan_id = ? ORDER BY checked_in_at, employee_id""")
			.param(planId)
			.query(CAME)
			.list();
	}

	/** The event, when this organiser may check people in to it now. */
	PlannedEvent door(long planId, long organiserId) {
		PlannedEvent event = this.plans.event(planId).orElseThrow(() -> new CheckInRefused("attendance.refused.unknownEvent"));
		if (!event.isOrganisedBy(organiserId)) {
			throw new CheckInRefused("attendance.refused.notOrganiser");
		}
		CheckInWindow.check(event, this.clock.instant());
		return event;
	}

	Optional<Came> find(long planId, long employeeId) {
		return this.jdbc.sql("SELECT employee_id, walk_in, checked_in_at FROM check_ins WHERE plan_id = ? AND employee_id = ?")
			.params(planId, employeeId)
			.query(CAME)
			.optional();
	}

	/** Records the tap by its key; false when a tap with this key was applied before. */
	private boolean firstTimeSeen(UUID tapKey, long planId, long employeeId, Action action, long organiserId) {
		return this.jdbc.sql("""
				INSERT INTO check_in_taps (tap_key, plan_id, employee_id, action, tapped_by, received_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tap_key) DO NOTHING""")
			.params(tapKey == null ? UUID.randomUUID() : tapKey, planId, employeeId, action.name(), organiserId,
					Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	private static String actor(long organiserId) {
		return "employee " + organiserId;
	}

}
