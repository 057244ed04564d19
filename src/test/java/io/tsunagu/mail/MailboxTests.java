package io.tsunagu.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The default mode, without SMTP: mail lands in the built-in mailbox at once, and every link in it works.
 */
@TsunaguTest
class MailboxTests {

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void theDispatcherDeliversAQueuedMessageToTheMailboxByItself() throws Exception {
		long id = this.outbox
			.queue(MailRequest.of("organiser@tsunagu.example", "佐藤 美咲", Locale.JAPANESE, "test-message", Map.of(),
					new Object[0], null))
			.orElseThrow();
		// Within a second or two on a quiet machine; a loaded one gets longer before the test gives up.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT status || '/' || coalesce(delivered_via, '') FROM mail_outbox WHERE id = ?")
				.param(id)
				.query(String.class)
				.single()).isEqualTo("SENT/MAILBOX"));
	}

	@Test
	void showsAQueuedMessagesHtmlWithAWorkingLink() throws Exception {
		long id = this.outbox
			.queue(MailRequest.of("officer@tsunagu.example", "高橋 誠", Locale.JAPANESE, "test-message", Map.of(),
					new Object[0], null))
			.orElseThrow();
		var organiser = user(this.users.loadUserByUsername("organiser@tsunagu.example"));
		this.mvc.perform(get("/mailbox").param("recipient", "officer@").with(organiser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/mailbox/" + id)))
			.andExpect(content().string(containsString("つなぐ テストメール")));
		this.mvc.perform(get("/mailbox/" + id).with(organiser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Message-ID: ")))
			.andExpect(content().string(containsString("/mailbox/" + id + "/html")));
		String html = this.mvc.perform(get("/mailbox/" + id + "/html").with(organiser))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<base target=\"_top\">").contains("href=\"http://localhost:8080/admin/outbox\"");
		var admin = user(this.users.loadUserByUsername("admin@tsunagu.example"));
		this.mvc.perform(get("/admin/outbox").with(admin)).andExpect(status().isOk());
	}

	@Test
	void sendsTheAdministratorATestMessageByTheirDirectoryName() throws Exception {
		this.mvc.perform(post("/admin/outbox/test").with(user(this.users.loadUserByUsername("admin@tsunagu.example"))).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.jdbc.sql("SELECT recipient_name || '/' || locale FROM mail_outbox "
				+ "WHERE kind = 'test-message' AND recipient = 'admin@tsunagu.example' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("鈴木 恵子/ja");
	}

	@Test
	void answersNotFoundForAnUnknownMessage() throws Exception {
		this.mvc.perform(get("/mailbox/999999999").with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isNotFound());
	}

}
