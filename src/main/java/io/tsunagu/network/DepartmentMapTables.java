package io.tsunagu.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.directory.DemoCompanyRemoved;

/**
 * Keeps the department map's tables: whom each person reached per quarter ({@code network_reach}), and
 * for each range of quarters a view asks, the heatmap's cells and the people per department with a tie
 * outside it.
 * <p>
 * Why per range: a person who met someone of Sales in Q1 and again in Q2 counts once in Q1–Q2, so the
 * figures of a range are not the sum of its quarters' figures, and summing them would overcount. A view
 * reads the range it shows (at most a few tens of thousands of rows, one per department pair); the range
 * is computed from {@code network_reach} the first time it is asked and kept. When an event is recorded
 * (or recorded again after a corrected check-in), the reach of its people in its quarter is brought up to
 * date in the same transaction and every kept range holding that quarter is marked stale; the scheduled
 * pass (every ten minutes, which also keeps the default range and its quarters ready) computes them again.
 * Until then a view shows the range as it was computed and says that it is being brought up to date, so
 * that no view waits seconds for a year of a large company to be counted again. Each range is exact as of
 * its computation.
 */
@Service
public class DepartmentMapTables {

	private static final Logger log = LoggerFactory.getLogger(DepartmentMapTables.class);

	/*
	 * Who reached which department is read from each event's people counted by department ("there"), not
	 * from every pair of people: an event of 200 people from 30 departments joins 200 x 30 rows, not 200 x 200.
	 * Someone met a department at an event when, leaving themselves out, someone of it came while they came
	 * too, or prepared it while they prepared it too.
	 */
	private static final String BY_DEPARTMENT = """
			there AS (
			    SELECT plan_id, department_id, count(*) FILTER (WHERE came) AS came,
			           count(*) FILTER (WHERE prepared) AS prepared
			    FROM meetings
			""";

