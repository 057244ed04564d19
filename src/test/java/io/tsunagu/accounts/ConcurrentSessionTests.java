package io.tsunagu.accounts;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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

}
