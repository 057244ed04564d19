package io.tsunagu.mail;

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

	/** Claims up to {@code limit} due messages; rows other dispatchers hold are skipped, not waited for. */
	@Transactional
	List<OutgoingMail> claim(int limit) {
		List<OutgoingMail> claimed = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1
				WHERE id IN (SELECT id FROM mail_outbox
				             WHERE status = 'QUEUED' AND next_attempt_at <= now()
				             ORDER BY next_attempt_at, id
				             LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, message_id, recipient, recipient_name, subject, html_body, text_body, attempts""")
			.param(limit)
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
				SELECT mail_id, filename, content_type, content FROM mail_attachments
				WHERE mail_id = ANY (?) ORDER BY mail_id, position""")
			.param(byId.keySet().toArray(Long[]::new))
			.query(rs -> {
				byId.get(rs.getLong("mail_id"))
					.attachments()
					.add(new MailAttachment(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")));
			});
		claimed.sort(java.util.Comparator.comparingLong(OutgoingMail::id));
		return claimed;
	}

	/** One statement for a whole batch: a commit per message would cost more than sending it. */
	void markSent(List<Long> ids, String via) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENT', sent_at = now(), delivered_via = ?, last_error = NULL
				WHERE id = ANY (?) AND status = 'SENDING'""").params(via, ids.toArray(Long[]::new)).update();
	}

	void retryLater(long id, String error, Duration wait) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'QUEUED', last_error = ?, claimed_at = NULL,
				       next_attempt_at = now() + make_interval(secs => ?)
				WHERE id = ? AND status = 'SENDING'""").params(error, (double) wait.toMillis() / 1000, id).update();
	}

	void fail(long id, String error) {
		this.jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', last_error = ?, claimed_at = NULL WHERE id = ? AND status = 'SENDING'")
			.params(error, id)
			.update();
	}

	/** Claims older than the stale timeout belong to a dispatcher that died: their messages go back to the queue. */
	int requeueStale(Duration staleTimeout) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'QUEUED', claimed_at = NULL, next_attempt_at = now()
				WHERE status = 'SENDING' AND claimed_at < now() - make_interval(secs => ?)""")
			.param((double) staleTimeout.toMillis() / 1000)
			.update();
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
			.param(java.sql.Timestamp.from(before))
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
	 * that failed an attempt keeps its error until it is sent, so QUEUED or SENDING with an error is a retry.
	 */
	MailProgress progress(String batch) {
		return this.jdbc.sql("""
				SELECT count(*) AS total,
				       count(*) FILTER (WHERE status = 'SENT') AS sent,
				       count(*) FILTER (WHERE status = 'FAILED') AS failed,
				       count(*) FILTER (WHERE status IN ('QUEUED', 'SENDING') AND last_error IS NOT NULL) AS retrying,
				       (array_agg(recipient ORDER BY id) FILTER (WHERE status = 'FAILED'))[1:?] AS failed_emails,
				       (array_agg(recipient_name ORDER BY id) FILTER (WHERE status = 'FAILED'))[1:?] AS failed_names
				FROM mail_outbox WHERE batch = ?""")
			.params(MailProgress.NAMED_FAILURES, MailProgress.NAMED_FAILURES, batch)
			.query((rs, row) -> {
				long total = rs.getLong("total");
				long sent = rs.getLong("sent");
				long failed = rs.getLong("failed");
				long retrying = rs.getLong("retrying");
				String[] emails = strings(rs.getArray("failed_emails"));
				String[] names = strings(rs.getArray("failed_names"));
				List<MailProgress.Recipient> failures = new ArrayList<>();
				for (int i = 0; i < emails.length; i++) {
					failures.add(new MailProgress.Recipient(emails[i], names[i]));
				}
				return new MailProgress(total, sent, failed, retrying, total - sent - failed - retrying, failures);
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
