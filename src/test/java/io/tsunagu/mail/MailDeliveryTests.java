package io.tsunagu.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delivery over real SMTP to GreenMail on a port of its own. The dispatcher's background loop is off
 * here: each test runs a dispatch when it wants one, so what it sees does not race a poll.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.mail.initial-backoff=10s",
		"tsunagu.mail.max-attempts=4", "tsunagu.mail.sent-body-retention=1h", "tsunagu.base-url=https://tsunagu.corp.example" })
@AutoConfigureMockMvc
@IsolatedDatabase("mail")
class MailDeliveryTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail greenMail = startGreenMail();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	MailQueue queue;

	@Autowired
	MailTransport transport;

	@Autowired
	MailSettings settings;

	@Autowired
	OutboxRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void emptyOutboxAndMailbox() throws Exception {
		this.jdbc.sql("DELETE FROM mail_outbox").update();
		if (!greenMail.isRunning()) {
			greenMail = startGreenMail();
		}
		greenMail.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void keepSmtpRunning() {
		if (!greenMail.isRunning()) {
			greenMail = startGreenMail();
		}
	}

	@AfterAll
	static void stopSmtp() {
		greenMail.stop();
	}

	@Test
	void rendersSubjectBodiesLinksMessageIdAndAttachmentInTheRecipientsLanguage() throws Exception {
		byte[] calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
		long japanese = this.outbox.queue(test("sato@corp.example", "佐藤 美咲", Locale.JAPANESE, null)
			.with(new MailAttachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST", calendar))).orElseThrow();
		this.outbox.queue(test("clark@corp.example", "Emily Clark", Locale.ENGLISH, null));

		assertThat(this.dispatcher.dispatchDue()).isEqualTo(2);

		MimeMessage ja = received("sato@corp.example");
		assertThat(ja.getSubject()).isEqualTo("つなぐ テストメール");
		assertThat(ja.getMessageID()).isEqualTo(
				this.jdbc.sql("SELECT message_id FROM mail_outbox WHERE id = ?").param(japanese).query(String.class).single());
		assertThat(ja.getMessageID()).endsWith("@tsunagu.corp.example>");
		assertThat(TestSmtp.text(ja, "text/plain")).contains("佐藤 美咲さん").contains("https://tsunagu.corp.example/admin/outbox");
		assertThat(TestSmtp.text(ja, "text/html")).contains("href=\"https://tsunagu.corp.example/admin/outbox\"")
			.contains("つなぐからのテストメールです");
		assertThat(attachment(ja, "invite.ics")).isEqualTo(calendar);

		MimeMessage en = received("clark@corp.example");
		assertThat(en.getSubject()).isEqualTo("Tsunagu test message");
		assertThat(TestSmtp.text(en, "text/plain")).contains("Dear Emily Clark,").contains("This is a test message from Tsunagu");
		assertThat(TestSmtp.text(en, "text/html")).contains("Open the outbox");
	}

	@Test
	void keepsMailQueuedWhileSmtpIsDownAndDeliversEachMessageOnceWhenItIsBack() throws Exception {
		greenMail.stop();
		for (int i = 0; i < 3; i++) {
			this.outbox.queue(test("wait" + i + "@corp.example", null, Locale.JAPANESE, null));
		}

		assertThat(this.dispatcher.dispatchDue()).isZero();
		List<Row> first = rows();
		assertThat(first).allSatisfy(row -> {
			assertThat(row.status()).isEqualTo("QUEUED");
			assertThat(row.attempts()).isEqualTo(1);
			assertThat(row.waitSeconds()).isBetween(8.0, 11.0);
			assertThat(row.lastError()).isNotBlank();
		});

		assertThat(this.dispatcher.dispatchDue()).as("not due again yet").isZero();
		assertThat(rows()).extracting(Row::attempts).containsOnly(1);

		makeDue();
		this.dispatcher.dispatchDue();
		assertThat(rows()).allSatisfy(row -> {
			assertThat(row.attempts()).isEqualTo(2);
			assertThat(row.waitSeconds()).as("the back-off doubles").isBetween(18.0, 21.0);
		});

		greenMail = startGreenMail();
		makeDue();
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(3);
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(greenMail.getReceivedMessages()).hasSize(3);
		assertThat(rows()).extracting(Row::status).containsOnly("SENT");
	}

	@Test
	void failsAfterTheLastAttempt() {
		greenMail.stop();
		this.outbox.queue(test("never@corp.example", null, Locale.JAPANESE, null));
		for (int attempt = 1; attempt <= this.settings.maxAttempts(); attempt++) {
			makeDue();
			this.dispatcher.dispatchDue();
		}
		assertThat(rows()).singleElement().satisfies(row -> {
			assertThat(row.status()).isEqualTo("FAILED");
			assertThat(row.attempts()).isEqualTo(4);
		});
	}

	@Test
	void failsAtOnceOnAPermanentReplyShowsItToAdministratorsAndResendDelivers() throws Exception {
		greenMail.stop();
		long id;
		try (RejectingSmtpServer refusing = new RejectingSmtpServer(PORT)) {
			id = this.outbox.queue(test("gone@corp.example", null, Locale.JAPANESE, null)).orElseThrow();
			assertThat(this.dispatcher.dispatchDue()).isZero();
		}
		assertThat(rows()).singleElement().satisfies(row -> {
			assertThat(row.status()).isEqualTo("FAILED");
			assertThat(row.attempts()).isEqualTo(1);
			assertThat(row.lastError()).contains("550");
		});
		this.mvc.perform(get("/admin/outbox").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("gone@corp.example")))
			.andExpect(content().string(containsString("550")));

		greenMail = startGreenMail();
		this.mvc.perform(post("/admin/outbox/" + id + "/resend").with(admin()).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(received("gone@corp.example")).isNotNull();
		assertThat(rows()).extracting(Row::status).containsExactly("SENT");
	}

	@Test
	void dismissesAFailedMessage() throws Exception {
		this.outbox.queue(test("dismiss@corp.example", null, Locale.JAPANESE, null));
		this.jdbc.sql("UPDATE mail_outbox SET status = 'FAILED'").update();
		long id = this.jdbc.sql("SELECT id FROM mail_outbox").query(Long.class).single();
		this.mvc.perform(post("/admin/outbox/" + id + "/dismiss").with(admin()).with(csrf())).andExpect(status().isFound());
		assertThat(rows()).isEmpty();
	}

	@Test
	void twoDispatchersDeliverTwoThousandMessagesExactlyOnce() throws Exception {
		this.transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < 2000; i++) {
				this.outbox.queue(test("wave" + i + "@corp.example", null, i % 2 == 0 ? Locale.JAPANESE : Locale.ENGLISH,
						null));
			}
		});
		MailDispatcher other = new MailDispatcher(this.queue, this.transport, this.settings, new SimpleMeterRegistry(),
				"another instance");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = pool.invokeAll(List.<Callable<Integer>>of(this.dispatcher::dispatchDue,
					other::dispatchDue));
			assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(2000);
			assertThat(results.get(0).get()).as("both dispatchers took part").isPositive();
			assertThat(results.get(1).get()).as("both dispatchers took part").isPositive();
		}
		finally {
			pool.shutdown();
		}
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(2000);
		Set<String> ids = new HashSet<>();
		for (MimeMessage message : received) {
			ids.add(message.getMessageID());
		}
		assertThat(ids).hasSize(2000);
		assertThat(this.queue.count(MailQueue.Status.SENT)).isEqualTo(2000);
	}

	@Test
	void takesOverAnotherInstancesClaimOnlyOnceItsLeaseRanOut() throws Exception {
		this.outbox.queue(test("crashed@corp.example", null, Locale.JAPANESE, null));
		this.outbox.queue(test("busy@corp.example", null, Locale.JAPANESE, null));
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', attempts = 1, claimed_at = now() - interval '1 minute',
				       claimed_by = 'another instance',
				       lease_until = now() + CASE WHEN recipient LIKE 'crashed%' THEN interval '-1 second' ELSE interval '20 seconds' END""")
			.update();

		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(received("crashed@corp.example")).isNotNull();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(rows()).extracting(Row::status).containsExactlyInAnyOrder("SENT", "SENDING");
	}

	@Test
	void takesBackItsOwnClaimsAtStartWhateverTheirLease() throws Exception {
		this.outbox.queue(test("mine@corp.example", null, Locale.JAPANESE, null));
		this.outbox.queue(test("theirs@corp.example", null, Locale.JAPANESE, null));
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', attempts = 1, claimed_at = now(), lease_until = now() + interval '1 minute',
				       claimed_by = CASE WHEN recipient LIKE 'mine%' THEN ? ELSE 'another instance' END""")
			.param(this.dispatcher.instance())
			.update();
		assertThat(this.dispatcher.dispatchDue()).as("both leases still run").isZero();

		assertThat(this.dispatcher.takeBackOwnClaims()).isEqualTo(1);
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(received("mine@corp.example")).isNotNull();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void recordsEachMessageAsTheServerAcceptsItNotWhenTheBatchEnds() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.outbox.queue(test("early" + i + "@corp.example", null, Locale.JAPANESE, null));
		}
		List<OutgoingMail> batch = this.queue.claim(30, this.dispatcher.instance(), this.settings.lease());
		List<Long> sentAtTheTwentyFifth = new java.util.ArrayList<>();
		try (DeliveryRecorder recorder = new DeliveryRecorder(this.queue, this.settings, this.dispatcher.instance(),
				this.transport.name(), new DeliveryRecorder.Counters(this.meters.counter("t.sent"),
						this.meters.counter("t.failed"), this.meters.counter("t.retried")))) {
			this.transport.deliver(batch, (mail, delivery) -> {
				recorder.report(mail, delivery);
				if (mail.id() == batch.get(24).id()) {
					await().atMost(Duration.ofSeconds(1)).until(() -> this.queue.count(MailQueue.Status.SENT) == 25);
					sentAtTheTwentyFifth.add(this.queue.count(MailQueue.Status.SENT));
				}
			});
		}
		assertThat(sentAtTheTwentyFifth).as("recorded within a second, while the batch still went out").containsExactly(25L);
		assertThat(this.queue.count(MailQueue.Status.SENT)).isEqualTo(30);
		assertThat(greenMail.getReceivedMessages()).hasSize(30);
	}

	@Test
	void renewsTheLeaseWhileASlowBatchIsStillGoingOut() throws Exception {
		this.outbox.queue(test("slow@corp.example", null, Locale.JAPANESE, null));
		MailSettings shortLease = new MailSettings(this.settings.from(), 200, 4, Duration.ofSeconds(10), Duration.ofHours(2),
				Duration.ofMillis(600), Duration.ofSeconds(5), Duration.ofDays(90), Duration.ofHours(1), "", true);
		List<Integer> takenOverMeanwhile = new java.util.ArrayList<>();
		MailTransport slow = new MailTransport() {
			@Override
			public String name() {
				return MailDeliveryTests.this.transport.name();
			}

			@Override
			public void deliver(List<OutgoingMail> batch, Outcomes outcomes) {
				// Three leases long: the claim must still be held at the end of it.
				await().pollDelay(Duration.ofMillis(1800)).atMost(Duration.ofSeconds(5)).until(() -> true);
				takenOverMeanwhile.add(MailDeliveryTests.this.queue.takeBackExpired());
				MailDeliveryTests.this.transport.deliver(batch, outcomes);
			}
		};
		MailDispatcher dispatcher = new MailDispatcher(this.queue, slow, shortLease, new SimpleMeterRegistry(), "slow instance");

		assertThat(dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(takenOverMeanwhile).containsExactly(0);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void emptiesTheBodiesOfMailTheServerAcceptedAfterAShortTimeAndKeepsHeadersAndStatus() throws Exception {
		byte[] calendar = "BEGIN:VCALENDAR\r\nURL:https://tsunagu.corp.example/rsvp/secret\r\nEND:VCALENDAR\r\n"
			.getBytes(StandardCharsets.UTF_8);
		long old = this.outbox.queue(test("old@corp.example", "古い 人", Locale.JAPANESE, null)
			.with(new MailAttachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST", calendar))).orElseThrow();
		long recent = this.outbox.queue(test("recent@corp.example", null, Locale.JAPANESE, null)).orElseThrow();
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(2);
		long inMailbox = this.outbox.queue(test("mailbox@corp.example", null, Locale.JAPANESE, null)).orElseThrow();
		this.jdbc.sql("UPDATE mail_outbox SET status = 'SENT', delivered_via = 'MAILBOX', sent_at = now() WHERE id = ?")
			.param(inMailbox)
			.update();
		this.jdbc.sql("UPDATE mail_outbox SET sent_at = now() - interval '61 minutes' WHERE id IN (?, ?)")
			.params(old, inMailbox)
			.update();

		assertThat(this.retention.dropSentBodies()).isEqualTo(1);
		assertThat(this.retention.dropSentBodies()).as("once").isZero();

		assertThat(this.jdbc.sql("""
				SELECT html_body || text_body FROM mail_outbox WHERE id = ? AND body_dropped_at IS NOT NULL
				AND status = 'SENT' AND subject = 'つなぐ テストメール' AND recipient = 'old@corp.example' AND message_id LIKE '<%>'""")
			.param(old)
			.query(String.class)
			.single()).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_attachments WHERE mail_id = ?").param(old).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT text_body FROM mail_outbox WHERE id IN (?, ?)")
			.params(recent, inMailbox)
			.query(String.class)
			.list()).as("sent within the hour, or kept in the built-in mailbox").hasSize(2).allSatisfy(body -> assertThat(body).isNotBlank());
		this.mvc.perform(get("/admin/outbox").with(admin())).andExpect(status().isOk());
		this.mvc.perform(get("/mailbox/" + old).param("lang", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("old@corp.example")))
			.andExpect(content().string(containsString("its body and attachments were removed afterwards")));
	}

	@Test
	void queuesNothingWhenTheBusinessTransactionRollsBack() {
		this.transactions.executeWithoutResult(tx -> {
			this.outbox.queue(test("rollback@corp.example", null, Locale.JAPANESE, "plan-1-approved"));
			tx.setRollbackOnly();
		});
		assertThat(rows()).isEmpty();
		assertThat(this.dispatcher.dispatchDue()).isZero();
	}

	@Test
	void queuesTheSameNotificationOnce() {
		assertThat(this.outbox.queue(test("once@corp.example", null, Locale.JAPANESE, "step-7-request"))).isPresent();
		assertThat(this.outbox.queue(test("once@corp.example", null, Locale.JAPANESE, "step-7-request"))).isEmpty();
		assertThat(rows()).hasSize(1);
	}

	@Test
	void purgesSentMailAfterTheRetentionPeriodAndKeepsFailedMail() {
		this.outbox.queue(test("old@corp.example", null, Locale.JAPANESE, null));
		this.outbox.queue(test("recent@corp.example", null, Locale.JAPANESE, null));
		this.outbox.queue(test("failed@corp.example", null, Locale.JAPANESE, null));
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = CASE WHEN recipient LIKE 'failed%' THEN 'FAILED' ELSE 'SENT' END,
				       sent_at = now() - CASE WHEN recipient LIKE 'recent%' THEN interval '89 days' ELSE interval '91 days' END""")
			.update();
		assertThat(this.retention.purge()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT recipient FROM mail_outbox ORDER BY recipient").query(String.class).list())
			.containsExactly("failed@corp.example", "recent@corp.example");
	}

	@Test
	void reportsTheQueueInTheMetrics() {
		this.outbox.queue(test("metrics1@corp.example", null, Locale.JAPANESE, null));
		this.outbox.queue(test("metrics2@corp.example", null, Locale.JAPANESE, null));
		assertThat(this.meters.get("tsunagu.mail.outbox").tag("status", "queued").gauge().value()).isEqualTo(2.0);
		assertThat(this.meters.get("tsunagu.mail.oldest.queued.age").gauge().value()).isGreaterThanOrEqualTo(0.0);
		double sentBefore = this.meters.get("tsunagu.mail.sent").counter().count();
		this.dispatcher.dispatchDue();
		assertThat(this.meters.get("tsunagu.mail.outbox").tag("status", "queued").gauge().value()).isZero();
		assertThat(this.meters.get("tsunagu.mail.sent").counter().count()).isEqualTo(sentBefore + 2);
	}

	private static MailRequest test(String to, String name, Locale locale, String dedupeKey) {
		return MailRequest.of(to, name, locale, "test-message", Map.of(), new Object[0], dedupeKey);
	}

	private record Row(String recipient, String status, int attempts, double waitSeconds, String lastError) {
	}

	private List<Row> rows() {
		return this.jdbc.sql("""
				SELECT recipient, status, attempts, extract(epoch FROM next_attempt_at - now()) AS wait, last_error
				FROM mail_outbox ORDER BY id""")
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getString(5)))
			.list();
	}

	private void makeDue() {
		this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'QUEUED'").update();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user(this.users.loadUserByUsername("admin@tsunagu.example"));
	}

	private static MimeMessage received(String recipient) throws Exception {
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().contains(recipient)) {
				return message;
			}
		}
		throw new AssertionError("No message to " + recipient);
	}

	private static byte[] attachment(Part part, String filename) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				byte[] found = filename.equals(body.getFileName()) ? read(body) : attachment(body, filename);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static byte[] read(Part part) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		part.getInputStream().transferTo(out);
		return out.toByteArray();
	}

	private static GreenMail startGreenMail() {
		return TestSmtp.start(PORT);
	}

}