	private static final String MET_SOMEONE_THERE = """
			(me.came AND there.came - CASE WHEN there.department_id = me.department_id THEN 1 ELSE 0 END > 0)
			   OR (me.prepared AND there.prepared - CASE WHEN there.department_id = me.department_id THEN 1 ELSE 0 END > 0)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate transaction;

	DepartmentMapTables(JdbcClient jdbc, Clock clock, @Value("${tsunagu.zone}") ZoneId zone,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * An event was recorded: its people's reach in its quarter is computed again from their meetings of
	 * that quarter (bounded by the people of one event and their events of one quarter), in the recording
	 * transaction.
	 */
	@EventListener
	void on(TiesRecorded recorded) {
		Quarter quarter = Quarter.of(recorded.heldOn());
		Long[] people = recorded.people().toArray(Long[]::new);
		this.jdbc.sql("DELETE FROM network_reach WHERE quarter = ? AND employee_id = ANY (?)")
			.params(quarter.number(), people)
			.update();
		this.jdbc.sql("""
				WITH mine AS (
				    SELECT me.plan_id, me.employee_id, me.department_id, me.prepared, me.came
				    FROM meetings me
				    JOIN network_events e ON e.plan_id = me.plan_id AND e.held_on >= :first AND e.held_on < :end
				    WHERE me.employee_id = ANY (:people)),
				""" + BY_DEPARTMENT + """
				    WHERE plan_id IN (SELECT plan_id FROM mine)
				    GROUP BY plan_id, department_id)
				INSERT INTO network_reach (quarter, employee_id, department_id, other_department_id)
				SELECT DISTINCT :quarter, me.employee_id, me.department_id, there.department_id
				FROM mine me JOIN there ON there.plan_id = me.plan_id
				WHERE """ + MET_SOMEONE_THERE)
			.param("quarter", quarter.number())
			.param("first", quarter.firstDay())
			.param("end", quarter.end())
			.param("people", people)
			.update();
		this.jdbc.sql("UPDATE network_map_ranges SET stale = TRUE WHERE from_quarter <= ? AND to_quarter >= ? AND NOT stale")
			.params(quarter.number(), quarter.number())
			.update();
	}

	/**
	 * Makes sure the range's figures are there to read: a range never asked is computed now. One that is
	 * stale is read as it is and computed again by the scheduled pass: at 100,000 employees computing a
	 * year takes seconds, which no page view should wait for.
	 * @return whether the figures are current (false: stale, an event of the range was recorded since)
	 */
	@Transactional
	boolean ready(Quarter from, Quarter to) {
		Boolean stale = this.jdbc.sql("SELECT stale FROM network_map_ranges WHERE from_quarter = ? AND to_quarter = ?")
			.params(from.number(), to.number())
			.query(Boolean.class)
			.optional()
			.orElse(null);
		if (stale == null) {
			compute(from.number(), to.number());
			return true;
		}
		return !stale;
	}

	/** The demo company is gone, and the meetings with it: so is everything counted from them. */
	@EventListener
	void on(DemoCompanyRemoved removed) {
		this.jdbc.sql("TRUNCATE network_map_cells, network_map_reach, network_map_ranges, network_reach").update();
	}

	/** Makes sure the range's figures are computed and current, computing them now if they are not. */
	@Transactional
	void ensure(Quarter from, Quarter to) {
		Boolean current = this.jdbc.sql("SELECT NOT stale FROM network_map_ranges WHERE from_quarter = ? AND to_quarter = ?")
			.params(from.number(), to.number())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!current) {
			compute(from.number(), to.number());
		}
	}

	/**
	 * Computes the stale ranges, and the default one (the last four quarters) with each of its quarters,
	 * so that the page most opened reads what is ready. Each range in a transaction of its own.
	 */
	@Scheduled(initialDelayString = "${tsunagu.network.map-delay:PT3M}",
			fixedDelayString = "${tsunagu.network.map-interval:PT10M}")
	public void refresh() {
		Quarter now = Quarter.of(LocalDate.now(this.clock.withZone(this.zone)));
		for (int q = now.number() - 3; q <= now.number(); q++) {
			Quarter one = Quarter.ofNumber(q);
			this.transaction.executeWithoutResult(status -> ensure(one, one));
		}
		this.transaction.executeWithoutResult(status -> ensure(now.plus(-3), now));
		List<int[]> stale = this.jdbc.sql("SELECT from_quarter, to_quarter FROM network_map_ranges WHERE stale")
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.list();
		for (int[] range : stale) {
			try {
				this.transaction.executeWithoutResult(status -> ensure(Quarter.ofNumber(range[0]), Quarter.ofNumber(range[1])));
			}
			catch (RuntimeException ex) {
				log.error("Could not compute the department map of quarters {}–{}", range[0], range[1], ex);
			}
		}
	}

	/**
	 * Computes every table of the department map again from the recorded meetings, in set-based
	 * statements: for a database filled in bulk (the benchmark's generator), or by an operator who
	 * doubts the tables. Ranges are computed again as they are asked, the default ones at once.
	 */
	public void rebuild() {
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql("TRUNCATE network_map_cells, network_map_reach, network_map_ranges, network_reach").update();
			this.jdbc.sql("WITH " + BY_DEPARTMENT + """
					    GROUP BY plan_id, department_id)
					INSERT INTO network_reach (quarter, employee_id, department_id, other_department_id)
					SELECT DISTINCT CAST(extract(year FROM e.held_on) * 4 + extract(quarter FROM e.held_on) - 1 AS integer),
					       me.employee_id, me.department_id, there.department_id
					FROM meetings me
					JOIN network_events e ON e.plan_id = me.plan_id
					JOIN there ON there.plan_id = me.plan_id
					WHERE """ + MET_SOMEONE_THERE).update();
		});
		this.jdbc.sql("ANALYZE network_reach").update();
		refresh();
	}

	private void compute(int from, int to) {
		this.jdbc.sql("""
				INSERT INTO network_map_ranges (from_quarter, to_quarter, computed_at, stale) VALUES (?, ?, ?, FALSE)
				ON CONFLICT (from_quarter, to_quarter) DO UPDATE SET computed_at = excluded.computed_at, stale = FALSE""")
			.params(from, to, Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("DELETE FROM network_map_cells WHERE from_quarter = ? AND to_quarter = ?").params(from, to).update();
		this.jdbc.sql("DELETE FROM network_map_reach WHERE from_quarter = ? AND to_quarter = ?").params(from, to).update();
		this.jdbc.sql("""
				INSERT INTO network_map_cells (from_quarter, to_quarter, department_id, other_department_id, people)
				SELECT :from, :to, department_id, other_department_id, count(DISTINCT employee_id)
				FROM network_reach WHERE quarter BETWEEN :from AND :to
				GROUP BY department_id, other_department_id""")
			.param("from", from)
			.param("to", to)
			.update();
		this.jdbc.sql("""
				INSERT INTO network_map_reach (from_quarter, to_quarter, department_id, people, people_outside)
				SELECT :from, :to, department_id, count(DISTINCT employee_id),
				       count(DISTINCT employee_id) FILTER (WHERE other_department_id <> department_id)
				FROM network_reach WHERE quarter BETWEEN :from AND :to
				GROUP BY department_id""")
			.param("from", from)
			.param("to", to)
			.update();
	}

}
