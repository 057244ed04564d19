package io.tsunagu.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A look at the login page opens no session: its CSRF token travels in a cookie until there is a session
 * (a monitor asking for the page every few seconds would otherwise leave a row in the database each
 * time). The form still logs in, the token of the page is still required, and signed in the token is the
 * session's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginPageSessionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void lookingAtTheLoginPageOpensNoSession() throws Exception {
		long before = sessions();
		for (String path : List.of("/login", "/login?error", "/login?logout", "/password")) {
			HttpResponse<String> page = get(path, null);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().allValues("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("SESSION="));
			assertThat(page.body()).as(path).containsPattern(CSRF);
		}
		assertThat(sessions()).as("rows in spring_session").isEqualTo(before);
	}

	@Test
	void theLoginFormStillNeedsItsTokenAndSignsIn() throws Exception {
		HttpResponse<String> page = get("/login", null);
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(SessionOrCookieCsrfTokens.COOKIE + "="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		String credentials = "email=organiser%40tsunagu.example&password=tsunagu-demo";

		assertThat(post("/login", credentials + "&_csrf=" + token.group(1), null).statusCode())
			.as("the page's token without its cookie").isEqualTo(403);
		assertThat(post("/login", credentials + "&_csrf=forged", cookie).statusCode()).as("a forged token")
			.isEqualTo(403);

		WebClient browser = new WebClient(this.port);
		assertThat(browser.logIn("organiser@tsunagu.example", "tsunagu-demo")).isTrue();
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).containsPattern(CSRF);
		assertThat(browser.cookieHeader()).contains("SESSION=").doesNotContain(SessionOrCookieCsrfTokens.COOKIE + "=");
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long sessions() {
		return this.jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
	}

}
