package io.tsunagu.network;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeAnonymised;

/**
 * A person who left keeps their meetings (the events they were at, with the department and join year of
 * the day), so that counts of ties and of groups stay right; they point at an employee row that no longer
 * names anyone. Their own network settings go. Runs in the anonymisation's transaction.
 */
@Component
class LeaversNetwork {

	private final JdbcClient jdbc;

	LeaversNetwork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EmployeeAnonymised anonymised) {
		this.jdbc.sql("DELETE FROM network_settings WHERE employee_id = ?").param(anonymised.employeeId()).update();
	}

}
