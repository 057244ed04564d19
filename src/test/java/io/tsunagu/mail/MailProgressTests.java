package io.tsunagu.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The progress of a batch follows its own outbox rows as the dispatcher delivers them over SMTP: sent,
 * given up after a permanent refusal, queued again after a temporary failure, or still waiting. The
 * background loop is off: each test dispatches when it wants to.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.mail.initial-backoff=10m" })
@IsolatedDatabase("mailprogress")
class MailProgressTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail greenMail = TestSmtp.start(PORT);

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
	JdbcClient jdbc;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("DELETE FROM mail_outbox").update();
	}

	@AfterEach
	void keepSmtpRunning() {
		if (!greenMail.isRunning()) {
			greenMail = TestSmtp.start(PORT);
		}
	}

	@AfterAll
	static void stopSmtp() {
		greenMail.stop();
	}

	@Test
	void countsTheBatchsOwnMailAsItIsSentGivenUpRetriedOrWaiting() throws Exception {
		this.outbox.queue(mail("sent1@corp.example", "送信 一郎").inBatch("wave-1"));
		this.outbox.queue(mail("sent2@corp.example", "送信 二郎").inBatch("wave-1"));
		this.outbox.queue(mail("other@corp.example", null).inBatch("wave-2"));
		this.outbox.queue(mail("nobatch@corp.example", null));
		assertThat(this.outbox.progress("wave-1")).satisfies(progress -> {
			assertThat(counts(progress)).containsExactly(2L, 0L, 0L, 0L, 2L);
			assertThat(progress.isDone()).isFalse();
		});
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(4);

		greenMail.stop();
		this.outbox.queue(mail("later@corp.example", "後で 届く").inBatch("wave-1"));
		this.dispatcher.dispatchDue();
		try (RejectingSmtpServer refusing = new RejectingSmtpServer(PORT)) {
			this.outbox.queue(mail("gone@corp.example", "山田 花子").inBatch("wave-1"));
			this.outbox.queue(mail("gone-too@corp.example", null).inBatch("wave-1"));
			this.outbox.queue(mail("other-gone@corp.example", null).inBatch("wave-2"));
			this.dispatcher.dispatchDue();
		}
		this.outbox.queue(mail("waiting@corp.example", null).inBatch("wave-1"));
		this.outbox.queue(mail("other-waiting@corp.example", null).inBatch("wave-2"));
		this.outbox.queue(mail("nobatch-waiting@corp.example", null));

		MailProgress progress = this.outbox.progress("wave-1");
		assertThat(counts(progress)).as("total, sent, failed, retrying, waiting").containsExactly(6L, 2L, 2L, 1L, 1L);
		assertThat(progress.failures()).containsExactly(new MailProgress.Recipient("gone@corp.example", "山田 花子"),
				new MailProgress.Recipient("gone-too@corp.example", null));
		assertThat(progress.unnamedFailures()).isZero();
		assertThat(progress.isDone()).isFalse();
		assertThat(counts(this.outbox.progress("wave-2"))).containsExactly(3L, 1L, 1L, 0L, 1L);

		this.queue.claim(100, "an instance that stops", java.time.Duration.ofMinutes(1));
		assertThat(counts(this.outbox.progress("wave-1"))).as("a message being sent still waits; a retry not yet due is not claimed")
			.containsExactly(6L, 2L, 2L, 1L, 1L);
		this.jdbc.sql("UPDATE mail_outbox SET lease_until = now() - interval '1 second' WHERE status = 'SENDING'").update();
		progress = this.outbox.progress("wave-1");
		assertThat(counts(progress)).as("its instance stopped: the message waits to be taken over").containsExactly(6L, 2L, 2L, 1L, 0L);
		assertThat(progress.interrupted()).isEqualTo(1);
		assertThat(progress.isDone()).isFalse();

		greenMail = TestSmtp.start(PORT);
		this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'QUEUED'").update();
		this.dispatcher.dispatchDue();
		progress = this.outbox.progress("wave-1");
		assertThat(counts(progress)).containsExactly(6L, 4L, 2L, 0L, 0L);
		assertThat(progress.isDone()).as("the given-up ones stay given up; nothing is left to send").isTrue();
		assertThat(progress.failures()).extracting(MailProgress.Recipient::email)
			.containsExactly("gone@corp.example", "gone-too@corp.example");
	}

	@Test
	void namesTheFirstFiftyGivenUpRecipientsInTheOrderTheyWereQueued() {
		for (int i = 0; i < MailProgress.NAMED_FAILURES + 2; i++) {
			this.outbox.queue(mail("gone" + i + "@corp.example", "社員 " + i).inBatch("big-wave"));
		}
		this.jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', attempts = 1, last_error = '550 No such user here'").update();

		MailProgress progress = this.outbox.progress("big-wave");
		assertThat(progress.failed()).isEqualTo(52);
		assertThat(progress.failures()).hasSize(50).first().isEqualTo(new MailProgress.Recipient("gone0@corp.example", "社員 0"));
		assertThat(progress.failures().get(49).email()).isEqualTo("gone49@corp.example");
		assertThat(progress.unnamedFailures()).isEqualTo(2);
		assertThat(progress.isDone()).isTrue();
	}

	@Test
	void aBatchWithoutMailIsEmptyAndDone() {
		this.outbox.queue(mail("nobatch@corp.example", null));
		MailProgress progress = this.outbox.progress("wave-404");
		assertThat(counts(progress)).containsOnly(0L);
		assertThat(progress.failures()).isEmpty();
		assertThat(progress.isDone()).isTrue();
	}

	@Test
	void aBatchIsPartOfTheRequestKeptByEveryCopyAndChecked() {
		MailRequest request = mail("sato@corp.example", "佐藤 美咲").inBatch("wave-7")
			.with(new MailAttachment("a.ics", "text/calendar", new byte[] { 1 }));
		assertThat(request.batch()).isEqualTo("wave-7");
		assertThat(request.attachments()).hasSize(1);
		assertThat(mail("sato@corp.example", null).batch()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> mail("sato@corp.example", null).inBatch(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> mail("sato@corp.example", null).inBatch("w".repeat(101)));
	}

	private static List<Long> counts(MailProgress progress) {
		return List.of(progress.total(), progress.sent(), progress.failed(), progress.retrying(), progress.waiting());
	}

	private static MailRequest mail(String to, String name) {
		return MailRequest.of(to, name, Locale.JAPANESE, "test-message", Map.of(), new Object[0], null);
	}

}
