package io.tsunagu.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL. Requests of one session run at the same time (a double tap, two tabs), and
 * each writes the session back: with PostgreSQL's upsert the second one to store a new attribute updates
 * it instead of failing on its primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessions() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
