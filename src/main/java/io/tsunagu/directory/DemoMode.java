package io.tsunagu.directory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the database holds the demo company, recorded when it is seeded; and leaving it.
 */
@Service
public class DemoMode {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DemoMode(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Whether this is the demo company: seeded and not left. */
	public boolean isOn() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM demo_mode WHERE left_at IS NULL)").query(Boolean.class).single();
	}

	/** Whether the demo company was ever seeded here, left or not. */
	boolean wasSeeded() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM demo_mode)").query(Boolean.class).single();
	}

	void recordSeeded() {
		this.jdbc.sql("INSERT INTO demo_mode (seeded_at) VALUES (now())").update();
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
		this.events.publishEvent(new DemoCompanyRemoved(administrator));
	}

}
