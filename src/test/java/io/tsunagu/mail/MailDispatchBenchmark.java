package io.tsunagu.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.TsunaguApplication;

/**
 * Queues N messages and measures how fast the dispatcher delivers them to an SMTP sink, against a
 * bare Jakarta Mail loop sending the same messages over one reused connection to the same sink, in
 * the same run. Not a test: {@code bench/mail/run.sh} runs it. Usage: {@code MailDispatchBenchmark <smtpPort> <count>}.
 */
public final class MailDispatchBenchmark {

	private MailDispatchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Integer.parseInt(args[1]);
		Path data = Files.createTempDirectory("tsunagu-bench-pg");
		// The same durability as the application's own embedded server: every commit is flushed.
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start()) {
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("CREATE DATABASE bench");
			}
			ConfigurableApplicationContext context = new SpringApplicationBuilder(TsunaguApplication.class)
				.properties(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "bench"), "spring.mail.host",
						"127.0.0.1", "spring.mail.port", port, "tsunagu.mail.dispatcher-enabled", false,
						"tsunagu.demo.enabled", false, "logging.level.root", "WARN", "spring.main.banner-mode", "off",
						"server.port", 0))
				.run();
			try {
				run(context, port, count);
			}
			finally {
				context.close();
			}
		}
	}

	private static void run(ConfigurableApplicationContext context, int port, int count) throws Exception {
		Outbox outbox = context.getBean(Outbox.class);
		MailDispatcher dispatcher = context.getBean(MailDispatcher.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);

		// Warm both paths up (JIT, connections) before measuring.
		queue(outbox, transactions, 500, "warm");
		dispatcher.dispatchDue();
		List<OutgoingMail> warm = load(jdbc, "warm");
		bareLoop(port, warm);

		long queueStart = System.nanoTime();
		queue(outbox, transactions, count, "bench");
		double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
		List<OutgoingMail> messages = load(jdbc, "bench");

		double bareBefore = timed(() -> bareLoop(port, messages));

		long dispatchStart = System.nanoTime();
		int sent = 0;
		while (sent < count) {
			int delivered = dispatcher.dispatchDue();
			if (delivered == 0) {
				throw new IllegalStateException("The dispatcher stopped after " + sent + " messages");
			}
			sent += delivered;
		}
		double dispatchSeconds = (System.nanoTime() - dispatchStart) / 1e9;

		// The bare loop runs before and after the dispatcher; their mean cancels a drifting machine.
		double bareAfter = timed(() -> bareLoop(port, messages));
		double bareSeconds = (bareBefore + bareAfter) / 2;

		double dispatchRate = count / dispatchSeconds;
		double bareRate = count / bareSeconds;
		System.out.printf(Locale.ROOT, "messages:            %d%n", count);
		System.out.printf(Locale.ROOT, "queueing (render):   %.2f s  (%.0f msg/s)%n", queueSeconds, count / queueSeconds);
		System.out.printf(Locale.ROOT, "dispatcher:          %.2f s  (%.0f msg/s)%n", dispatchSeconds, dispatchRate);
		System.out.printf(Locale.ROOT, "bare Jakarta Mail:   %.2f s  (%.0f msg/s; %.2f s before, %.2f s after)%n",
				bareSeconds, bareRate, bareBefore, bareAfter);
		System.out.printf(Locale.ROOT, "ratio dispatcher/bare: %.2f (goal >= 0.80)%n", dispatchRate / bareRate);
	}

	private interface Run {

		void run() throws Exception;

	}

	private static double timed(Run run) throws Exception {
		long start = System.nanoTime();
		run.run();
		return (System.nanoTime() - start) / 1e9;
	}

	private static void queue(Outbox outbox, TransactionTemplate transactions, int count, String prefix) {
		for (int start = 0; start < count; start += 1000) {
			int from = start;
			transactions.executeWithoutResult(tx -> {
				for (int i = from; i < Math.min(from + 1000, count); i++) {
					outbox.queue(MailRequest.of(prefix + i + "@bench.example", "社員 " + i,
							i % 2 == 0 ? Locale.JAPANESE : Locale.ENGLISH, "test-message", Map.of(), new Object[0], null));
				}
			});
		}
	}

	private static List<OutgoingMail> load(JdbcClient jdbc, String prefix) {
		return jdbc.sql("""
				SELECT id, message_id, recipient, recipient_name, subject, html_body, text_body FROM mail_outbox
				WHERE recipient LIKE ? ORDER BY id""")
			.param(prefix + "%")
			.query((rs, row) -> new OutgoingMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), 0, List.of()))
			.list();
	}

	/** Builds the same MIME structure (text and HTML alternatives) and sends it all over one connection. */
	private static void bareLoop(int port, List<OutgoingMail> messages) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		Session session = Session.getInstance(properties);
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			for (OutgoingMail mail : messages) {
				MimeMessage message = new MimeMessage(session);
				message.setFrom(new InternetAddress("no-reply@tsunagu.example"));
				message.setRecipient(Message.RecipientType.TO,
						new InternetAddress(mail.recipient(), mail.recipientName(), StandardCharsets.UTF_8.name()));
				message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
				MimeMultipart alternative = new MimeMultipart("alternative");
				MimeBodyPart text = new MimeBodyPart();
				text.setText(mail.text(), StandardCharsets.UTF_8.name());
				MimeBodyPart html = new MimeBodyPart();
				html.setContent(mail.html(), "text/html; charset=UTF-8");
				alternative.addBodyPart(text);
				alternative.addBodyPart(html);
				message.setContent(alternative);
				message.saveChanges();
				transport.sendMessage(message, message.getAllRecipients());
			}
		}
	}

}
