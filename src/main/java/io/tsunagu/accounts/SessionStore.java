package io.tsunagu.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in PostgreSQL. Requests of one session run at the same time (a double tap, two tabs), and
 * each writes the session back: with PostgreSQL's upsert the second one to store a new attribute updates
 * it instead of failing on its primary key. The session filter goes through {@link ThriftySessions}, which
 * spares most requests a write of the session.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessions() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * The session filter Spring Boot sets up, made again over {@link ThriftySessions} with the same cookie:
	 * Boot sets up its JDBC sessions only while no other session repository is defined.
	 */
	@Bean
	static BeanPostProcessor thriftySessionFilter(ObjectProvider<JdbcIndexedSessionRepository> store,
			ObjectProvider<CookieSerializer> cookies) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof SessionRepositoryFilter<?>) || !"springSessionRepositoryFilter".equals(name)) {
					return bean;
				}
				SessionRepositoryFilter<ThriftySessions.Kept> filter = ThriftySessions.filter(store.getObject());
				CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
				cookies.ifAvailable(resolver::setCookieSerializer);
				filter.setHttpSessionIdResolver(resolver);
				return filter;
			}
		};
	}

}
