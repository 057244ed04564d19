package io.tsunagu.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Spring Session's JDBC repository with a write fewer for most requests. It writes the session back on
 * every request because the time of last access changed; here that time moves only once a minute (against
 * a timeout of hours), so a request that changes nothing else writes nothing.
 */
final class ThriftySessions implements SessionRepository<ThriftySessions.Kept> {

	static final Duration TOUCH = Duration.ofMinutes(1);

	private final SessionRepository<Session> store;

	@SuppressWarnings("unchecked")
	ThriftySessions(SessionRepository<? extends Session> store) {
		this.store = (SessionRepository<Session>) store;
	}

	@Override
	public Kept createSession() {
		return new Kept(this.store.createSession());
	}

	@Override
	public void save(Kept session) {
		this.store.save(session.stored);
	}

	@Override
	public Kept findById(String id) {
		Session found = this.store.findById(id);
		return found != null ? new Kept(found) : null;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
	}

	/** A stored session whose time of last access moves in steps of {@link #TOUCH}. */
	static final class Kept implements Session {

		private final Session stored;

		Kept(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(TOUCH))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
