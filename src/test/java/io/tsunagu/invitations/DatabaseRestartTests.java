package io.tsunagu.invitations;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.TsunaguApplication;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database restarted while invitees answer over HTTP: every answer the application acknowledged is
 * in the database afterwards, and the application reconnects by itself, without a restart of its own.
 * The application runs on a PostgreSQL of this test's own, stopped and started again on the same port
 * and data directory.
 */
class DatabaseRestartTests {

	private static final int INVITEES = 24;

	private static final int SENDERS = 4;

	private static final String ACKNOWLEDGED = "acknowledged";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	Path workDirectory;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext application;

	private ExecutorService senders;

	@AfterEach
	void stopEverything() throws Exception {
		if (this.senders != null) {
			this.senders.shutdownNow();
			this.senders.awaitTermination(30, TimeUnit.SECONDS);
		}
		if (this.application != null) {
			this.application.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void keepsEveryAcknowledgedAnswerAndReconnectsWhenTheDatabaseRestartsMidWave() throws Exception {
		Path data = this.workDirectory.resolve("postgres");
		int databasePort = freePort();
		this.postgres = database(data, databasePort);
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("CREATE DATABASE tsunagu");
		}
		this.application = new SpringApplicationBuilder(TsunaguApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "tsunagu"),
				"--spring.datasource.username=postgres", "--tsunagu.demo.enabled=true");
		String base = "http://localhost:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();

		ApprovedEvents events = new ApprovedEvents(this.application.getBean(Plans.class),
				this.application.getBean(Approvals.class), this.application.getBean(Directory.class),
				this.application.getBean(OrgChart.class));
		long plan = events.anApprovedEvent("再起動の中の回答", INVITEES * 2);
		JdbcClient jdbc = this.application.getBean(JdbcClient.class);
		Directory directory = this.application.getBean(Directory.class);
		List<EmployeeRef> people = jdbc.sql("""
				SELECT email FROM employees WHERE rank = 'STAFF' AND lower(email) <> lower(?) ORDER BY code LIMIT ?""")
			.params(ApprovedEvents.ORGANISER, INVITEES)
			.query(String.class)
			.list()
			.stream()
			.map(email -> directory.findByEmail(email).orElseThrow())
			.toList();
		List<String> tokens = InvitationTestSupport.from(this.application, events).invite(plan, people);
		assertThat(tokens).doesNotHaveDuplicates().hasSize(INVITEES);

		// Each invitee's answer, alternately attending and declining; sent until acknowledged.
		Map<String, Answer> intended = new ConcurrentHashMap<>();
		Map<String, Long> employeeOf = new ConcurrentHashMap<>();
		LinkedBlockingQueue<String> unanswered = new LinkedBlockingQueue<>();
		for (int i = 0; i < tokens.size(); i++) {
			intended.put(tokens.get(i), i % 2 == 0 ? Answer.ATTENDING : Answer.DECLINED);
			employeeOf.put(tokens.get(i), people.get(i).id());
			unanswered.add(tokens.get(i));
		}
		Map<String, Answer> acknowledged = new ConcurrentHashMap<>();
		// 0 before the database stops, 1 while it is down, 2 once it runs again.
		AtomicInteger phase = new AtomicInteger();
		AtomicInteger sentAcrossTheOutage = new AtomicInteger();
		AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		this.senders = Executors.newFixedThreadPool(SENDERS);
		for (int i = 0; i < SENDERS; i++) {
			this.senders.submit(() -> {
				while (!Thread.currentThread().isInterrupted() && acknowledged.size() < INVITEES) {
					String token = unanswered.poll(100, TimeUnit.MILLISECONDS);
					if (token == null) {
						continue;
					}
					int before = phase.get();
					String outcome;
					try {
						outcome = answer(base, token, intended.get(token));
					}
					catch (RuntimeException ex) {
						// A sender never stops on a surprise: the token goes back to the queue.
						outcome = ex.toString();
					}
					int after = phase.get();
					if (before <= 1 && after >= 1) {
						sentAcrossTheOutage.incrementAndGet();
					}
					if (outcome.equals(ACKNOWLEDGED)) {
						acknowledged.put(token, intended.get(token));
						if (before == 2) {
							acknowledgedAfterRestart.incrementAndGet();
						}
					}
					else {
						failures.merge(outcome, 1, Integer::sum);
						unanswered.add(token);
					}
				}
				return null;
			});
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> acknowledged.size() >= INVITEES / 5);
		phase.set(1);
		this.postgres.close();
		this.postgres = database(data, databasePort);
		phase.set(2);
		await().atMost(Duration.ofSeconds(90))
			.failFast(() -> this.senders.isTerminated())
			.untilAsserted(() -> assertThat(acknowledged.size())
				.as(() -> "answers acknowledged; failed attempts: " + failures)
				.isEqualTo(INVITEES));

		assertThat(sentAcrossTheOutage.get()).as("answers under way while the database was down").isPositive();
		assertThat(acknowledgedAfterRestart.get()).as("answers acknowledged after the restart").isPositive();
		JdbcClient database = JdbcClient.create(this.postgres.getDatabase("postgres", "tsunagu"));
		acknowledged.forEach((token, answer) -> assertThat(database
			.sql("SELECT answer FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, employeeOf.get(token))
			.query(String.class)
			.single()).as("the answer acknowledged for invitee %s", employeeOf.get(token)).isEqualTo(answer.name()));
		assertThat(get(HttpClient.newHttpClient(), base + "/actuator/health").statusCode()).isEqualTo(200);
	}

	/**
	 * Opens the answer page as the invitee's browser does and sends the answer with its CSRF token.
	 * @return {@link #ACKNOWLEDGED}, or what went wrong
	 */
	private static String answer(String base, String token, Answer answer) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> page = get(browser, base + "/rsvp/" + token);
			Matcher csrf = CSRF.matcher(page.body());
			if (page.statusCode() != 200 || !csrf.find()) {
				return "page " + page.statusCode();
			}
			String form = "answer=" + answer.name() + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<Void> sent = within(browser.sendAsync(HttpRequest.newBuilder(URI.create(base + "/rsvp/" + token))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding()));
			boolean recorded = sent.statusCode() == 302
					&& sent.headers().firstValue("Location").orElse("").endsWith("/rsvp/" + token);
			return recorded ? ACKNOWLEDGED : "answer " + sent.statusCode();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static HttpResponse<String> get(HttpClient client, String url)
			throws InterruptedException, ExecutionException, TimeoutException {
		return within(client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
	}

	// The whole response, body and all: a page whose rendering failed half-way may never end.
	private static <T> HttpResponse<T> within(CompletableFuture<HttpResponse<T>> response)
			throws InterruptedException, ExecutionException, TimeoutException {
		try {
			return response.get(40, TimeUnit.SECONDS);
		}
		finally {
			response.cancel(true);
		}
	}

	// Durable as the application's own embedded server is (EmbeddedDatabase): an acknowledged commit is on disk.
	private static EmbeddedPostgres database(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
