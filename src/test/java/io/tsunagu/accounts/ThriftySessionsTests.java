package io.tsunagu.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session's own filter over {@link ThriftySessions}, on Spring Session's in-memory store counting
 * its reads: a request reads its session once (the filter, committing the session when the page is
 * written and again at the end, asks for it again after saving it, and gets the session it just saved),
 * and nothing of it outlives the request.
 */
class ThriftySessionsTests {

	private final AtomicInteger reads = new AtomicInteger();

	private final Map<String, Session> stored = new ConcurrentHashMap<>();

	private final MapSessionRepository memory = new MapSessionRepository(this.stored);

	private final SessionRepositoryFilter<ThriftySessions.Kept> filter = ThriftySessions.filter(new SessionRepository<MapSession>() {

		@Override
		public MapSession createSession() {
			return ThriftySessionsTests.this.memory.createSession();
		}

		@Override
		public void save(MapSession session) {
			ThriftySessionsTests.this.memory.save(session);
		}

		@Override
		public MapSession findById(String id) {
			ThriftySessionsTests.this.reads.incrementAndGet();
			return ThriftySessionsTests.this.memory.findById(id);
		}

		@Override
		public void deleteById(String id) {
			ThriftySessionsTests.this.memory.deleteById(id);
		}

	});

	@Test
	void aRequestReadsItsSessionOnceAndTheNextReadsItAfresh() throws Exception {
		MockHttpServletResponse first = request(null, session -> session.setAttribute("lang", "en"));
		Cookie cookie = first.getCookie("SESSION");
		assertThat(cookie).isNotNull();

		this.reads.set(0);
		String[] seen = new String[1];
		request(cookie, session -> seen[0] = (String) session.getAttribute("lang"));
		assertThat(seen[0]).isEqualTo("en");
		assertThat(this.reads).as("the session read once in a request").hasValue(1);

		// Gone from the store between requests (logged out in another tab): the next request has none.
		this.stored.clear();
		HttpSession[] after = new HttpSession[1];
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setCookies(cookie);
		this.filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> after[0] = ((HttpServletRequest) req).getSession(false));
		assertThat(after[0]).as("nothing of the last request kept").isNull();
		assertThat(this.reads).hasValue(2);
	}

	private MockHttpServletResponse request(Cookie cookie, Consumer<HttpSession> page)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		if (cookie != null) {
			request.setCookies(cookie);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> {
			page.accept(((HttpServletRequest) req).getSession());
			// A page written out commits the response, and the filter commits the session then and at the end.
			res.getWriter().write("<p>page</p>");
			res.flushBuffer();
		});
		return response;
	}

}
