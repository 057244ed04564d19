package io.tsunagu.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's states and their moves: QUEUED → SENDING → SENT, back to QUEUED after a temporary
 * failure or a stale claim, FAILED after a permanent failure or too many attempts. Each move is one
 * statement guarded by the state it leaves, so several dispatchers can share the table.
 */
@Component
class MailQueue {

	enum Status {

		QUEUED, SENDING, SENT, FAILED

	}

	private final JdbcClient jdbc;

	MailQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims up to {@code limit} due messages for {@code instance} until the lease runs out; rows other
	 * dispatchers hold are skipped, not waited for.
	 */
	@Transactional
	List<OutgoingMail> claim(int limit, String instance, Duration lease) {
		List<OutgoingMail> claimed = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1,
				       claimed_by = ?, lease_until = now() + make_interval(secs => ?)
				WHERE id IN (SELECT id FROM mail_outbox
				             WHERE status = 'QUEUED' AND next_attempt_at <= now()
				             ORDER BY next_attempt_at, id
				             LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, message_id, recipient, recipient_name, subject, html_body, text_body, attempts""")
			.params(instance, seconds(lease), limit)
			.query((rs, row) -> new OutgoingMail(rs.getLong("id"), rs.getString("message_id"), rs.getString("recipient"),
					rs.getString("recipient_name"), rs.getString("subject"), rs.getString("html_body"),
					rs.getString("text_body"), rs.getInt("attempts"), new ArrayList<>()))
			.list();
		if (claimed.isEmpty()) {
			return claimed;
		}
		Map<Long, OutgoingMail> byId = new HashMap<>();
		claimed.forEach(mail -> byId.put(mail.id(), mail));
		this.jdbc.sql("""
				SELECT mail_id, filename, content_type, content, content_id FROM mail_attachments
				WHERE mail_id = ANY (?) ORDER BY mail_id, position""")
			.param(byId.keySet().toArray(Long[]::new))
			.query(rs -> {
				byId.get(rs.getLong("mail_id"))
					.attachments()
					.add(new MailAttachment(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content"),
							rs.getString("content_id")));
			});
		claimed.sort(java.util.Comparator.comparingLong(OutgoingMail::id));
		return claimed;
	}

	/**
	 * What the server accepted, in one statement for all the messages reported since the last one. It
	 * was sent, whoever holds the claim now: a dispatcher that took it over after a lease ran out
	 * records nothing more for it.
	 */
	void markSent(List<Long> ids, String via) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENT', sent_at = now(), delivered_via = ?, last_error = NULL,
				       claimed_by = NULL, lease_until = NULL
				WHERE id = ANY (?) AND status IN ('QUEUED', 'SENDING')""").params(via, ids.toArray(Long[]::new)).update();
	}

