package io.tsunagu.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An employee the org chart import brought in, without a login yet, sets a password from a link
 * sent to their company address.
 */
@TsunaguTest
class PasswordLinksTests {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080/password/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private String email;

	@BeforeEach
	void anImportedEmployeeWithoutALogin() {
		this.email = "new.hire." + System.nanoTime() + "@pwt.example";
		this.jdbc.sql("""
				INSERT INTO employees (code, name, name_kana, email, department_id, rank, join_year)
				SELECT ?, '新人 太郎', 'シンジン タロウ', ?, id, 'STAFF', 2026 FROM departments WHERE code = 'GA'""")
			.params("PWT" + System.nanoTime() % 1_000_000_000, this.email)
			.update();
	}

	@Test
	void setsAFirstPasswordFromTheLinkAndLogsIn() throws Exception {
		String token = requestLink(this.email.toUpperCase());

		this.mvc.perform(get("/password/" + token)).andExpect(status().isOk()).andExpect(content().string(containsString(this.email)));
		this.mvc.perform(get("/password/" + token)).andExpect(status().isOk());
		assertThat(this.accounts.existsByEmailIgnoreCase(this.email)).as("looking uses nothing up").isFalse();

		this.mvc.perform(post("/password/" + token).param("password", "a-fresh-secret-42")
				.param("confirmation", "a-fresh-secret-42")
				.with(csrf()))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flash", "password.set"));
		assertThat(this.accounts.findByEmailIgnoreCase(this.email).orElseThrow().isAdmin()).isFalse();
		this.mvc.perform(formLogin("/login").userParameter("email").user(this.email).password("a-fresh-secret-42"))
			.andExpect(redirectedUrl("/"));

		this.mvc.perform(get("/password/" + token))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("このリンクは使えません")));
		this.mvc.perform(post("/password/" + token).param("password", "another-secret-99")
			.param("confirmation", "another-secret-99")
			.with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void settingANewPasswordEndsTheAccountsOtherSessions() throws Exception {
		setPassword(requestLink(this.email), "the-first-secret-1", null);
		Cookie here = logIn("the-first-secret-1");
		Cookie elsewhere = logIn("the-first-secret-1");
		Cookie someoneElse = this.mvc
			.perform(formLogin("/login").userParameter("email").user("manager@tsunagu.example").password("tsunagu-demo"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/plans").cookie(elsewhere)).andExpect(status().isOk());

		setPassword(requestLink(this.email), "the-second-secret-2", here);

		this.mvc.perform(get("/plans").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/plans").cookie(here)).andExpect(status().isOk());
		this.mvc.perform(get("/plans").cookie(someoneElse)).andExpect(status().isOk());
	}

	@Test
	void refusesAShortOrMismatchedPasswordAndChangesNothing() throws Exception {
		String token = requestLink(this.email);
		this.mvc.perform(post("/password/" + token).param("password", "short").param("confirmation", "short").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("パスワードは12文字以上にしてください。")));
		this.mvc.perform(post("/password/" + token).param("password", "long-enough-one")
			.param("confirmation", "long-enough-two")
			.param("lang", "en")
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The two passwords are not the same.")));
		assertThat(this.accounts.existsByEmailIgnoreCase(this.email)).isFalse();
		this.mvc.perform(get("/password/" + token)).andExpect(status().isOk());
	}

	@Test
	void answersAnUnknownAddressAlikeAndSendsNothing() throws Exception {
		this.mvc.perform(post("/password").param("email", "nobody@pwt.example").with(csrf()))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flash", "password.linkSent"));
		assertThat(mailsTo("nobody@pwt.example")).isZero();
	}

	@Test
	void sendsAtMostThreeLinksAnHour() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/password").param("email", this.email).with(csrf())).andExpect(redirectedUrl("/login"));
		}
		assertThat(mailsTo(this.email)).isEqualTo(PasswordLinks.MAX_LINKS_PER_HOUR);
	}

	@Test
	void anExpiredOrMalformedLinkDoesNotWork() throws Exception {
		String token = requestLink(this.email);
		this.jdbc.sql("UPDATE password_links SET expires_at = now() - interval '1 minute' WHERE lower(email) = lower(?)")
			.param(this.email)
			.update();
		this.mvc.perform(get("/password/" + token)).andExpect(status().isNotFound());
		this.mvc.perform(get("/password/not-a-token")).andExpect(status().isNotFound());
	}

	@Test
	void theLoginPageOffersTheLink() throws Exception {
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("はじめての方・パスワードを忘れた方")));
		this.mvc.perform(get("/password")).andExpect(status().isOk());
	}

	private String requestLink(String address) throws Exception {
		this.mvc.perform(post("/password").param("email", address).with(csrf())).andExpect(redirectedUrl("/login"));
		String text = this.jdbc.sql("""
				SELECT text_body FROM mail_outbox WHERE kind = 'password-link' AND lower(recipient) = lower(?)
				ORDER BY id DESC LIMIT 1""").param(address).query(String.class).single();
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group(1);
	}

	private void setPassword(String token, String password, Cookie session) throws Exception {
		var request = post("/password/" + token).param("password", password).param("confirmation", password).with(csrf());
		if (session != null) {
			request.cookie(session);
		}
		this.mvc.perform(request).andExpect(redirectedUrl("/login"));
	}

	private Cookie logIn(String password) throws Exception {
		return this.mvc.perform(formLogin("/login").userParameter("email").user(this.email).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	private long mailsTo(String address) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE kind = 'password-link' AND lower(recipient) = lower(?)")
			.param(address)
			.query(Long.class)
			.single();
	}

}
