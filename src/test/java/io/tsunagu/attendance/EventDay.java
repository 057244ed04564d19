package io.tsunagu.attendance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.planning.ApprovedEvents;

/**
 * Events on their day for the attendance tests: approved, starting within the hour, with a team and
 * people attending. Answers are written straight into the invitations, as the answer page would leave
 * them; the seats are not what these tests are about.
 */
public final class EventDay {

	/** A co-organiser of every event made here. */
	public static final String CO_ORGANISER = "manager@tsunagu.example";

	private final ApprovedEvents events;

	private final JdbcClient jdbc;

	private final List<Long> made = new ArrayList<>();

	public EventDay(ApprovedEvents events, JdbcClient jdbc) {
		this.events = events;
		this.jdbc = jdbc;
	}

	/** An approved event starting in an hour, organised by the fixtures' organiser with a co-organiser. */
	public long today(String title, int capacity) {
		Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		long planId = this.events.aDraft(title, capacity, start, start.minus(30, ChronoUnit.MINUTES));
		this.events.joinTeam(planId, CO_ORGANISER);
		this.events.approve(planId);
		this.made.add(planId);
		return planId;
	}

	/**
	 * Moves the events made here days into the past once a test is done with them: left starting within the
	 * hour, they would head the upcoming lists of the people in them in every test that runs after.
	 */
	public void putAway() {
		this.made.forEach(planId -> movedToThePast(planId, 72));
		this.made.clear();
	}

	/** The event took place this long ago (its start; it lasted two hours). */
	public void movedToThePast(long planId, long hoursAgo) {
		this.jdbc.sql("""
				UPDATE event_plans SET rsvp_deadline = now() - make_interval(hours => ?::int + 24),
				       starts_at = now() - make_interval(hours => ?::int), ends_at = now() - make_interval(hours => ?::int - 2)
				WHERE id = ?""")
			.params(hoursAgo, hoursAgo, hoursAgo, planId)
			.update();
	}

	/** Invites these people (a personal wave of this event's, as sent) with the given answer. */
	public void answered(long planId, List<Long> employeeIds, String answer) {
		long wave = this.jdbc.sql("""
				INSERT INTO invitation_waves (plan_id, kind, status, created_by, created_at, sent_at)
				VALUES (?, 'PERSONAL', 'SENT', ?, now(), now()) RETURNING id""")
			.params(planId, this.events.organiser().id())
			.query(Long.class)
			.single();
		for (long employeeId : employeeIds) {
			this.jdbc.sql("""
					INSERT INTO invitations (wave_id, plan_id, employee_id, message, answer, added_at, sent_at,
					                         answered_at, waitlisted_at)
					VALUES (?, ?, ?, 'ようこそ', ?, now(), now(), now(),
					        CASE WHEN CAST(? AS text) = 'WAITLISTED' THEN clock_timestamp() END)""")
				.params(wave, planId, employeeId, answer, answer)
				.update();
		}
	}

	/** Employees of the test company, the organisers' team left out, in a fixed order. */
	public List<Long> someEmployees(int count) {
		return this.jdbc.sql("""
				SELECT id FROM employees WHERE active AND email NOT IN (?, ?) ORDER BY id LIMIT ?""")
			.params(ApprovedEvents.ORGANISER, CO_ORGANISER, count)
			.query(Long.class)
			.list();
	}

}
