package io.tsunagu.invitations;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitations people were sent before, for the suggestions of whom to invite: one query for a whole
 * set of candidates, read through the index on the invitee.
 */
@Service
@Transactional(readOnly = true)
public class InvitationHistory {

	/** The latest invitations looked at per person; enough to tell how often they come. */
	static final int LATEST = 20;

	private final JdbcClient jdbc;

	InvitationHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For each of these people who was ever sent an invitation: to which events, and when this organiser last invited them. */
	public Map<Long, Invited> of(Collection<Long> employeeIds, long organiserId) {
		Map<Long, Invited> found = new LinkedHashMap<>();
		if (employeeIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT i.employee_id, (array_agg(i.plan_id ORDER BY i.sent_at DESC, i.id DESC))[1:%d],
				       max(i.sent_at) FILTER (WHERE w.created_by = ?)
				FROM invitations i JOIN invitation_waves w ON w.id = i.wave_id
				WHERE i.employee_id = ANY (?) AND i.sent_at IS NOT NULL
				GROUP BY i.employee_id""".formatted(LATEST))
			.params(organiserId, employeeIds.toArray(Long[]::new))
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp(3);
				return new Invited(rs.getLong(1), ids(rs.getArray(2)), last == null ? null : last.toInstant());
			})
			.list()
			.forEach(invited -> found.put(invited.employeeId(), invited));
		return found;
	}

	/** Those of these people already on the event's list or invited to it, whichever wave. */
	public Set<Long> alreadyOn(long planId, Collection<Long> employeeIds) {
		if (employeeIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("SELECT employee_id FROM invitations WHERE plan_id = ? AND employee_id = ANY (?)")
			.params(planId, employeeIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

	/**
	 * The invitations sent to one person: the events, the latest first (at most {@value #LATEST}), and when the
	 * organiser asking last invited them (null: never).
	 */
	public record Invited(long employeeId, List<Long> planIds, Instant lastInvitedByOrganiser) {

		public Invited {
			planIds = List.copyOf(planIds);
		}

	}

}
