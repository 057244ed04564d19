package io.tsunagu.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.audit.AuditLog;

/**
 * Anonymises the personal data of employees deactivated longer than {@code tsunagu.retention.anonymise-after}
 * ago. The row stays with its department, rank and join year, so that counts by group stay right; its name,
 * reading, address, title, code and reporting line go, and every module removes what it keeps of the person
 * in the same transaction ({@link EmployeeAnonymised}). One person per transaction, each locked with
 * {@code SKIP LOCKED} and checked again, so that two instances never both do one and a person that fails
 * (logged, tried again at the next pass) holds none of the others back. A second pass finds nobody.
 */
@Component
class Anonymisation {

	static final String AUDIT_ACTION = "directory.anonymise";

	/** Who the audit log names for work nobody asked for at the time (as {@code AuditEntry} does for none). */
	static final String ACTOR = "system";

	private static final Logger log = LoggerFactory.getLogger(Anonymisation.class);

	private static final int PAGE = 100;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration after;

	Anonymisation(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			AuditLog audit, Clock clock, @Value("${tsunagu.retention.anonymise-after:180d}") Duration after) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.after = after;
	}

	Duration after() {
		return this.after;
	}

	/** @return how many people were anonymised in this pass */
	@Scheduled(cron = "${tsunagu.retention.purge-cron:0 23 4 * * *}", zone = "${tsunagu.zone}")
	int anonymiseDue() {
		Timestamp cutoff = Timestamp.from(this.clock.instant().minus(this.after));
		int done = 0;
		int failed = 0;
		long last = 0;
		while (true) {
			List<Long> due = this.jdbc.sql("""
					SELECT id FROM employees
					WHERE NOT active AND anonymised_at IS NULL AND deactivated_at IS NOT NULL AND deactivated_at <= ?
					  AND id > ?
					ORDER BY id LIMIT ?""")
				.params(cutoff, last, PAGE)
				.query(Long.class)
				.list();
			for (long id : due) {
				try {
					if (Boolean.TRUE.equals(this.transaction.execute(status -> anonymise(id, cutoff)))) {
						done++;
					}
				}
				catch (RuntimeException ex) {
					failed++;
					log.warn("Could not anonymise employee {}; it is tried again at the next pass", id, ex);
				}
			}
			if (due.size() < PAGE) {
				break;
			}
			last = due.get(due.size() - 1);
		}
		if (done + failed > 0) {
			log.info("Anonymised {} employees deactivated more than {} ago ({} failed)", done, this.after, failed);
		}
		return done;
	}

	private boolean anonymise(long id, Timestamp cutoff) {
		Optional<String> email = this.jdbc.sql("""
				SELECT email FROM employees
				WHERE id = ? AND NOT active AND anonymised_at IS NULL AND deactivated_at <= ?
				FOR UPDATE SKIP LOCKED""")
			.params(id, cutoff)
			.query(String.class)
			.optional();
		if (email.isEmpty()) {
			return false;
		}
		Instant now = this.clock.instant();
		String alias = alias(id);
		this.jdbc.sql("""
				UPDATE employees
				SET code = ?, name = ?, name_kana = NULL, email = ?, title = NULL, reports_to_id = NULL, anonymised_at = ?
				WHERE id = ?""")
			.params(alias, ANONYMOUS_NAME, alias + "@anonymised.invalid", Timestamp.from(now), id)
			.update();
		this.events.publishEvent(new EmployeeAnonymised(id, email.get(), alias + "@anonymised.invalid"));
		this.audit.forget(email.get(), alias);
		this.audit.record(ACTOR, AUDIT_ACTION, "employee " + id, "deactivated more than " + this.after.toDays() + " days ago");
		return true;
	}

	/** What stands for the person's name, code and address: nothing but the row's own number. */
	static String alias(long id) {
		return "anonymised-" + id;
	}

	/** The name an anonymised employee has: a dash, in every language. */
	static final String ANONYMOUS_NAME = "—";

}
