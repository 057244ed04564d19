package io.tsunagu.accounts;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's JDBC repository with a write and a read fewer for most requests. It writes the session
 * back on every request because the time of last access changed; here that time moves only once a minute
 * (against a timeout of hours), so a request that changes nothing else writes nothing. And the session
 * filter, having saved the session, asks for it again to know whether the id the browser sent is still
 * valid: within a request ({@link #filter}), the session just saved is that answer.
 */
final class ThriftySessions implements SessionRepository<ThriftySessions.Kept> {

	static final Duration TOUCH = Duration.ofMinutes(1);

	/** The session saved last in the request on this thread; no holder outside a request. */
	private static final ThreadLocal<Kept[]> savedInRequest = new ThreadLocal<>();

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
		Kept[] saved = savedInRequest.get();
		if (saved != null) {
			saved[0] = session;
		}
	}

	@Override
	public Kept findById(String id) {
		Kept[] saved = savedInRequest.get();
		if (saved != null && saved[0] != null && saved[0].getId().equals(id)) {
			return saved[0];
		}
		Session found = this.store.findById(id);
		return found != null ? new Kept(found) : null;
	}

	@Override
	public void deleteById(String id) {
		Kept[] saved = savedInRequest.get();
		if (saved != null) {
			saved[0] = null;
		}
		this.store.deleteById(id);
	}

	/**
	 * Spring Session's filter over these sessions, which keeps the session a request saved for the rest of
	 * that request, and forgets it when the request ends.
	 */
	static SessionRepositoryFilter<Kept> filter(SessionRepository<? extends Session> store) {
		return new SessionRepositoryFilter<>(new ThriftySessions(store)) {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (savedInRequest.get() != null) {
					super.doFilterInternal(request, response, chain);
					return;
				}
				savedInRequest.set(new Kept[1]);
				try {
					super.doFilterInternal(request, response, chain);
				}
				finally {
					savedInRequest.remove();
				}
			}

		};
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