	void retryLater(long id, String instance, String error, Duration wait) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'QUEUED', last_error = ?, claimed_at = NULL, claimed_by = NULL,
				       lease_until = NULL, next_attempt_at = now() + make_interval(secs => ?)
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""").params(error, seconds(wait), id, instance).update();
	}

	void fail(long id, String instance, String error) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'FAILED', last_error = ?, claimed_at = NULL, claimed_by = NULL,
				       lease_until = NULL
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""").params(error, id, instance).update();
	}

	/** Keeps this instance's claims while it is still sending them. */
	int renewLeases(String instance, Duration lease) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET lease_until = now() + make_interval(secs => ?)
				WHERE status = 'SENDING' AND claimed_by = ?""").params(seconds(lease), instance).update();
	}

	/**
	 * Claims this instance held when it stopped go back to the queue at its start: whatever was sending
	 * them died with it.
	 */
	int takeBack(String instance) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'QUEUED', claimed_at = NULL, claimed_by = NULL, lease_until = NULL,
				       next_attempt_at = now()
				WHERE status = 'SENDING' AND claimed_by = ?""").param(instance).update();
	}

	/** Claims whose lease ran out belong to a dispatcher that stopped renewing them: back to the queue. */
	int takeBackExpired() {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'QUEUED', claimed_at = NULL, claimed_by = NULL, lease_until = NULL,
				       next_attempt_at = now()
				WHERE status = 'SENDING' AND lease_until < now()""").update();
	}

	/**
	 * Empties the bodies and attachments of mail an SMTP server accepted before {@code before}: they
	 * hold answer links, which a copy of the database must not open. The headers and the status stay.
	 * Mail in the built-in mailbox keeps its bodies, since the mailbox page is where it is read.
	 */
	@Transactional
	int dropSentBodiesBefore(Instant before) {
		Timestamp until = Timestamp.from(before);
		this.jdbc.sql("""
				DELETE FROM mail_attachments WHERE mail_id IN (SELECT id FROM mail_outbox
				    WHERE status = 'SENT' AND delivered_via = 'SMTP' AND body_dropped_at IS NULL AND sent_at < ?)""")
			.param(until)
			.update();
		return this.jdbc.sql("""
				UPDATE mail_outbox SET html_body = '', text_body = '', body_dropped_at = now()
				WHERE status = 'SENT' AND delivered_via = 'SMTP' AND body_dropped_at IS NULL AND sent_at < ?""")
			.param(until)
			.update();
	}

	private static double seconds(Duration duration) {
		return (double) duration.toMillis() / 1000;
	}

	/** A failed message goes back to the queue with a fresh count of attempts. */
	boolean resend(long id) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), last_error = NULL
				WHERE id = ? AND status = 'FAILED'""").param(id).update() == 1;
	}

	Optional<String> dismiss(long id) {
		return this.jdbc.sql("DELETE FROM mail_outbox WHERE id = ? AND status = 'FAILED' RETURNING recipient")
			.param(id)
			.query(String.class)
			.optional();
	}

	int purgeSentBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM mail_outbox WHERE status = 'SENT' AND sent_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

	Map<Status, Long> countByStatus() {
		Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
		for (Status status : Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, count(*) FROM mail_outbox GROUP BY status")
			.query(rs -> {
				counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	long count(Status status) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = ?").param(status.name()).query(Long.class).single();
	}

	/**
	 * One batch's counts and the given-up recipients in one statement over the batch index. A message
	 * that failed an attempt keeps its error until it is sent, so QUEUED or SENDING with an error is a retry;
	 * SENDING with a lease that ran out was being sent by an instance that stopped.
	 */
	MailProgress progress(String batch) {
		return this.jdbc.sql("""
				SELECT count(*) AS total,
				       count(*) FILTER (WHERE status = 'SENT') AS sent,
				       count(*) FILTER (WHERE status = 'FAILED') AS failed,
				       count(*) FILTER (WHERE status = 'SENDING' AND lease_until < now()) AS interrupted,
				       count(*) FILTER (WHERE status IN ('QUEUED', 'SENDING') AND last_error IS NOT NULL
				                        AND NOT (status = 'SENDING' AND lease_until < now())) AS retrying,
				       (array_agg(recipient ORDER BY id) FILTER (WHERE status = 'FAILED'))[1:?] AS failed_emails,
				       (array_agg(recipient_name ORDER BY id) FILTER (WHERE status = 'FAILED'))[1:?] AS failed_names
				FROM mail_outbox WHERE batch = ?""")
			.params(MailProgress.NAMED_FAILURES, MailProgress.NAMED_FAILURES, batch)
			.query((rs, row) -> {
				long total = rs.getLong("total");
				long sent = rs.getLong("sent");
				long failed = rs.getLong("failed");
				long retrying = rs.getLong("retrying");
				long interrupted = rs.getLong("interrupted");
				String[] emails = strings(rs.getArray("failed_emails"));
				String[] names = strings(rs.getArray("failed_names"));
				List<MailProgress.Recipient> failures = new ArrayList<>();
				for (int i = 0; i < emails.length; i++) {
					failures.add(new MailProgress.Recipient(emails[i], names[i]));
				}
				return new MailProgress(total, sent, failed, retrying, interrupted,
						total - sent - failed - retrying - interrupted, failures);
			})
			.single();
	}

	private static String[] strings(java.sql.Array array) throws java.sql.SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	/** How long the oldest queued message has waited, if any waits. */
	Optional<Duration> oldestQueuedAge() {
		return this.jdbc.sql("SELECT extract(epoch FROM now() - min(created_at)) FROM mail_outbox WHERE status = 'QUEUED' HAVING count(*) > 0")
			.query(Double.class)
			.optional()
			.map(seconds -> Duration.ofMillis((long) (seconds * 1000)));
	}

}
