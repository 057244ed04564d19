package io.tsunagu.invitations;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeRef;

/**
 * The answer links of invitations. Every mail that lets the invitee answer carries a link of its own,
 * issued when the mail is queued: only the token's hash is stored, so a link cannot be mailed twice,
 * only a new one issued. All of an invitation's links lead to it. Runs in the caller's transaction.
 */
@Component
class AnswerLinks {

	private final JdbcClient jdbc;

	private final Clock clock;

	AnswerLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new link to a sent invitation; the token goes into the mail and nowhere else. */
	RsvpToken issue(Invitation invitation) {
		return issue(invitation, RsvpToken.generate());
	}

	/** A link made beforehand, issued now: a mail's calendar part carries it too, and is built first. */
	private RsvpToken issue(Invitation invitation, RsvpToken token) {
		if (!invitation.isSent()) {
			throw new IllegalStateException("Invitation " + invitation.getId() + " was not sent");
		}
		this.jdbc.sql("INSERT INTO invitation_links (token_hash, invitation_id, issued_at) VALUES (?, ?, ?)")
			.params(token.hash(), invitation.getId(), java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return token;
	}

	/**
	 * A new link for a mail to the invitee, as the mail templates use it: the token, and the language the
	 * answer page opens in.
	 */
	Map<String, Object> forMail(Invitation invitation, EmployeeRef invitee) {
		return forMail(invitation, invitee, RsvpToken.generate());
	}

	/** The same for a token made beforehand, which the mail's calendar part carries too. */
	Map<String, Object> forMail(Invitation invitation, EmployeeRef invitee, RsvpToken token) {
		return Map.of("token", issue(invitation, token).value(), "lang", invitee.locale().getLanguage());
	}

	/** The invitation a link leads to, if it was ever issued. */
	Optional<Long> invitationOf(RsvpToken token) {
		return this.jdbc.sql("SELECT invitation_id FROM invitation_links WHERE token_hash = ?")
			.param(token.hash())
			.query(Long.class)
			.optional();
	}

}
