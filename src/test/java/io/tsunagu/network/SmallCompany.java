package io.tsunagu.network;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A company made by hand for the network tests, on a schema of their own: departments and people with
 * join years and a reporting line, and events that took place with who prepared them and who came,
 * written straight into the tables as the planning and check-in pages would leave them. Names carry a
 * run-unique suffix, so that tests sharing the schema do not meet each other's people.
 */
final class SmallCompany {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final JdbcClient jdbc;

	private final TieRecorder recorder;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	SmallCompany(JdbcClient jdbc, TieRecorder recorder) {
		this.jdbc = jdbc;
		this.recorder = recorder;
	}

	/** A department of its own; returns its id. */
	long department(String code, String name, String nameEn) {
		return this.jdbc.sql("INSERT INTO departments (code, name, name_en) VALUES (?, ?, ?) RETURNING id")
			.params(code + "-" + this.run, name, nameEn)
			.query(Long.class)
			.single();
	}

	/** The code a department made here has in the directory. */
	String code(String code) {
		return code + "-" + this.run;
	}

	/** An active member of staff; returns their id. */
	long person(String name, long departmentId, int joinYear) {
		return person(name, departmentId, joinYear, null);
	}

	/** An active member of staff reporting to someone; returns their id. */
	long person(String name, long departmentId, int joinYear, Long reportsTo) {
		String key = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + this.run;
		return this.jdbc.sql("""
				INSERT INTO employees (code, name, name_kana, email, department_id, rank, join_year, reports_to_id)
				VALUES (?, ?, ?, ?, ?, 'STAFF', ?, ?) RETURNING id""")
			.params(key, name, "てすと", key + "@tsunagu.example", departmentId, joinYear, reportsTo)
			.query(Long.class)
			.single();
	}

	/**
	 * An event that took place on the day, 19:00–21:00 in Tokyo, led by the first of those who prepared
	 * it, the others its helpers (a task each), and the people who came checked in; its ties recorded.
	 * @return its plan id
	 */
	long held(String title, String kind, LocalDate day, List<Long> prepared, Collection<Long> came) {
		long planId = planned(title, kind, day, prepared, came);
		this.recorder.record(planId);
		return planId;
	}

	/** As {@link #held}, its ties not recorded yet. */
	long planned(String title, String kind, LocalDate day, List<Long> prepared, Collection<Long> came) {
		Timestamp starts = Timestamp.from(day.atTime(LocalTime.of(19, 0)).atZone(TOKYO).toInstant());
		Timestamp ends = Timestamp.from(day.atTime(LocalTime.of(21, 0)).atZone(TOKYO).toInstant());
		long lead = prepared.get(0);
		long planId = this.jdbc.sql("""
				INSERT INTO event_plans (status, title, kind, purpose, starts_at, ends_at, zone, venue, capacity,
				                         rsvp_deadline, lead_id)
				VALUES ('INVITING', ?, ?, '顔見知りになる', ?, ?, 'Asia/Tokyo', '本社 8F', 200,
				        CAST(? AS timestamptz) - interval '7 days', ?) RETURNING id""")
			.params(title, kind, starts, ends, starts, lead)
			.query(Long.class)
			.single();
		for (long helper : prepared.subList(1, prepared.size())) {
			this.jdbc.sql("""
					INSERT INTO preparation_tasks (plan_id, title, assignee_id, status, created_at)
					VALUES (?, '受付', ?, 'DONE', now())""")
				.params(planId, helper)
				.update();
		}
		came.forEach(id -> checkIn(planId, id, lead, starts));
		return planId;
	}

	/** Checks someone in, as an organiser at the door would. */
	void checkIn(long planId, long employeeId, long organiserId, Timestamp at) {
		this.jdbc.sql("""
				INSERT INTO check_ins (plan_id, employee_id, walk_in, checked_in_at, checked_in_by)
				VALUES (?, ?, FALSE, ?, ?)""")
			.params(planId, employeeId, at, organiserId)
			.update();
	}

	/** Undoes a check-in, as an organiser correcting the list the morning after would. */
	void undoCheckIn(long planId, long employeeId) {
		this.jdbc.sql("DELETE FROM check_ins WHERE plan_id = ? AND employee_id = ?").params(planId, employeeId).update();
	}

}
