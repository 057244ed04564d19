package io.tsunagu.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TsunaguTest
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
		this.mvc.perform(get("/employees")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin/audit")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void answersABackgroundRequestAfterTheSessionEndedWith401NotTheLoginPage() throws Exception {
		this.mvc.perform(get("/plans/1/invitations/waves/1/progress").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void showsTheLoginPageInJapaneseByDefaultAndInEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("つなぐにログイン")));
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("Log in to Tsunagu")));
	}

	@Test
	void logsInWithTheDemoPassword() throws Exception {
		this.mvc.perform(formLogin("/login").userParameter("email").user("organiser@tsunagu.example").password("tsunagu-demo"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() throws Exception {
		this.mvc.perform(formLogin("/login").userParameter("email").user("officer@tsunagu.example").password("wrong"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").userParameter("email").user("nobody@tsunagu.example").password("wrong"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void locksALoginNameAfterRepeatedFailuresEvenForTheRightPassword() throws Exception {
		String email = "emily.clark@tsunagu.example";
		// A database that outlives the run (TSUNAGU_TEST_DB_URL) may still hold the last run's lock.
		this.throttle.recordSuccess(email);
		for (int i = 1; i < 5; i++) {
			this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("guess-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("guess-5"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("tsunagu-demo"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/login").param("locked", "").param("lang", "en"))
			.andExpect(content().string(containsString("Too many failed attempts")));
	}

	@Test
	void checksNoMoreThanTheAllowedPasswordsWhenAttemptsArriveAtOnce() throws Exception {
		String email = "racer." + System.nanoTime() + "@tsunagu.example";
		this.accounts.save(new Account(email, this.passwords.encode("the-right-password-1"), false));
		int attempts = 30;
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				String guess = "guess-" + i;
				answers.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(guess))
						.andReturn()
						.getResponse()
						.getRedirectedUrl();
				}));
			}
			start.countDown();
			List<String> redirects = new ArrayList<>();
			for (Future<String> answer : answers) {
				redirects.add(answer.get(60, TimeUnit.SECONDS));
			}
			// Five passwords checked: four plain failures, the fifth locks; the other 25 were never checked.
			assertThat(redirects).filteredOn("/login?error"::equals).hasSize(4);
			assertThat(redirects).filteredOn("/login?locked"::equals).hasSize(attempts - 4);
		}
		finally {
			pool.shutdownNow();
		}
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("the-right-password-1"))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void refusesAPostWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/logout").with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("email", "organiser@tsunagu.example").param("password", "tsunagu-demo"))
			.andExpect(status().isForbidden());
	}

	// The pages themselves are rendered by the servlet container's error dispatch: see ErrorPagesTests.
	@Test
	void forbidsEmployeesTheAdminPages() throws Exception {
		this.mvc.perform(get("/admin/audit").with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/directory").with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void answersNotFoundForAnUnknownEmployee() throws Exception {
		this.mvc.perform(get("/employees/NO-SUCH-CODE").with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void sendsSecureHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void letsAdministratorsReadTheAuditLogOfLogins() throws Exception {
		this.mvc.perform(formLogin("/login").userParameter("email").user("manager@tsunagu.example").password("tsunagu-demo"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/admin/audit").param("actor", "manager@").param("action", "login")
				.with(user(this.users.loadUserByUsername("admin@tsunagu.example"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("伊藤 大輔")));
	}

	@Test
	void switchesToThePersonsOwnLanguageAtLogin() throws Exception {
		// Sessions live in the database (Spring Session), found by their cookie.
		Cookie session = this.mvc
			.perform(formLogin("/login").userParameter("email").user("david.lee@tsunagu.example").password("tsunagu-demo"))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/departments").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Officer in charge")))
			.andExpect(content().string(containsString("Planning &amp; Development")));
	}

}
