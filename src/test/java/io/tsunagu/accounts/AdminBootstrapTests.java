package io.tsunagu.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.TsunaguTest;
import io.tsunagu.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@TsunaguTest
@Transactional
class AdminBootstrapTests {

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsTheFirstAdministratorFromTheEnvironment() {
		new AdminBootstrap(this.accounts, this.passwords, this.audit, this.jdbc, "first.admin@corp.example", "a-long-secret-1234")
			.run(null);
		Account admin = this.accounts.findByEmailIgnoreCase("First.Admin@corp.example").orElseThrow();
		assertThat(admin.isAdmin()).isTrue();
		assertThat(this.passwords.matches("a-long-secret-1234", admin.getPasswordHash())).isTrue();
	}

	@Test
	void leavesAnExistingAccountsPasswordAlone() {
		String before = this.accounts.findByEmailIgnoreCase("admin@tsunagu.example").orElseThrow().getPasswordHash();
		new AdminBootstrap(this.accounts, this.passwords, this.audit, this.jdbc, "admin@tsunagu.example", "another-password-99")
			.run(null);
		assertThat(this.accounts.findByEmailIgnoreCase("admin@tsunagu.example").orElseThrow().getPasswordHash())
			.isEqualTo(before);
	}

	@Test
	void refusesAShortAdministratorPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new AdminBootstrap(this.accounts, this.passwords, this.audit, this.jdbc, "short@corp.example", "short")
				.run(null))
			.withMessageContaining("at least 12");
		assertThat(this.accounts.existsByEmailIgnoreCase("short@corp.example")).isFalse();
	}

}
