package io.tsunagu.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;
import io.tsunagu.TsunaguApplication;
import io.tsunagu.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wave going out from a real application process that is killed with -9 halfway and started again,
 * counting the Message-IDs GreenMail received. This test's own context only queues the mail (its
 * dispatcher is off) and reads the outbox; the process sends it, on the same database schema.
 */
@SpringBootTest(properties = "tsunagu.mail.dispatcher-enabled=false")
@IsolatedDatabase("mailcrash")
class MailCrashTests {

	private static final Logger log = LoggerFactory.getLogger(MailCrashTests.class);

	private static final int WAVE = 1500;

	@TempDir
	Path workDirectory;

	@Autowired
	Outbox outbox;

	@Autowired
	MailQueue queue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Environment environment;

	private final List<Process> started = new ArrayList<>();

	private GreenMail greenMail;

	@AfterEach
	void stopEverything() throws Exception {
		for (Process process : this.started) {
			process.destroyForcibly();
			process.onExit().get();
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

	@Test
	void sendsAtMostTheUnrecordedFewTwiceAfterAKillAndTheRestartedInstanceTakesBackItsClaimsAtOnce() throws Exception {
		this.jdbc.sql("DELETE FROM mail_outbox").update();
		int smtpPort = TestSmtp.freePort();
		this.greenMail = TestSmtp.start(smtpPort);
		this.transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < WAVE; i++) {
				this.outbox.queue(MailRequest.of("crash" + i + "@corp.example", null, i % 2 == 0 ? Locale.JAPANESE : Locale.ENGLISH,
						"test-message", Map.of(), new Object[0], null).inBatch("crash-wave"));
			}
		});
		int httpPort = TestSmtp.freePort();
		// A lease far longer than the test: only the restarted instance taking back its own claims sends the rest.
		Process first = start(httpPort, smtpPort, "first.log");
		awaitMail().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> !first.isAlive() || this.greenMail.getReceivedMessages().length >= WAVE / 5);
		first.destroyForcibly();
		first.onExit().get();
		assertThat(first.exitValue()).as("killed, not exited: " + log("first.log")).isEqualTo(137);

		int received = settledCount();
		long recorded = this.queue.count(MailQueue.Status.SENT);
		assertThat(received).as("killed mid-wave").isLessThan(WAVE);
		assertThat(received - recorded).as("accepted by the server but not recorded as sent")
			.isBetween(0L, (long) DeliveryRecorder.MAX_UNRECORDED + 1);
		assertThat(this.queue.count(MailQueue.Status.SENDING)).as("claims the killed process held").isPositive();
		MailProgress meanwhile = this.outbox.progress("crash-wave");
		assertThat(meanwhile.sent()).isEqualTo(recorded);

		Process second = start(httpPort, smtpPort, "second.log");
		awaitMail().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !second.isAlive() || this.queue.count(MailQueue.Status.SENT) == WAVE);
		assertThat(this.queue.count(MailQueue.Status.SENT)).as(log("second.log")).isEqualTo(WAVE);
		assertThat(log("second.log")).contains("were claimed by this instance");
		assertThat(this.outbox.progress("crash-wave").isDone()).isTrue();

		int total = settledCount();
		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			copies.merge(message.getMessageID(), 1, Integer::sum);
		}
		assertThat(copies).as("every message arrived").hasSize(WAVE);
		assertThat(total - WAVE).as("Message-IDs delivered twice").isBetween(0, DeliveryRecorder.MAX_UNRECORDED + 1);
		assertThat(copies.values()).allSatisfy(count -> assertThat(count).isBetween(1, 2));
		log.info("Killed with {} of {} received and {} recorded as sent; {} delivered twice in the end", received, WAVE,
				recorded, total - WAVE);

		second.destroy();
		second.onExit().get();
	}

	// GreenMail stores a message once its DATA is complete; what was on the wire at the kill lands a moment later.
	/**
	 * Waits without failing on GreenMail's own threads: a process killed in the middle of a message leaves its
	 * SMTP connection to end mid-stream, which GreenMail reports as an uncaught exception, as it should.
	 */
	private static org.awaitility.core.ConditionFactory awaitMail() {
		return await().dontCatchUncaughtExceptions();
	}

	private int settledCount() {
		int[] last = { -1 };
		awaitMail().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
			int now = this.greenMail.getReceivedMessages().length;
			boolean settled = now == last[0];
			last[0] = now;
			return settled;
		});
		return last[0];
	}

	private Process start(int httpPort, int smtpPort, String logName) throws IOException {
		String schema = this.environment.getProperty("spring.flyway.default-schema", "");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "-Xmx512m", TsunaguApplication.class.getName(),
				"--server.port=" + httpPort, "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""),
				"--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--tsunagu.mail.lease=10m"));
		Process process = new ProcessBuilder(command).directory(this.workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.workDirectory.resolve(logName).toFile())
			.start();
		this.started.add(process);
		return process;
	}

	private String log(String name) throws IOException {
		Path file = this.workDirectory.resolve(name);
		return Files.exists(file) ? Files.readString(file) : "";
	}

}
