package io.tsunagu.mail;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.DemoCompanyRemoved;

/**
 * The demo company's mail leaves with it: all mail there is was sent to its made-up people, some of
 * it with links that still work.
 */
@Component
class DemoMailbox {

	private final JdbcClient jdbc;

	DemoMailbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// In the transaction that removes the demo company: both or neither.
	@EventListener
	void on(DemoCompanyRemoved removed) {
		this.jdbc.sql("DELETE FROM mail_outbox").update();
	}

}
