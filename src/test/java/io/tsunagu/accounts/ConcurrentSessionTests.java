package io.tsunagu.accounts;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests of one session at the same time (a double tap, two tabs, a page and its fetches): each writes
 * the session back, and the first to store a new attribute must not make the others fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answersEveryRequestOfOneSessionWhenTheyAllStoreTheSameNewAttribute() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			for (int round = 0; round < 5; round++) {
				// A fresh session each round: switching the language stores a new attribute in it.
				WebClient organiser = new WebClient(this.port);
				assertThat(organiser.logIn("organiser@tsunagu.example", "tsunagu-demo")).isTrue();
				List<Callable<HttpResponse<String>>> switches = new ArrayList<>();
				for (int i = 0; i < 16; i++) {
					switches.add(() -> organiser.get("/?lang=en"));
				}
				for (Future<HttpResponse<String>> response : threads.invokeAll(switches)) {
					assertThat(response.get().statusCode()).isEqualTo(200);
				}
				assertThat(organiser.get("/").body()).contains("Log out");
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aPageSeenAgainWithinAMinuteWritesNothingToTheSession() throws Exception {
		WebClient organiser = new WebClient(this.port);
		assertThat(organiser.logIn("organiser@tsunagu.example", "tsunagu-demo")).isTrue();
		String id = new String(Base64.getDecoder().decode(organiser.cookieHeader().replaceAll(".*SESSION=([^;]*).*", "$1")),
				StandardCharsets.UTF_8);
		assertThat(organiser.get("/").statusCode()).isEqualTo(200);
		long touched = lastAccess(id);

		for (int i = 0; i < 3; i++) {
			assertThat(organiser.get("/").body()).contains("nav-approvals");
		}

		assertThat(lastAccess(id)).as("the session's last access, written at most once a minute").isEqualTo(touched);
		this.jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000 WHERE session_id = ?").param(id).update();
		organiser.get("/");
		assertThat(lastAccess(id)).as("a minute later it moves").isGreaterThan(touched);
	}

	private long lastAccess(String sessionId) {
		return this.jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

}
