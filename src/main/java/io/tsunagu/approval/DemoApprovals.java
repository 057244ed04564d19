package io.tsunagu.approval;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Only for the demo company's past events: their approval, decided at the first start, moved back with
 * the event it was for.
 */
@Service
public class DemoApprovals {

	private final JdbcClient jdbc;

	DemoApprovals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the plan's rounds and their decisions back by {@code history}, and records the event's new
	 * dates on them, in the caller's transaction (which has written its own changes to the rounds first).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void moveIntoThePast(long planId, Duration history, Instant startsAt, Instant rsvpDeadline) {
		double seconds = history.toMillis() / 1000.0;
		this.jdbc.sql("""
				UPDATE approval_rounds SET submitted_at = submitted_at - make_interval(secs => :history),
				       closed_at = closed_at - make_interval(secs => :history),
				       plan_starts_at = :startsAt, plan_rsvp_deadline = :deadline
				WHERE plan_id = :id""")
			.param("history", seconds)
			.param("startsAt", Timestamp.from(startsAt))
			.param("deadline", Timestamp.from(rsvpDeadline))
			.param("id", planId)
			.update();
		this.jdbc.sql("""
				UPDATE approval_steps SET opened_at = opened_at - make_interval(secs => :history),
				       decided_at = decided_at - make_interval(secs => :history)
				WHERE round_id IN (SELECT id FROM approval_rounds WHERE plan_id = :id)""")
			.param("history", seconds)
			.param("id", planId)
			.update();
	}

}
