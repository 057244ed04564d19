package io.tsunagu.directory;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the database holds the demo company, recorded when it is seeded; and leaving it.
 * <p>
 * Every page asks (the banner, the mailbox's rule), so the answer is kept for a few seconds rather
 * than read for each request. The instance that leaves the demo knows at once; another instance
 * learns it within {@link #REMEMBERED}, by when the demo's mail is gone anyway.
 */
@Service
public class DemoMode {

	static final Duration REMEMBERED = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private volatile Remembered remembered;

	DemoMode(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Whether this is the demo company: seeded and not left. */
	public boolean isOn() {
		Remembered known = this.remembered;
		long now = System.nanoTime();
		if (known != null && now - known.readAt() < REMEMBERED.toNanos()) {
			return known.on();
		}
		boolean on = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM demo_mode WHERE left_at IS NULL)").query(Boolean.class).single();
		this.remembered = new Remembered(on, now);
		return on;
	}

	/** Whether the demo company was ever seeded here, left or not. */
	boolean wasSeeded() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM demo_mode)").query(Boolean.class).single();
	}

	void recordSeeded() {
		this.jdbc.sql("INSERT INTO demo_mode (seeded_at) VALUES (now())").update();
		this.remembered = null;
	}

	/**
	 * Removes the demo company, in the caller's transaction: its departments and employees and, by
	 * {@code TRUNCATE ... CASCADE}, every row of every module that refers to them (plans, approvals,
	 * invitations, ...), then tells the modules whose rows do not refer to them ({@link DemoCompanyRemoved}).
	 * While the demo is on, every row is demo data: the demo is left before the real org chart comes in.
	 * @throws IllegalStateException when this is not the demo company (or another administrator left it just now)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void leave(String administrator) {
		// The row lock makes a second, simultaneous leave wait and then find nothing to leave.
		int left = this.jdbc.sql("UPDATE demo_mode SET left_at = now(), left_by = ? WHERE left_at IS NULL")
			.param(administrator)
			.update();
		if (left == 0) {
			throw new IllegalStateException("This is not the demo company");
		}
		this.jdbc.sql("TRUNCATE departments, employees CASCADE").update();
		// Off at once here, before the commit: should it roll back, the mailbox is closed to all but
		// administrators for a few seconds, the safe side to err on.
		this.remembered = new Remembered(false, System.nanoTime());
		this.events.publishEvent(new DemoCompanyRemoved(administrator));
	}

	private record Remembered(boolean on, long readAt) {
	}

}
