package io.tsunagu.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans a person leads or co-organises that are still going on (not over, not cancelled or rejected), as their home page lists them: one query,
 * bounded by the page, that reads only that person's plans (through the indexes on the lead and on the
 * co-organisers) however many plans the company has made over the years.
 */
@Service
public class MyPlans {

	private final JdbcClient jdbc;

	private final Clock clock;

	MyPlans(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The first of them not over yet, soonest first; the slice says whether there are more. */
	@Transactional(readOnly = true)
	public Slice<MyPlan> goingOn(long employeeId, int size) {
		// A union of the two indexed lookups, not an OR, which would read every plan.
		List<MyPlan> rows = this.jdbc.sql("""
				SELECT p.id, p.title, p.status, p.starts_at, p.zone FROM event_plans p
				WHERE p.id IN (SELECT id FROM event_plans WHERE lead_id = :me
				               UNION SELECT plan_id FROM plan_co_organisers WHERE employee_id = :me)
				  AND p.status NOT IN ('HELD', 'CLOSED', 'CANCELLED', 'REJECTED') AND p.ends_at > :now
				ORDER BY p.starts_at, p.id
				LIMIT :limit""")
			.param("me", employeeId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", size + 1)
			.query((row, number) -> new MyPlan(row.getLong("id"), row.getString("title"),
					PlanStatus.valueOf(row.getString("status")), row.getTimestamp("starts_at").toInstant(),
					ZoneId.of(row.getString("zone"))))
			.list();
		boolean more = rows.size() > size;
		return new SliceImpl<>(more ? rows.subList(0, size) : rows, PageRequest.of(0, size), more);
	}

}
