package io.tsunagu.accounts;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.DemoMode;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo is a state of the database, shown on every page, and an administrator leaves it in one
 * step: the demo company, its logins, sessions and mail go; the administrator stays, with a password
 * of their own. On a database of its own: leaving the demo empties the directory.
 */
@TsunaguTest
@IsolatedDatabase("demo_exit")
@TestPropertySource(properties = "tsunagu.demo.events.enabled=true")
class LeavingTheDemoTests {

	private static final String ADMIN = "admin@tsunagu.example";

	private static final String NEW_PASSWORD = "our-own-secret-2027";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoMode demo;

	@Autowired
	ApplicationContext context;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Test
	void anAdministratorLeavesTheDemoInOneStepAndNoDemoPasswordWorksAfterIt() throws Exception {
		if (!this.demo.isOn() && count("employees") == 0) {
			// A database that outlives the run (TSUNAGU_TEST_DB_URL) was left by the last one: seed it again.
			this.jdbc.sql("DELETE FROM demo_mode").update();
			this.jdbc.sql("DELETE FROM accounts").update();
			runTheApplicationRunners();
		}
		assertThat(this.demo.isOn()).as("seeding recorded the demo").isTrue();
		// Something of everything: an approved event, an invitation and its mail, a password link.
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		events.anApprovedEvent("デモの忘年会", 40);
		this.mvc.perform(post("/password").param("email", "emily.clark@tsunagu.example").with(csrf()));
		assertThat(count("mail_outbox")).isPositive();
		// The demo's events, seeded in the background: past ones with who came, and one today, whose
		// invitations (the only mail of the demo's events) are the last to be written.
		Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> count("mail_outbox WHERE kind = 'invitation'") > 0);
		assertThat(count("check_ins")).isPositive();
		assertThat(count("invitations")).isPositive();

		Cookie admin = logIn(ADMIN, "tsunagu-demo");
		Cookie organiser = logIn("organiser@tsunagu.example", "tsunagu-demo");
		this.mvc.perform(get("/plans").cookie(organiser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demo-banner\"")))
			.andExpect(content().string(containsString("公開されたデモ用パスワード")));
		this.mvc.perform(get("/admin/directory").cookie(admin).param("lang", "en"))
			.andExpect(content().string(containsString("Leave the demo first")))
			.andExpect(content().string(containsString("href=\"/admin/demo\"")));
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("everyone here logs in with the public demo password")));

		// Only an administrator, only with a confirmed password of at least 12 characters; bad input changes nothing.
		this.mvc.perform(post("/admin/demo").cookie(organiser).with(csrf())
			.param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD).param("understood", "on"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/demo").cookie(admin).with(csrf())
			.param("password", "too-short").param("confirmation", "too-short").param("understood", "on"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The password needs at least 12 characters.")));
		this.mvc.perform(post("/admin/demo").cookie(admin).with(csrf()).param("lang", "ja")
			.param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("デモのデータをすべて削除してよいか")));
		assertThat(this.demo.isOn()).isTrue();
		assertThat(count("employees")).isPositive();

		// The administrator's own session goes on, under a new id.
		admin = this.mvc.perform(post("/admin/demo").cookie(admin).with(csrf())
			.param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD).param("understood", "on"))
			.andExpect(redirectedUrl("/admin/directory"))
			.andExpect(flash().attribute("flash", "demo.left"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		assertThat(this.demo.isOn()).isFalse();
		for (String table : List.of("departments", "employees", "event_plans", "approval_rounds", "invitations",
				"event_seats", "mail_outbox", "password_links", "preparation_tasks", "invitation_waves", "check_ins",
				"check_in_taps")) {
			assertThat(count(table)).as(table).isZero();
		}
		assertThat(this.jdbc.sql("SELECT email FROM accounts").query(String.class).list()).containsExactly(ADMIN);

		// The demo's sessions are over, the demo password opens nothing, the administrator's new one does.
		this.mvc.perform(get("/plans").cookie(organiser)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(formLogin("/login").userParameter("email").user("organiser@tsunagu.example").password("tsunagu-demo"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").userParameter("email").user(ADMIN).password("tsunagu-demo"))
			.andExpect(redirectedUrl("/login?error"));
		Cookie again = logIn(ADMIN, NEW_PASSWORD);
		for (Cookie session : new Cookie[] { admin, again }) {
			this.mvc.perform(get("/admin/directory").cookie(session))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("demo-banner"))))
				.andExpect(content().string(not(containsString("id=\"demo-first\""))));
		}
		this.mvc.perform(get("/admin/demo").cookie(again)).andExpect(redirectedUrl("/admin/directory"));
		this.mvc.perform(get("/login")).andExpect(content().string(not(containsString("demo-banner"))));

		// A restart does not bring the demo back: the empty directory waits for the real org chart.
		runTheApplicationRunners();
		assertThat(count("employees")).isZero();
		assertThat(this.demo.isOn()).isFalse();
	}

	private void runTheApplicationRunners() throws Exception {
		for (ApplicationRunner runner : this.context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(new DefaultApplicationArguments());
		}
	}

	private Cookie logIn(String email, String password) throws Exception {
		return this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
