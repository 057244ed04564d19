package io.tsunagu.invitations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.planning.MoveAudience;

/**
 * How many invitees a move of an event reaches, for the organisers to confirm it: one count over the
 * event's sent invitations, the same ones the change mail goes to ({@link EventNotices}).
 */
@Component
class InviteeReach implements MoveAudience {

	private final JdbcClient jdbc;

	InviteeReach(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Reach of(long planId) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE answer <> 'DECLINED'), count(*) FILTER (WHERE answer = 'DECLINED')
				FROM invitations WHERE plan_id = ? AND sent_at IS NOT NULL""")
			.param(planId)
			.query((rs, n) -> new Reach(rs.getLong(1), rs.getLong(2)))
			.single();
	}

}
