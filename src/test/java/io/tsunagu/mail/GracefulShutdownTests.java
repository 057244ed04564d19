package io.tsunagu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;

/**
 * An instance told to stop while its dispatcher sends a wave: the batch it claimed is delivered and
 * recorded before it stops, and it claims no more; what is left stays queued for the other instances.
 */
@SpringBootTest(properties = "tsunagu.mail.dispatcher-enabled=false")
@IsolatedDatabase("graceful")
class GracefulShutdownTests {

	private static final int WAVE = 2000;

	private static final int SMTP_PORT = TestSmtp.freePort();

	private static GreenMail greenMail;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startSmtp() {
		greenMail = TestSmtp.start(SMTP_PORT);
	}

	@AfterAll
	static void stopSmtp() {
		greenMail.stop();
	}

	@Autowired
	Outbox outbox;

	@Autowired
	MailQueue queue;

	@Autowired
	MailTransport transport;

	@Autowired
	MailSettings settings;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aStoppingDispatcherFinishesTheBatchItClaimedAndClaimsNoMore() {
		this.jdbc.sql("DELETE FROM mail_outbox").update();
		this.transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < WAVE; i++) {
				this.outbox.queue(MailRequest.of("stop" + i + "@corp.example", null, Locale.JAPANESE, "test-message",
						Map.of(), new Object[0], null));
			}
		});
		MailSettings s = this.settings;
		MailDispatcher dispatcher = new MailDispatcher(this.queue, this.transport,
				new MailSettings(s.from(), 20, s.maxAttempts(), s.initialBackoff(), s.maxBackoff(), s.lease(),
						s.pollInterval(), s.retention(), s.sentBodyRetention(), "stopping-instance", true),
				this.meters, "stopping-instance");

		dispatcher.start();
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(2))
			.until(() -> this.queue.count(MailQueue.Status.SENDING) + this.queue.count(MailQueue.Status.SENT) > 0);
		dispatcher.stop();

		long sent = this.queue.count(MailQueue.Status.SENT);
		assertThat(this.queue.count(MailQueue.Status.SENDING)).as("claims left behind").isZero();
		assertThat(this.queue.count(MailQueue.Status.FAILED)).isZero();
		assertThat(sent).isPositive();
		assertThat(this.queue.count(MailQueue.Status.QUEUED)).as("left for the other instances").isEqualTo(WAVE - sent);
		assertThat(this.queue.count(MailQueue.Status.QUEUED)).as("claimed no more once told to stop").isPositive();
		await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length >= sent);
		assertThat(greenMail.getReceivedMessages()).hasSize((int) sent);
	}

}
