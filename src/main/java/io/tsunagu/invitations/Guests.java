package io.tsunagu.invitations;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an event expects: the invitees who said yes and those on its waitlist, as the check-in list at the
 * door needs them. Anyone else who comes is a walk-in.
 */
@Service
public class Guests {

	/** An invitee expected at the event; {@code waitlisted} when still waiting for a seat. */
	public record Guest(long employeeId, boolean waitlisted) {
	}

	/** How many of an event's invitations went out, and how many say they attend. */
	public record Counts(long invited, long attending) {
	}

	private final JdbcClient jdbc;

	Guests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Those attending, then the waitlist in its order. */
	@Transactional(readOnly = true)
	public List<Guest> expected(long planId) {
		return this.jdbc.sql("""
				SELECT employee_id, answer = 'WAITLISTED' FROM invitations
				WHERE plan_id = ? AND answer IN ('ATTENDING', 'WAITLISTED')
				ORDER BY answer = 'WAITLISTED', waitlisted_at, id""")
			.param(planId)
			.query((rs, n) -> new Guest(rs.getLong(1), rs.getBoolean(2)))
			.list();
	}

	/** Whether this person is attending or on the waitlist. */
	@Transactional(readOnly = true)
	public boolean isExpected(long planId, long employeeId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM invitations
				               WHERE plan_id = ? AND employee_id = ? AND answer IN ('ATTENDING', 'WAITLISTED'))""")
			.params(planId, employeeId)
			.query(Boolean.class)
			.single();
	}

	/** The counts of each of these events that has invitations, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Counts> counts(Collection<Long> planIds) {
		Map<Long, Counts> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT plan_id, count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE answer = 'ATTENDING')
				FROM invitations WHERE plan_id = ANY (?) GROUP BY plan_id""")
			.param(planIds.toArray(Long[]::new))
			.query(rs -> {
				counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
			});
		return counts;
	}

}
