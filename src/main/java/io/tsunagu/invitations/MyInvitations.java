package io.tsunagu.invitations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A logged-in employee's own invitations: those waiting for their answer and the events they attend, a page
 * at a time, and a way to answer from the home page. The lists join the plan's row (read only) for its title
 * and dates: one indexed query per list, bounded by the page, whatever the size of the company.
 */
@Service
public class MyInvitations {

	private static final String CARD = """
			SELECT i.id, i.plan_id, p.title, i.answer, p.starts_at, p.rsvp_deadline, p.zone, p.venue
			FROM invitations i JOIN event_plans p ON p.id = i.plan_id
			""";

	private final JdbcClient jdbc;

	private final Invitations invitations;

	private final AnswerLinks links;

	private final Clock clock;

	MyInvitations(JdbcClient jdbc, Invitations invitations, AnswerLinks links, Clock clock) {
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.links = links;
		this.clock = clock;
	}

	/** Sent invitations not answered yet whose answers are still taken, the nearest deadline first. */
	@Transactional(readOnly = true)
	public Slice<InvitationCard> awaitingAnswer(long employeeId, int page, int size) {
		return slice(CARD + """
				WHERE i.employee_id = :me AND i.answer = 'PENDING' AND i.sent_at IS NOT NULL
				  AND p.status = 'INVITING' AND p.rsvp_deadline > :now
				ORDER BY p.rsvp_deadline, i.id""", employeeId, page, size);
	}

	/** Events not over yet that this person attends or waits for a seat at, the soonest first. */
	@Transactional(readOnly = true)
	public Slice<InvitationCard> attending(long employeeId, int page, int size) {
		return slice(CARD + """
				WHERE i.employee_id = :me AND i.answer IN ('ATTENDING', 'WAITLISTED')
				  AND p.status IN ('APPROVED', 'INVITING') AND p.ends_at > :now
				ORDER BY p.starts_at, i.id""", employeeId, page, size);
	}

	/**
	 * A new answer link for the invitee's own sent invitation, for them to open from the home page. Like every
	 * link, only its hash is kept; it leads to the same answer page as the mailed links. Empty when the
	 * invitation is not this person's, or was not sent.
	 */
	@Transactional
	public Optional<String> answerLink(long invitationId, long employeeId, String language) {
		return this.invitations.findById(invitationId)
			.filter(invitation -> invitation.getEmployeeId() == employeeId && invitation.isSent())
			.map(invitation -> "/rsvp/" + this.links.issue(invitation).value() + "?lang=" + language);
	}

	private Slice<InvitationCard> slice(String sql, long employeeId, int page, int size) {
		int first = Math.max(page, 0) * size;
		List<InvitationCard> rows = this.jdbc.sql(sql + " LIMIT :limit OFFSET :offset")
			.param("me", employeeId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", size + 1)
			.param("offset", first)
			.query(MyInvitations::card)
			.list();
		boolean more = rows.size() > size;
		return new SliceImpl<>(more ? rows.subList(0, size) : rows, PageRequest.of(Math.max(page, 0), size), more);
	}

	private static InvitationCard card(ResultSet row, int number) throws SQLException {
		return new InvitationCard(row.getLong("id"), row.getLong("plan_id"), row.getString("title"),
				row.getString("answer"), row.getTimestamp("starts_at").toInstant(),
				row.getTimestamp("rsvp_deadline").toInstant(), ZoneId.of(row.getString("zone")), row.getString("venue"));
	}

}
