package io.tsunagu.network;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the ties recorded from the events that took place. A person's ties come from the events they
 * were at (a few dozen rows by the index on the person), so nothing is computed over the whole company
 * to show one network.
 */
@Service
@Transactional(readOnly = true)
class Ties {

	private final JdbcClient jdbc;

	Ties(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone this employee is tied to, those they prepared an event with first, then the latest met. */
	List<Tie> of(long employeeId) {
		return this.jdbc.sql("""
				SELECT t.other_id, min(e.held_on), max(e.held_on), bool_or(t.prepared_together),
				       array_agg(e.plan_id ORDER BY e.starts_at DESC, e.plan_id DESC)
				FROM ties t
				JOIN network_events e ON e.plan_id = t.plan_id
				WHERE t.employee_id = ?
				GROUP BY t.other_id
				ORDER BY bool_or(t.prepared_together) DESC, max(e.held_on) DESC, t.other_id""")
			.param(employeeId)
			.query((rs, n) -> new Tie(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class),
					rs.getObject(3, java.time.LocalDate.class), rs.getBoolean(4), ids(rs.getArray(5))))
			.list();
	}

	/** The recorded events among these, by plan id. */
	Map<Long, RecordedEvent> events(Collection<Long> planIds) {
		Map<Long, RecordedEvent> found = new LinkedHashMap<>();
		if (!planIds.isEmpty()) {
			this.jdbc.sql("""
					SELECT plan_id, title, kind, held_on, people FROM network_events
					WHERE plan_id = ANY (?) ORDER BY starts_at DESC, plan_id DESC""")
				.param(planIds.toArray(Long[]::new))
				.query((rs, n) -> new RecordedEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, java.time.LocalDate.class), rs.getInt(5)))
				.list()
				.forEach(event -> found.put(event.planId(), event));
		}
		return found;
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

	/** An event as the network remembers it: what it was and the day it took place. */
	record RecordedEvent(long planId, String title, String kind, java.time.LocalDate heldOn, int people) {
	}

}
