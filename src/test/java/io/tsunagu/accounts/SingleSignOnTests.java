package io.tsunagu.accounts;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server, started once for the class), driven
 * through every redirect by an HTTP client that keeps cookies, as a browser would. Tsunagu runs on its own schema:
 * one of its employees leaves the org chart here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase("sso")
class SingleSignOnTests {

	static final String KNOWN = "organiser@tsunagu.example";

	static final String LEFT = "david.lee@tsunagu.example";

	static final TestOpenIdProvider provider = TestOpenIdProvider.start(Map.of(
			// The provider spells the address its own way: the match ignores case.
			"organiser", "Organiser@Tsunagu.Example",
			"admin", "admin@tsunagu.example",
			"stranger", "stranger@elsewhere.example",
			"leaver", LEFT,
			"unconfirmed", KNOWN,
			"nomail", ""), "unconfirmed");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry registry) {
		registry.add("tsunagu.sso.issuer-uri", provider::issuer);
		registry.add("tsunagu.sso.client-id", () -> TestOpenIdProvider.CLIENT_ID);
		registry.add("tsunagu.sso.client-secret", () -> TestOpenIdProvider.CLIENT_SECRET);
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@BeforeEach
	void registerTsunagu() {
		provider.register(base(), TestOpenIdProvider.CLIENT_SECRET);
		this.jdbc.sql("UPDATE employees SET active = false WHERE email = ?").param(LEFT).update();
	}

	@Test
	void signsAKnownEmployeeInAsThemselvesWithTheirOwnRoles() throws Exception {
		Client person = new Client();
		HttpResponse<String> landed = person.signIn("organiser");

		assertThat(landed.uri().getPath()).isEqualTo("/");
		assertThat(landed.statusCode()).isEqualTo(200);
		String name = this.jdbc.sql("SELECT name FROM employees WHERE email = ?").param(KNOWN).query(String.class).single();
		assertThat(landed.body()).contains(name);
		assertThat(person.get("/plans").statusCode()).isEqualTo(200);
		assertThat(person.get("/admin/audit").statusCode()).as("an organiser is no administrator").isEqualTo(403);

		// The session, read back from the database, holds the same person, and none of the provider's tokens.
		Session stored = this.sessions.findById(person.sessionId());
		assertThat(stored).isNotNull();
		SecurityContext context = stored.getAttribute("SPRING_SECURITY_CONTEXT");
		OAuth2AuthenticationToken authentication = (OAuth2AuthenticationToken) context.getAuthentication();
		TsunaguUser user = (TsunaguUser) authentication.getPrincipal();
		assertThat(user.getEmail()).isEqualTo(KNOWN);
		assertThat(user.getEmployeeId()).isNotNull();
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_EMPLOYEE");
		assertThat(stored.getAttributeNames()).noneMatch(attribute -> attribute.contains("AuthorizedClient"));
		assertThat(this.jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?")
			.param(person.sessionId())
			.query(String.class)
			.single()).as("found by email, as a form login is (a new password ends such sessions)").isEqualTo(KNOWN);
	}

	@Test
	void anAdministratorSignedInThroughTheProviderIsAnAdministrator() throws Exception {
		Client admin = new Client();
		admin.signIn("admin");
		assertThat(admin.get("/admin/audit").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAPersonTheDirectoryDoesNotKnowAndCreatesNothing() throws Exception {
		long accounts = count("accounts");
		long employees = count("employees");
		long refusals = refusalsOf("stranger@elsewhere.example");
		Client stranger = new Client();

		HttpResponse<String> page = stranger.signIn("stranger");

		assertThat(page.uri().getPath()).isEqualTo("/login/refused");
		assertThat(page.body()).contains("stranger@elsewhere.example").contains("id=\"why-unknown\"");
		assertThat(stranger.get("/").uri().getPath()).as("not logged in").isEqualTo("/login");
		assertThat(count("accounts")).isEqualTo(accounts);
		assertThat(count("employees")).isEqualTo(employees);
		assertThat(refusalsOf("stranger@elsewhere.example")).as("audited").isEqualTo(refusals + 1);
	}

	private long refusalsOf(String email) {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'login.sso-refused'")
			.param(email)
			.query(Long.class)
			.single();
	}

	@Test
	void refusesAnEmployeeNoLongerOnTheOrgChart() throws Exception {
		Client leaver = new Client();
		HttpResponse<String> page = leaver.signIn("leaver");
		assertThat(page.uri().getPath()).isEqualTo("/login/refused");
		assertThat(page.body()).contains(LEFT).contains("id=\"why-inactive\"");
		assertThat(leaver.get("/").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void refusesAnAddressTheProviderHasNotConfirmed() throws Exception {
		Client unconfirmed = new Client();
		HttpResponse<String> page = unconfirmed.signIn("unconfirmed");
		assertThat(page.uri().getPath()).isEqualTo("/login/refused");
		assertThat(page.body()).contains("id=\"why-unverified\"");
		assertThat(unconfirmed.get("/").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void anIdTokenWithoutTheEmailClaimNamesTheSetting() throws Exception {
		Client person = new Client();
		HttpResponse<String> page = person.signIn("nomail");
		assertThat(page.uri().toString()).endsWith("/login?sso=claim");
		assertThat(page.body()).contains("TSUNAGU_SSO_EMAIL_CLAIM");
		assertThat(person.get("/").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void refusesAChangedStateAndOpensNoSession() throws Exception {
		Client person = new Client();
		HttpResponse<String> page = person.signIn("organiser", location -> location.contains("/login/oauth2/code/")
				? location.replaceAll("state=[^&]+", "state=forged") : location);

		assertThat(page.uri().toString()).endsWith("/login?sso=failed");
		assertThat(person.get("/").uri().getPath()).isEqualTo("/login");
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ? AND session_id = ?")
			.params(KNOWN, person.sessionIdOrEmpty())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void logoutEndsTheSessionHereAndAtTheProvider() throws Exception {
		Client person = new Client();
		HttpResponse<String> home = person.signIn("organiser");
		String session = person.sessionId();

		HttpResponse<String> out = person.post("/logout", "_csrf=" + csrf(home.body()));

		assertThat(out.uri().toString()).as("%s %s", out.statusCode(), out.body()).isEqualTo(base() + "/login?logout");
		assertThat(person.visited).anyMatch(uri -> uri.startsWith(provider.issuer() + "/connect/logout?id_token_hint="));
		assertThat(this.sessions.findById(session)).isNull();
		assertThat(person.get("/").uri().getPath()).isEqualTo("/login");
		// The provider's own session is over too: signing in again asks for the password.
		HttpResponse<String> again = person.go(base() + "/oauth2/authorization/company", UnaryOperator.identity());
		assertThat(again.uri().toString()).startsWith(provider.issuer() + "/login");
	}

	@Test
	void aClientSecretTheProviderRefusesNamesTheSettingAndTheLoginFormStillWorks() throws Exception {
		provider.register(base(), "another-secret");
		Client person = new Client();

		HttpResponse<String> page = person.signIn("organiser");

		assertThat(page.uri().toString()).endsWith("/login?sso=client");
		assertThat(page.body()).contains("TSUNAGU_SSO_CLIENT_SECRET");
		assertThat(person.get("/").uri().getPath()).isEqualTo("/login");
		HttpResponse<String> form = person.post("/login", "email=" + encode(KNOWN) + "&password=tsunagu-demo&_csrf=" + csrf(page.body()));
		assertThat(form.uri().getPath()).isEqualTo("/");
		assertThat(form.statusCode()).isEqualTo(200);
	}

	@Test
	void theLoginPageOffersTheCompanyAccountBesideTheForm() throws Exception {
		String page = new Client().get("/login?lang=ja").body();
		assertThat(page).contains("会社のアカウントでログイン").contains("href=\"/oauth2/authorization/company\"").contains("id=\"password\"");
	}

	@Test
	void theButtonAndTheRefusalReadWellOnAPhoneAndADesktopInBothLanguages() throws Exception {
		for (String language : new String[] { "ja", "en" }) {
			try (Browser browser = new Browser(this.port)) {
				WebDriver driver = browser.driver();
				driver.manage().window().setSize(new Dimension(1280, 900));
				driver.get(base() + "/login?lang=" + language);
				String button = browser.text(By.id("sso"));
				assertThat(button).isEqualTo(language.equals("ja") ? "会社のアカウントでログイン" : "Sign in with your company account");
				browser.screenshot("sso-login-desktop-" + language);
				driver.manage().window().setSize(new Dimension(360, 800));
				assertFitsTheScreen(browser);
				browser.screenshot("sso-login-phone-" + language);

				driver.manage().window().setSize(new Dimension(1280, 900));
				browser.clickAndWaitForPage(By.id("sso"));
				browser.type(By.id("username"), "stranger");
				browser.type(By.id("password"), TestOpenIdProvider.PASSWORD);
				browser.clickAndWaitForPage(By.cssSelector("button[type=submit]"));
				browser.waitForText(By.id("sso-refused"), "stranger@elsewhere.example",
						language.equals("ja") ? "社員名簿のどの社員とも一致しません" : "does not belong to any employee");
				browser.screenshot("sso-refused-desktop-" + language);
				driver.manage().window().setSize(new Dimension(360, 800));
				assertFitsTheScreen(browser);
				browser.screenshot("sso-refused-phone-" + language);
			}
		}
	}

	private static void assertFitsTheScreen(Browser browser) {
		assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as("nothing wider than the screen").isEqualTo(true);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String csrf(String html) {
		Matcher token = CSRF.matcher(html);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	/** A browser without a screen: keeps cookies for both hosts and follows redirects itself, so a test can see and change them. */
	final class Client {

		final java.util.List<String> visited = new java.util.ArrayList<>();

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		HttpResponse<String> signIn(String login) throws IOException, InterruptedException {
			return signIn(login, UnaryOperator.identity());
		}

		/** Starts at Tsunagu's button, logs in at the provider, and follows every redirect (changed by {@code rewrite}). */
		HttpResponse<String> signIn(String login, UnaryOperator<String> rewrite) throws IOException, InterruptedException {
			HttpResponse<String> providerLogin = go(base() + "/oauth2/authorization/company", rewrite);
			assertThat(providerLogin.uri().toString()).startsWith(provider.issuer() + "/login");
			String form = "username=" + login + "&password=" + TestOpenIdProvider.PASSWORD + "&_csrf=" + csrf(providerLogin.body());
			return follow(send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build()), rewrite);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return go(base() + path, UnaryOperator.identity());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return follow(send(HttpRequest.newBuilder(URI.create(base() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build()), UnaryOperator.identity());
		}

		HttpResponse<String> go(String url, UnaryOperator<String> rewrite) throws IOException, InterruptedException {
			return follow(send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build()), rewrite);
		}

		private HttpResponse<String> follow(HttpResponse<String> response, UnaryOperator<String> rewrite)
				throws IOException, InterruptedException {
			for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
				assertThat(hops).as("redirects").isLessThan(12);
				String location = rewrite.apply(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString());
				this.visited.add(location);
				response = send(HttpRequest.newBuilder(URI.create(location)).header("Accept", "text/html").build());
			}
			return response;
		}

		private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}

		String sessionId() {
			String id = sessionIdOrEmpty();
			assertThat(id).as("Tsunagu's session cookie").isNotEmpty();
			return id;
		}

		String sessionIdOrEmpty() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(cookie -> cookie.getName().equals("SESSION"))
				.map(cookie -> new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8))
				.findFirst()
				.orElse("");
		}

	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
