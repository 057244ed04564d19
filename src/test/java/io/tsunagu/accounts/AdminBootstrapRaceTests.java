package io.tsunagu.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.TsunaguTest;
import io.tsunagu.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas started together on a new database each create the first administrator from the same
 * environment: one creates it, the others find it, and none fails to start. Not in a test transaction:
 * each replica's start-up commits on its own.
 */
@TsunaguTest
class AdminBootstrapRaceTests {

	private static final int REPLICAS = 4;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void replicasStartingTogetherCreateTheAdministratorOnceAndAllStart() throws Exception {
		String email = "race.admin." + System.nanoTime() + "@corp.example";
		CyclicBarrier together = new CyclicBarrier(REPLICAS);
		ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
		try {
			List<Future<?>> started = new ArrayList<>();
			for (int i = 0; i < REPLICAS; i++) {
				AdminBootstrap bootstrap = new AdminBootstrap(this.accounts, this.passwords, this.audit, this.jdbc, email,
						"a-long-secret-1234");
				started.add(replicas.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					// As the application runs it: in a transaction of its own.
					this.transactions.executeWithoutResult(tx -> bootstrap.run(null));
					return null;
				}));
			}
			for (Future<?> replica : started) {
				replica.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			replicas.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'account.created' AND subject = ?")
			.param(email)
			.query(Long.class)
			.single()).as("created once in the audit log").isEqualTo(1);
	}

}
