package io.tsunagu.attendance;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeAnonymised;

/**
 * What attendance keeps of a person who left: the thank-yous written to them are emptied and their
 * check-in codes and taps deleted; their check-ins stay, so that who came is still counted right. Runs in
 * the anonymisation's transaction.
 */
@Component
class LeaversAttendance {

	private final JdbcClient jdbc;

	LeaversAttendance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EmployeeAnonymised anonymised) {
		long id = anonymised.employeeId();
		this.jdbc.sql("UPDATE thank_yous SET message = '' WHERE employee_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM check_in_codes WHERE employee_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM check_in_taps WHERE employee_id = ?").param(id).update();
	}

}
