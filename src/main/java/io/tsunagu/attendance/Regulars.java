package io.tsunagu.attendance;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.invitations.Guests;
import io.tsunagu.invitations.ReturningGuests;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Last time's people for an event hosted again: who came to the edition it was hosted from (walk-ins
 * too: they came), then those still on its waitlist, each with when they last came to any event.
 */
@Component
class Regulars implements ReturningGuests {

	private final Plans plans;

	private final Guests guests;

	private final JdbcClient jdbc;

	Regulars(Plans plans, Guests guests, JdbcClient jdbc) {
		this.plans = plans;
		this.guests = guests;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Guest> of(long planId) {
		Optional<PlannedEvent> previous = this.plans.previousEdition(planId);
		if (previous.isEmpty()) {
			return List.of();
		}
		PlannedEvent last = previous.get();
		Set<Long> people = new LinkedHashSet<>(this.jdbc
			.sql("SELECT employee_id FROM check_ins WHERE plan_id = ? ORDER BY checked_in_at, employee_id")
			.param(last.id())
			.query(Long.class)
			.list());
		this.guests.expected(last.id()).stream().filter(Guests.Guest::waitlisted).forEach(g -> people.add(g.employeeId()));
		Map<Long, Visit> visits = lastVisits(people);
		Map<Long, PlannedEvent> events = this.plans.events(visits.values().stream().map(Visit::planId).distinct().toList());
		List<Guest> found = new ArrayList<>();
		for (long person : people) {
			Visit visit = visits.get(person);
			Optional<PlannedEvent> visited = Optional.ofNullable(visit == null ? null : events.get(visit.planId()));
			found.add(visited
				.map(event -> new Guest(person, true, event.title(), YearMonth.from(visit.at().toInstant().atZone(event.zone()))))
				.orElseGet(() -> new Guest(person, false, last.title(), YearMonth.from(last.startsAt().atZone(last.zone())))));
		}
		return found;
	}

	private record Visit(long planId, Timestamp at) {
	}

	/** When each of these people last came to any event, and to which, in one query. */
	private Map<Long, Visit> lastVisits(Set<Long> people) {
		Map<Long, Visit> visits = new HashMap<>();
		if (people.isEmpty()) {
			return visits;
		}
		this.jdbc.sql("""
				SELECT DISTINCT ON (employee_id) employee_id, plan_id, checked_in_at FROM check_ins
				WHERE employee_id = ANY (?) ORDER BY employee_id, checked_in_at DESC""")
			.param(people.toArray(Long[]::new))
			.query(rs -> {
				visits.put(rs.getLong(1), new Visit(rs.getLong(2), rs.getTimestamp(3)));
			});
		return visits;
	}

}
