package io.tsunagu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: keeps cookies and logs in through the login form, CSRF token and all,
 * against a running server.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final String baseUrl;

	public WebClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** Whether the login form accepted the email and password. */
	public boolean logIn(String email, String password) throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(get("/login").body());
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no CSRF token");
		}
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<Void> response = this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		return response.statusCode() == 302
				&& !response.headers().firstValue("Location").orElse("").contains("/login");
	}

	/** The cookies this client holds, as a {@code Cookie} header sends them (for a load generator). */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
