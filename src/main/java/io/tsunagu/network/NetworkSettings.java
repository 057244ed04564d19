package io.tsunagu.network;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;

/** What each employee chose about their network: whether other organisers' suggestions may name them. */
@Service
@Transactional
class NetworkSettings {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	NetworkSettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether this employee chose to be left out of other people's suggestions. */
	@Transactional(readOnly = true)
	boolean isHiddenFromSuggestions(long employeeId) {
		return this.jdbc.sql("SELECT hidden_from_suggestions FROM network_settings WHERE employee_id = ?")
			.param(employeeId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Hides this employee from other people's suggestions, or shows them again; audited either way. */
	void hideFromSuggestions(long employeeId, String actor, boolean hidden) {
		this.jdbc.sql("""
				INSERT INTO network_settings (employee_id, hidden_from_suggestions, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (employee_id) DO UPDATE SET hidden_from_suggestions = excluded.hidden_from_suggestions,
				    updated_at = excluded.updated_at""")
			.params(employeeId, hidden, Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(actor, "network.settings", "employee " + employeeId,
				hidden ? "hidden from suggestions" : "shown in suggestions");
	}

}
