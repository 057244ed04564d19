package io.tsunagu.invitations;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The seats of an event. A seat is taken with one conditional update, never by counting first: two
 * people answering at once cannot both get the last seat, and the table's CHECK refuses an overbooking
 * whatever the statement. Runs in the caller's transaction.
 */
@Component
class Seats {

	/** Capacity and seats taken. */
	record Count(int capacity, int taken) {

		public int free() {
			return this.capacity - this.taken;
		}

		public boolean isFull() {
			return free() <= 0;
		}

		/**
		 * Few seats left, worth saying how many: a tenth of the seats, at least 3 and at most 10, so that a
		 * small meetup says so at its last 3 seats and a hall of 500 at its last 10.
		 */
		public boolean isFew() {
			int few = Math.min(10, Math.max(3, (this.capacity + 9) / 10));
			return !isFull() && free() <= few;
		}

	}

	private final JdbcClient jdbc;

	Seats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens the seats with the approved capacity when the first invitations go out. */
	void open(long planId, int capacity) {
		this.jdbc.sql("INSERT INTO event_seats (plan_id, capacity) VALUES (?, ?) ON CONFLICT (plan_id) DO NOTHING")
			.params(planId, capacity)
			.update();
	}

	boolean take(long planId) {
		return this.jdbc.sql("UPDATE event_seats SET seats_taken = seats_taken + 1 WHERE plan_id = ? AND seats_taken < capacity")
			.param(planId)
			.update() == 1;
	}

	void release(long planId) {
		this.jdbc.sql("UPDATE event_seats SET seats_taken = seats_taken - 1 WHERE plan_id = ? AND seats_taken > 0")
			.param(planId)
			.update();
	}

	/** @throws InvitationRefused when fewer seats than people attending are asked for */
	void changeCapacity(long planId, int capacity) {
		// Conditional, so that a refusal leaves the transaction usable (a CHECK violation would abort it).
		if (this.jdbc.sql("UPDATE event_seats SET capacity = ? WHERE plan_id = ? AND seats_taken <= ?")
			.params(capacity, planId, capacity)
			.update() == 0) {
			throw new InvitationRefused(count(planId).isPresent() ? "invitations.refused.capacity"
					: "invitations.refused.noSeatsYet");
		}
	}

	Optional<Count> count(long planId) {
		return this.jdbc.sql("SELECT capacity, seats_taken FROM event_seats WHERE plan_id = ?")
			.param(planId)
			.query((rs, n) -> new Count(rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	/** How many are on the event's waitlist; counted on the waitlist's own index, whatever the invitations. */
	long waiting(long planId) {
		return this.jdbc.sql("SELECT count(*) FROM invitations WHERE plan_id = ? AND answer = 'WAITLISTED'")
			.param(planId)
			.query(Long.class)
			.single();
	}

	/**
	 * Where this invitation stands on the waitlist (1 is next), or empty when it is not waiting. Counts
	 * those ahead on the waitlist's index in its own order, so promotions move everyone up at once; asks
	 * nothing of the database for an invitation that is not waiting.
	 */
	Optional<Long> waitlistPosition(Invitation invitation) {
		if (invitation.getAnswer() != Answer.WAITLISTED) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT count(*) FROM invitations me JOIN invitations ahead
				  ON ahead.plan_id = me.plan_id AND ahead.answer = 'WAITLISTED'
				 AND (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
				WHERE me.id = ? AND me.answer = 'WAITLISTED'""")
			.param(invitation.getId())
			.query(Long.class)
			.optional()
			.filter(position -> position > 0);
	}

	/**
	 * The first person waiting, locked for this transaction; someone another transaction is promoting
	 * is skipped rather than promoted twice.
	 */
	Optional<Long> firstWaiting(long planId) {
		return this.jdbc.sql("""
				SELECT id FROM invitations WHERE plan_id = ? AND answer = 'WAITLISTED'
				ORDER BY waitlisted_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param(planId)
			.query(Long.class)
			.optional();
	}

}
