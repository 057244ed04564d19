package io.tsunagu.accounts;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GET or HEAD never opens a session: the answer page is opened by mail scanners and link checkers by
 * the thousand, and each new session would be a row in the database. What such a request would keep
 * in a new session (the language chosen, a CSRF token) lasts for the request only; a session the
 * browser already has is used as usual.
 */
final class SessionlessReads extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		chain.doFilter(read ? new NoNewSession(request) : request, response);
	}

	private static final class NoNewSession extends HttpServletRequestWrapper {

		private RequestOnlySession local;

		NoNewSession(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public HttpSession getSession(boolean create) {
			HttpSession existing = super.getSession(false);
			if (existing != null) {
				return existing;
			}
			if (this.local == null && create) {
				this.local = new RequestOnlySession(getServletContext());
			}
			return this.local;
		}

	}

	private static final class RequestOnlySession implements HttpSession {

		private final String id = UUID.randomUUID().toString();

		private final long createdAt = System.currentTimeMillis();

		private final ServletContext context;

		private final Map<String, Object> attributes = new ConcurrentHashMap<>();

		private int maxInactiveInterval;

		RequestOnlySession(ServletContext context) {
			this.context = context;
		}

		@Override
		public long getCreationTime() {
			return this.createdAt;
		}

		@Override
		public String getId() {
			return this.id;
		}

		@Override
		public long getLastAccessedTime() {
			return this.createdAt;
		}

		@Override
		public ServletContext getServletContext() {
			return this.context;
		}

		@Override
		public void setMaxInactiveInterval(int interval) {
			this.maxInactiveInterval = interval;
		}

		@Override
		public int getMaxInactiveInterval() {
			return this.maxInactiveInterval;
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				this.attributes.remove(name);
			}
			else {
				this.attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

		@Override
		public void invalidate() {
			this.attributes.clear();
		}

		@Override
		public boolean isNew() {
			return true;
		}

	}

}
