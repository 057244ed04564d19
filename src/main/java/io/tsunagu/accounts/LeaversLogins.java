package io.tsunagu.accounts;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeAnonymised;
import io.tsunagu.directory.EmployeesDeactivated;

/**
 * The logins of people who left: their sessions end when they are deactivated (a login is refused from
 * then on, see {@link AccountDetails}), and their account, links and failed-login counts go when their
 * personal data is anonymised. Synchronous listeners, in the transaction that raised the event.
 */
@Component
class LeaversLogins {

	private final JdbcClient jdbc;

	LeaversLogins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EmployeesDeactivated deactivated) {
		String[] emails = deactivated.emails().stream().map(LeaversLogins::key).toArray(String[]::new);
		this.jdbc.sql("DELETE FROM spring_session WHERE lower(principal_name) = ANY (?)").param(emails).update();
	}

	@EventListener
	void on(EmployeeAnonymised anonymised) {
		String email = key(anonymised.formerEmail());
		this.jdbc.sql("DELETE FROM spring_session WHERE lower(principal_name) = ?").param(email).update();
		this.jdbc.sql("DELETE FROM accounts WHERE lower(email) = ?").param(email).update();
		this.jdbc.sql("DELETE FROM password_links WHERE lower(email) = ?").param(email).update();
		this.jdbc.sql("DELETE FROM login_throttle WHERE login_key = ?").param(email).update();
	}

	private static String key(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
