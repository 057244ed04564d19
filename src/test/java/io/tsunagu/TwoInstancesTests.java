package io.tsunagu;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.ApprovalRemindersAccess;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.InvitationRemindersAccess;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.mail.OutboxRetentionAccess;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Tsunagu, each with its own web server, mail dispatcher and
 * schedules, on one database schema and one SMTP server, as instances run behind a load balancer: a
 * session made on one is valid on the other, a wave goes out once while both dispatchers run, the
 * reminders and the outbox's retention run on both at the same moment and do their work once, and
 * answers arriving on both for the last seats never overbook the event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

	private static final String SCHEMA = "twoinstances";

	private static final String PASSWORD = "tsunagu-demo";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private GreenMail smtp;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private JdbcClient jdbc;

	private ApprovedEvents events;

	private InvitationTestSupport invitations;

	private Directory directory;

	@BeforeAll
	void startTwoInstances() throws Exception {
		int smtpPort = TestSmtp.freePort();
		this.smtp = TestSmtp.start(smtpPort);
		emptySchema();
		// One after the other: two contexts starting at the same moment in one JVM race on its one logging
		// system (replicas are JVMs of their own; AdminBootstrapRaceTests covers their start-up race).
		this.first = start("first", true, smtpPort);
		this.second = start("second", false, smtpPort);
		this.jdbc = this.first.getBean(JdbcClient.class);
		this.directory = this.first.getBean(Directory.class);
		this.events = new ApprovedEvents(this.first.getBean(Plans.class), this.first.getBean(Approvals.class),
				this.directory, this.first.getBean(OrgChart.class));
		this.invitations = InvitationTestSupport.from(this.first, this.events);
	}

	@AfterAll
	void stopEverything() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.second, this.first }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void aSessionMadeOnOneInstanceIsValidOnTheOtherAndEndsOnBoth() throws Exception {
		WebClient browser = new WebClient(port(this.first));
		assertThat(browser.logIn(ApprovedEvents.ORGANISER, PASSWORD)).as("logged in on the first").isTrue();
		String cookies = browser.cookieHeader();
		HttpClient client = HttpClient.newHttpClient();

		HttpResponse<String> home = client.send(request(this.second, "/").header("Cookie", cookies).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).as("the second knows the session").isEqualTo(200);
		assertThat(home.body()).contains(this.events.organiser().name());
		HttpResponse<Void> anonymous = client.send(request(this.second, "/").build(), HttpResponse.BodyHandlers.discarding());
		assertThat(anonymous.headers().firstValue("Location")).as("without the cookie, the login page")
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

		Matcher csrf = CSRF.matcher(home.body());
		assertThat(csrf.find()).as("the logout form's CSRF token").isTrue();
		HttpResponse<Void> logout = client.send(request(this.second, "/logout").header("Cookie", cookies)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(logout.statusCode()).isEqualTo(302);
		HttpResponse<Void> afterLogout = client.send(request(this.first, "/").header("Cookie", cookies).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(afterLogout.headers().firstValue("Location")).as("logged out on the second, out on the first too")
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void aWaveSentThroughOneInstanceIsDeliveredOnceWhileBothDispatchersRun() {
		long plan = this.events.anApprovedEvent("二台で送る会 " + System.nanoTime(), 200);
		awaitNothingQueued();
		double firstBefore = sent(this.first);
		double secondBefore = sent(this.second);

		this.invitations.invite(plan, staff(100));

		List<Outgoing> wave = outbox("""
				SELECT o.id, o.message_id FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'invitation-' || i.id
				WHERE i.plan_id = ?""", plan);
		assertThat(wave).hasSize(100);
		assertDeliveredOnce(wave);
		// Which dispatcher sends what is up to the timing of their polls: together they sent each message once.
		assertThat(sent(this.first) - firstBefore + sent(this.second) - secondBefore).isEqualTo(100);
	}

	@Test
	void remindersAndRetentionRunOnBothAtTheSameMomentAndDoTheirWorkOnce() throws Exception {
		Instant now = Instant.now();
		// Invitees who have not answered, the deadline tomorrow: the reminder before the deadline is due.
		long deadlineSoon = this.events.anApprovedEvent("締切間近の会 " + System.nanoTime(), 30,
				now.plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
		this.invitations.invite(deadlineSoon, staff(6));
		this.jdbc.sql("UPDATE invitations SET sent_at = now() - interval '5 days' WHERE plan_id = ?").param(deadlineSoon).update();
		// Attendees of an event in two hours: the reminder of the day before is due.
		long soon = this.events.anApprovedEvent("まもなく始まる会 " + System.nanoTime(), 30, now.plus(2, ChronoUnit.HOURS),
				now.plus(1, ChronoUnit.HOURS));
		List<String> attending = this.invitations.invite(soon, staff(4));
		for (int i = 0; i < attending.size(); i++) {
			assertThat(answerAttend(i % 2 == 0 ? this.first : this.second, attending.get(i))).isEqualTo(302);
		}
		// Plans that have waited four days for the executive: the approver is reminded of each.
		List<Long> waiting = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Instant start = now.plus(30 + i, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
			long plan = this.events.aDraft("承認待ちの会 " + i + " " + System.nanoTime(), 20, start,
					start.minus(7, ChronoUnit.DAYS));
			this.events.approveUpTo(plan, 0);
			waiting.add(plan);
		}
		// Opened at the same moment: the reminder check meets them in the same order on both instances.
		this.jdbc.sql("""
				UPDATE approval_steps SET opened_at = now() - interval '4 days'
				WHERE state = 'OPEN' AND round_id IN (SELECT id FROM approval_rounds WHERE plan_id = ANY (?))""")
			.param(waiting.toArray(Long[]::new))
			.update();

		int[] invitationReminders = onBothAtOnce(instance -> new InvitationRemindersAccess(instance).remindDue());
		int[] approvalReminders = onBothAtOnce(instance -> new ApprovalRemindersAccess(instance).remindDue());

		assertThat(invitationReminders[0] + invitationReminders[1]).as("invitation reminders queued by the two")
			.isEqualTo(6 + 4);
		assertThat(approvalReminders[0] + approvalReminders[1]).as("approval reminders queued by the two").isEqualTo(3);
		List<Outgoing> beforeDeadline = reminders(deadlineSoon, "rsvp-reminder");
		List<Outgoing> dayBefore = reminders(soon, "event-tomorrow");
		List<Outgoing> approvers = outbox("""
				SELECT o.id, o.message_id FROM mail_outbox o JOIN approval_steps s ON o.dedupe_key LIKE 'approval-step-' || s.id || '-reminder-%'
				JOIN approval_rounds r ON r.id = s.round_id WHERE r.plan_id = ANY (?)""", (Object) waiting.toArray(Long[]::new));
		assertThat(beforeDeadline).hasSize(6);
		assertThat(dayBefore).hasSize(4);
		assertThat(approvers).hasSize(3);
		List<Outgoing> reminders = new ArrayList<>(beforeDeadline);
		reminders.addAll(dayBefore);
		reminders.addAll(approvers);
		assertDeliveredOnce(reminders);

		// Sent long ago (deleted after the retention period), or an hour ago (bodies emptied).
		this.jdbc.sql("UPDATE mail_outbox SET sent_at = now() - interval '100 days' WHERE id = ANY (?)")
			.param(ids(beforeDeadline))
			.update();
		List<Outgoing> recent = new ArrayList<>(dayBefore);
		recent.addAll(approvers);
		this.jdbc.sql("UPDATE mail_outbox SET sent_at = now() - interval '2 hours' WHERE id = ANY (?)").param(ids(recent)).update();

		int[] purged = onBothAtOnce(instance -> new OutboxRetentionAccess(instance).purge());
		int[] emptied = onBothAtOnce(instance -> new OutboxRetentionAccess(instance).dropSentBodies());

		assertThat(purged[0] + purged[1]).as("sent messages deleted by the two").isEqualTo(6);
		assertThat(countAmong("SELECT count(*) FROM mail_outbox WHERE id = ANY (?)", ids(beforeDeadline))).isZero();
		assertThat(emptied[0] + emptied[1]).as("bodies emptied by the two").isEqualTo(7);
		assertThat(countAmong("SELECT count(*) FROM mail_outbox WHERE id = ANY (?) AND body_dropped_at IS NOT NULL AND html_body = ''",
				ids(recent))).isEqualTo(7);
		assertThat(countAmong("SELECT count(*) FROM mail_attachments WHERE mail_id = ANY (?)", ids(dayBefore)))
			.as("the check-in codes of the day before's reminders are gone with the bodies").isZero();
	}

	@Test
	void answersOnBothInstancesForTheLastSeatsNeverExceedTheCapacity() throws Exception {
		int capacity = 8;
		long plan = this.events.anApprovedEvent("残りわずかの会 " + System.nanoTime(), capacity);
		List<String> tokens = this.invitations.invite(plan, staff(24));
		// Two seats go first, one answer at a time; 22 invitees answer at once for the last six.
		for (int i = 0; i < 2; i++) {
			assertThat(answerAttend(i % 2 == 0 ? this.first : this.second, tokens.get(i))).isEqualTo(302);
		}
		List<String> rush = tokens.subList(2, tokens.size());
		CountDownLatch opened = new CountDownLatch(rush.size());
		CountDownLatch go = new CountDownLatch(1);
		// A thread for each invitee: each waits, its page open, until all can answer at once.
		ExecutorService invitees = Executors.newFixedThreadPool(rush.size());
		try {
			List<Future<Integer>> answered = new ArrayList<>();
			for (int i = 0; i < rush.size(); i++) {
				ConfigurableApplicationContext instance = i % 2 == 0 ? this.first : this.second;
				String token = rush.get(i);
				answered.add(invitees.submit(() -> {
					AnswerForm form;
					try {
						form = openAnswerPage(instance, token);
					}
					finally {
						opened.countDown();
					}
					go.await();
					return form.attend();
				}));
			}
			// Every page open before the answers go, so that they arrive together.
			assertThat(opened.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("answer pages opened").isTrue();
			go.countDown();
			for (Future<Integer> answer : answered) {
				assertThat(answer.get(1, TimeUnit.MINUTES)).as("each answer recorded and redirected").isEqualTo(302);
			}
		}
		finally {
			invitees.shutdownNow();
		}

		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ? AND answer = 'ATTENDING'", plan))
			.isEqualTo(capacity);
		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ? AND answer = 'WAITLISTED'", plan))
			.isEqualTo(24 - capacity);
		assertThat(count("SELECT seats_taken FROM event_seats WHERE plan_id = ?", plan)).isEqualTo(capacity);
	}

	/** An invitee's browser on the answer page, ready to send the form. */
	private record AnswerForm(HttpClient browser, URI page, String csrf) {

		int attend() throws Exception {
			return this.browser.send(HttpRequest.newBuilder(this.page)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("answer=ATTENDING&_csrf=" + URLEncoder.encode(this.csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

	}

	private AnswerForm openAnswerPage(ConfigurableApplicationContext instance, String token) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		URI page = URI.create(base(instance) + "/rsvp/" + token);
		HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(shown.body());
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(csrf.find()).as("the answer form's CSRF token").isTrue();
		return new AnswerForm(browser, page, csrf.group(1));
	}

	private int answerAttend(ConfigurableApplicationContext instance, String token) throws Exception {
		return openAnswerPage(instance, token).attend();
	}

	/** Runs the work on both instances, each on a thread of its own, released together; what each returned. */
	private int[] onBothAtOnce(ToIntFunction<ConfigurableApplicationContext> work) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (ConfigurableApplicationContext instance : List.of(this.first, this.second)) {
				done.add(two.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return work.applyAsInt(instance);
				}));
			}
			return new int[] { done.get(0).get(1, TimeUnit.MINUTES), done.get(1).get(1, TimeUnit.MINUTES) };
		}
		finally {
			two.shutdownNow();
		}
	}

	private record Outgoing(long id, String messageId) {
	}

	private List<Outgoing> outbox(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query((rs, row) -> new Outgoing(rs.getLong(1), rs.getString(2))).list();
	}

	private List<Outgoing> reminders(long plan, String kind) {
		return outbox("""
				SELECT o.id, o.message_id FROM mail_outbox o JOIN invitations i ON o.dedupe_key LIKE o.kind || '-' || i.id || '-%'
				WHERE i.plan_id = ? AND o.kind = ?""", plan, kind);
	}

	/** Waits until the outbox records every message as sent, then counts each one's copies at the SMTP server. */
	private void assertDeliveredOnce(List<Outgoing> messages) {
		Long[] ids = ids(messages);
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> countAmong("SELECT count(*) FROM mail_outbox WHERE id = ANY (?) AND status = 'SENT'", ids) == ids.length);
		Set<String> wanted = messages.stream().map(Outgoing::messageId).collect(Collectors.toSet());
		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			try {
				if (wanted.contains(message.getMessageID())) {
					copies.merge(message.getMessageID(), 1, Integer::sum);
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(copies.keySet()).as("every message arrived").containsExactlyInAnyOrderElementsOf(wanted);
		assertThat(copies.values()).as("copies of each message").containsOnly(1);
	}

	private void awaitNothingQueued() {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT count(*) FROM mail_outbox WHERE status IN ('QUEUED', 'SENDING')") == 0);
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private long countAmong(String sql, Long[] ids) {
		return this.jdbc.sql(sql).param(ids).query(Long.class).single();
	}

	private static Long[] ids(List<Outgoing> messages) {
		return messages.stream().map(Outgoing::id).toArray(Long[]::new);
	}

	/** Staff of the demo company other than the organiser, the same ones every time. */
	private List<EmployeeRef> staff(int count) {
		return this.jdbc.sql("""
				SELECT email FROM employees WHERE rank = 'STAFF' AND lower(email) <> lower(?) ORDER BY code LIMIT ?""")
			.params(ApprovedEvents.ORGANISER, count)
			.query(String.class)
			.list()
			.stream()
			.map(email -> this.directory.findByEmail(email).orElseThrow())
			.toList();
	}

	private static double sent(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).counter("tsunagu.mail.sent").count();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static String base(ConfigurableApplicationContext instance) {
		return "http://localhost:" + port(instance);
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
		return HttpRequest.newBuilder(URI.create(base(instance) + path));
	}

	/** The schema of this test, empty: on a server given by URL it may hold a previous run's rows. */
	private static void emptySchema() throws Exception {
		Map<String, Object> shared = TestDatabase.properties();
		try (Connection connection = DriverManager.getConnection((String) shared.get("spring.datasource.url"),
				(String) shared.get("spring.datasource.username"), (String) shared.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS tsunagu_" + SCHEMA + " CASCADE");
			statement.execute("CREATE SCHEMA tsunagu_" + SCHEMA);
		}
	}

	/**
	 * One instance on the test's schema and SMTP server, on a port of its own. Only the first seeds the
	 * demo company; the claims of each dispatcher carry the instance's name, and small batches polled
	 * often let both dispatchers take part in a wave. The scheduled work (reminders, retention, digests,
	 * ties) runs only when the test says so.
	 */
	private static ConfigurableApplicationContext start(String name, boolean demo, int smtpPort) {
		List<String> arguments = new ArrayList<>();
		TestDatabase.properties(SCHEMA).forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--tsunagu.demo.enabled=" + demo,
				"--tsunagu.demo.events.enabled=false", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--tsunagu.mail.instance-id=" + name, "--tsunagu.mail.batch-size=2", "--tsunagu.mail.poll-interval=25ms",
				"--tsunagu.mail.sent-body-check=1h", "--tsunagu.mail.retention-cron=-",
				"--tsunagu.invitations.reminder-check-delay=PT10H", "--tsunagu.approval.reminder-check-delay=PT10H",
				"--tsunagu.invitations.digest-check-delay=PT10H", "--tsunagu.network.record-delay=PT10H"));
		return new SpringApplicationBuilder(TsunaguApplication.class).run(arguments.toArray(String[]::new));
	}

}
