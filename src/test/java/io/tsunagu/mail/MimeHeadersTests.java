package io.tsunagu.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and titles go into the headers of a mail encoded for them: a display name with quotes, commas
 * and colons stays one display name, non-ASCII is RFC 2047, and a line break never starts a header of
 * its own.
 */
@TsunaguTest
class MimeHeadersTests {

	@Autowired
	MimeMessages mimeMessages;

	final Session session = Session.getInstance(new Properties());

	@Test
	void aNameOrSubjectWithALineBreakNeverAddsAHeader() throws Exception {
		MimeMessage parsed = roundTrip("Ann \"Ace\" O'Neil; Sales, Tokyo: \\\r\nBcc: victim@example.com",
				"Invitation\r\nBcc: victim@example.com");
		assertThat(parsed.getHeader("Bcc")).isNull();
		assertThat(parsed.getRecipients(Message.RecipientType.TO)).singleElement().satisfies(to -> {
			assertThat(((InternetAddress) to).getAddress()).isEqualTo("ann@example.com");
			assertThat(((InternetAddress) to).getPersonal())
				.isEqualTo("Ann \"Ace\" O'Neil; Sales, Tokyo: \\ Bcc: victim@example.com");
		});
		assertThat(parsed.getSubject()).isEqualTo("Invitation Bcc: victim@example.com");
	}

	@Test
	void aLongNameWithEmojiAndJapaneseComesBackWhole() throws Exception {
		String name = "田中 \"たなか\" 🎉, 営業部: " + "長".repeat(60);
		String subject = "佐藤 美咲さんから「\"乾杯\"; 会, 議: \\ 🎉」へのご招待 " + "あ".repeat(400);
		MimeMessage parsed = roundTrip(name, subject);
		assertThat(((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo(name);
		assertThat(parsed.getSubject()).isEqualTo(subject);
	}

	private MimeMessage roundTrip(String name, String subject) throws Exception {
		OutgoingMail mail = new OutgoingMail(1, "<h@tsunagu.test>", "ann@example.com", name, subject, "<p>x</p>", "x", 0,
				List.of());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.mimeMessages.build(this.session, mail).writeTo(bytes);
		String raw = bytes.toString(StandardCharsets.US_ASCII);
		String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
		assertThat(headers.chars()).as("headers are ASCII").allMatch(c -> c < 128);
		return new MimeMessage(this.session, new ByteArrayInputStream(bytes.toByteArray()));
	}

}
