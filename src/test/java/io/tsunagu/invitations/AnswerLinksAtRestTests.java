package io.tsunagu.invitations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailDispatcherAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link RsvpToken}'s promise, that a copy of the database opens no invitation, with an SMTP server:
 * once the invitations went out and the short body retention passed, no column of any table holds an
 * answer link's token, and the links in the mail still work.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.mail.sent-body-retention=0s",
		"tsunagu.mail.sent-body-check=200ms" })
@AutoConfigureMockMvc
@IsolatedDatabase("answerlinks")
class AnswerLinksAtRestTests extends InvitationTestBase {

	static final int PORT = TestSmtp.freePort();

	static final GreenMail greenMail = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@AfterAll
	static void stopSmtp() {
		greenMail.stop();
	}

	@Autowired
	ApplicationContext context;

	@Test
	void noTableHoldsAnAnswerLinkOnceTheMailWentOutAndTheLinksStillWork() throws Exception {
		long plan = this.events.anApprovedEvent("リンクを残さない会 " + System.nanoTime(), 30);
		List<String> tokens = this.support.invite(plan,
				List.of(person("david.lee@tsunagu.example"), person("yoko.nakamura@tsunagu.example")));
		assertThat(placesHolding(tokens.get(0))).as("queued, not sent: the outbox holds the mail").isNotEmpty();

		new MailDispatcherAccess(this.context).dispatchDue();
		assertThat(receivedText()).as("the invitees got their links").contains(tokens);

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				for (String token : tokens) {
					assertThat(placesHolding(token)).as("columns holding the token").isEmpty();
				}
			});
		for (String token : tokens) {
			this.mvc.perform(get("/rsvp/{token}", token)).andExpect(status().isOk());
		}
	}

	/** Every text, JSON and binary column of every table of this schema that contains the value. */
	private List<String> placesHolding(String value) {
		List<String[]> columns = this.jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = current_schema()
				  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		assertThat(columns).extracting(column -> column[0]).contains("mail_outbox", "mail_attachments", "invitations");
		List<String> places = new ArrayList<>();
		for (String[] column : columns) {
			String test = "bytea".equals(column[2]) ? "position(convert_to(?, 'UTF8') IN \"%s\") > 0"
					: "strpos(\"%s\"::text, ?) > 0";
			long hits = this.jdbc.sql("SELECT count(*) FROM \"" + column[0] + "\" WHERE " + test.formatted(column[1]))
				.param(value)
				.query(Long.class)
				.single();
			if (hits > 0) {
				places.add(column[0] + "." + column[1]);
			}
		}
		return places;
	}

	private static String receivedText() throws Exception {
		StringBuilder text = new StringBuilder();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			String plain = TestSmtp.text(message, "text/plain");
			text.append(plain == null ? "" : plain);
		}
		return text.toString();
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

}
