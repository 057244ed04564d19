package io.tsunagu.attendance;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real database (the demo off, as with a database URL) gets no demo company, and so none of its events,
 * even with the demo's events left switched on.
 */
@TsunaguTest
@IsolatedDatabase("real_company")
@TestPropertySource(properties = { "tsunagu.demo.enabled=false", "tsunagu.demo.events.enabled=true" })
class NoDemoEventsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRealDatabaseGetsNoDemoEvents() {
		for (String table : new String[] { "employees", "event_plans", "invitations", "check_ins", "mail_outbox" }) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
		}
	}

}
