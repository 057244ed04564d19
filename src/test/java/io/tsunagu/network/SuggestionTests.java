package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.tsunagu.IsolatedDatabase;

/**
 * Whom to invite and whom to ask to help, on a small company made by hand. On a schema of its own where
 * everyone but the company of the test at hand is off the org chart, so that the demo company and the
 * other tests' people never enter the suggestions.
 */
@IsolatedDatabase("suggest")
class SuggestionTests extends NetworkTestBase {

	static final LocalDate SPRING = LocalDate.of(2026, 4, 10);

	@Autowired
	Suggestions suggestions;

	@Autowired
	UserDetailsService users;

	long sales;

	long dev;

	long acct;

	long me;

	@BeforeEach
	void onlyThisCompany() {
		this.jdbc.sql("UPDATE employees SET active = FALSE WHERE active").update();
		this.sales = this.company.department("SALES", "営業部", "Sales");
		this.dev = this.company.department("DEV", "企画・開発部", "Planning and Development");
		this.acct = this.company.department("ACCT", "経理部", "Accounting");
		this.me = this.company.person("Kan Organiser", this.sales, 2019);
	}

	@Test
	void ranksANewDepartmentThenTheFitThenHowOftenTheyCameAndLeavesOutWhoMustNotBeSuggested() {
		// Made first, so that they come first in their department's share of the cohort.
		long hidden = this.company.person("Hiro Hidden", this.acct, 2019);
		long inactive = this.company.person("Ina Left", this.acct, 2019);
		long onList = this.company.person("Ol Listed", this.acct, 2019);
		long coOrganiser = this.company.person("Co Organiser", this.acct, 2019);
		long newDepartment = this.company.person("Aki Accounting", this.acct, 2019);
		long recentlyInvited = this.company.person("Rei Recent", this.acct, 2019);
		long helper = this.company.person("Hana Helper", this.dev, 2010);
		long sameCohort = this.company.person("Sae Sales", this.sales, 2019);
		long young = this.company.person("Dai Young", this.dev, 2026);
		long nearCohort = this.company.person("Den Near", this.dev, 2021);
		this.company.person("Ao Toolate", this.acct, 2023);
		long spring = this.company.held("春の同期会", "COHORT_MEETUP", SPRING, List.of(this.me, helper),
				List.of(this.me, sameCohort, young));
		invite(spring, sameCohort, SPRING.minusDays(14));
		long study = this.company.held("秋の勉強会", "STUDY_SESSION", LocalDate.now(SmallCompany.TOKYO).minusDays(20),
				List.of(this.me), List.of(this.me));
		invite(study, recentlyInvited, LocalDate.now(SmallCompany.TOKYO).minusDays(30));
		hide(hidden);
		this.jdbc.sql("UPDATE employees SET active = FALSE WHERE id = ?").param(inactive).update();
		long plan = upcoming("冬の同期会", "COHORT_MEETUP");
		this.jdbc.sql("INSERT INTO plan_co_organisers (plan_id, employee_id) VALUES (?, ?)").params(plan, coOrganiser).update();
		this.suggestions.invite(plan, this.me, "kan@tsunagu.example", onList);

		List<Suggestion> found = this.suggestions.invitees(plan, this.me, Locale.JAPANESE);

		// 70 new department and cohort; 60 cohort, came to my event, came 1 of 1; 45 new department and cohort,
		// came 0 of 1 and invited by me a month ago; 26 two years from my cohort; 10 helped; 10 came to my event.
		assertThat(found).extracting(Suggestion::employeeId)
			.containsExactly(newDepartment, sameCohort, recentlyInvited, nearCohort, helper, young);
		assertThat(found).extracting(Suggestion::employeeId).doesNotContain(hidden, inactive, onList, coOrganiser, this.me);
	}

	@Test
	void eachReasonAppearsWhereItShouldInTheOrganisersLanguage() throws Exception {
		long newDepartment = this.company.person("Aki Accounting", this.acct, 2019);
		long helper = this.company.person("Hana Helper", this.dev, 2010);
		long sameCohort = this.company.person("Sae Sales", this.sales, 2019);
		long nearCohort = this.company.person("Den Near", this.dev, 2021);
		long spring = this.company.held("春の同期会", "COHORT_MEETUP", SPRING, List.of(this.me, helper),
				List.of(this.me, sameCohort));
		invite(spring, sameCohort, SPRING.minusDays(14));
		long plan = upcoming("冬の同期会", "COHORT_MEETUP");

		Document ja = fragment("/plans/" + plan + "/suggestions/invitees", "ja");

		assertThat(reasons(ja, newDepartment)).containsExactly("経理部 — あなたがまだつながっていない部署", "2019年入社 — 同期");
		assertThat(reasons(ja, sameCohort)).containsExactly("2019年入社 — 同期", "「春の同期会」に参加", "招待1回のうち1回参加");
		assertThat(reasons(ja, nearCohort)).containsExactly("2021年入社 — 入社年があなたと3年以内");
		assertThat(reasons(ja, helper)).containsExactly("準備を手伝ったことがある");
		assertThat(ja.select("[data-employee-id=" + newDepartment + "] .suggestion-department").text()).isEqualTo("経理部");

		Document en = fragment("/plans/" + plan + "/suggestions/invitees", "en");

		assertThat(reasons(en, newDepartment)).containsExactly("Accounting — a department you are not connected with yet",
				"Joined in 2019 — same cohort");
		assertThat(reasons(en, sameCohort)).containsExactly("Joined in 2019 — same cohort", "Came to “春の同期会”",
				"Came 1 of 1 times invited");
	}

	@Test
	void suggestsExecutivesAndOfficersForACompanyTripAndNotTheCohort() throws Exception {
		long officer = this.company.person("Oki Officer", this.acct, 1995);
		long executive = this.company.person("Eri Executive", this.dev, 1990);
		long cohort = this.company.person("Sae Sales", this.acct, 2019);
		this.jdbc.sql("UPDATE employees SET rank = 'OFFICER' WHERE id = ?").param(officer).update();
		this.jdbc.sql("UPDATE employees SET rank = 'EXECUTIVE' WHERE id = ?").param(executive).update();
		long plan = upcoming("社員旅行", "COMPANY_TRIP");

		Document ja = fragment("/plans/" + plan + "/suggestions/invitees", "ja");

		assertThat(reasons(ja, executive)).containsExactly("企画・開発部 — あなたがまだつながっていない部署", "経営者 — 社員旅行にふさわしい");
		assertThat(reasons(ja, officer)).containsExactly("経理部 — あなたがまだつながっていない部署", "役員 — 社員旅行にふさわしい");
		assertThat(ja.select("[data-employee-id=" + cohort + "]")).isEmpty();
	}

	@Test
	void suggestsHelpersFromDepartmentsTheTeamDoesNotReachFirst() throws Exception {
		long devHelper = this.company.person("Hana Dev", this.dev, 2010);
		long salesHelper = this.company.person("Sho Sales", this.sales, 2012);
		long busyHelper = this.company.person("Bu Busy", this.sales, 2014);
		long acctHelper = this.company.person("Ai Acct", this.acct, 2016);
		long guest = this.company.person("Gu Guest", this.acct, 2018);
		long hidden = this.company.person("Hi Hidden", this.acct, 2011);
		long other = this.company.person("Ot Other", this.dev, 2000);
		this.company.held("春の同期会", "COHORT_MEETUP", SPRING, List.of(this.me, devHelper, salesHelper),
				List.of(this.me, guest));
		this.company.held("夏の交流会", "CROSS_DEPARTMENT_MIXER", SPRING.plusMonths(2), List.of(other, busyHelper, acctHelper, hidden),
				List.of(other));
		this.company.held("秋の交流会", "CROSS_DEPARTMENT_MIXER", SPRING.plusMonths(4), List.of(other, busyHelper),
				List.of(other));
		hide(hidden);
		long plan = draft("冬の交流会");
		// The team already reaches Development through the one who is on it.
		this.jdbc.sql("INSERT INTO plan_co_organisers (plan_id, employee_id) VALUES (?, ?)").params(plan, other).update();

		List<Suggestion> found = this.suggestions.helpers(plan, this.me, Locale.JAPANESE);

		// 46: Accounting is new to the team, prepared once; 16 each: prepared once, with me (the one made first
		// first); 12: prepared twice, from a department the team reaches.
		assertThat(found).extracting(Suggestion::employeeId).containsExactly(acctHelper, devHelper, salesHelper, busyHelper);
		Document ja = fragment("/plans/" + plan + "/suggestions/helpers", "ja");
		assertThat(reasons(ja, acctHelper)).containsExactly("経理部 — チームにまだいない部署", "準備を手伝ったことがある（1回）");
		assertThat(reasons(ja, salesHelper)).containsExactly("準備を手伝ったことがある（1回）", "あなたと一緒に準備したことがある");
		assertThat(ja.select("[data-employee-id=" + hidden + "], [data-employee-id=" + guest + "]")).isEmpty();
	}

	@Test
	void aPlanThatIsNotYoursAnswersAsIfItDidNotExist() throws Exception {
		long stranger = this.company.person("Su Stranger", this.dev, 2019);
		long plan = upcoming("冬の同期会", "COHORT_MEETUP");
		UserDetails someoneElse = login(stranger);

		for (String path : List.of("/plans/" + plan + "/suggestions/invitees", "/plans/" + plan + "/suggestions/helpers",
				"/plans/999999999/suggestions/invitees")) {
			this.mvc.perform(get(path).with(user(someoneElse))).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/plans/" + plan + "/suggestions/invitees").param("employeeId", String.valueOf(stranger))
			.with(user(someoneElse))
			.with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(post("/plans/" + plan + "/suggestions/helpers").param("employeeId", String.valueOf(stranger))
			.with(user(someoneElse))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(invitationsOf(plan)).isZero();
	}

	@Test
	void oneClickPutsThemOnTheListAndASecondClickIsToldTheyAreOnIt() throws Exception {
		long person = this.company.person("Aki Accounting", this.acct, 2019);
		long plan = upcoming("冬の同期会", "COHORT_MEETUP");
		UserDetails organiser = login(this.me);

		this.mvc.perform(post("/plans/" + plan + "/suggestions/invitees").param("employeeId", String.valueOf(person))
			.param("lang", "ja")
			.with(user(organiser))
			.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + plan + "/invitations"))
			.andExpect(flash().attribute("flash", "network.suggest.invited"));
		assertThat(invitationsOf(plan)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'invitation.add' AND subject = ?")
			.param("plan " + plan)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.mvc.perform(post("/plans/" + plan + "/suggestions/invitees").param("employeeId", String.valueOf(person))
			.with(user(organiser))
			.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + plan + "/invitations"))
			.andExpect(flash().attribute("flash", "invitations.refused.already"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		assertThat(invitationsOf(plan)).isEqualTo(1);
		assertThat(this.suggestions.invitees(plan, this.me, Locale.JAPANESE)).extracting(Suggestion::employeeId)
			.doesNotContain(person);
	}

	@Test
	void aHiddenOrUnknownPersonOrAnOrganiserIsRefusedWithAMessageAndNothingChanges() throws Exception {
		long hidden = this.company.person("Hiro Hidden", this.acct, 2019);
		hide(hidden);
		long plan = upcoming("冬の同期会", "COHORT_MEETUP");
		UserDetails organiser = login(this.me);

		for (Object[] asked : List.of(new Object[] { hidden, "network.suggest.refused.hidden" },
				new Object[] { 999999999L, "network.suggest.refused.unknown" },
				new Object[] { this.me, "invitations.mustInvite.organiser" })) {
			this.mvc.perform(post("/plans/" + plan + "/suggestions/invitees").param("employeeId", String.valueOf(asked[0]))
				.with(user(organiser))
				.with(csrf())).andExpect(flash().attribute("flash", asked[1])).andExpect(flash().attribute("flashLevel", "warning"));
		}
		assertThat(invitationsOf(plan)).isZero();
	}

	@Test
	void oneClickAsksAHelperToJoinTheTeamAndASecondClickIsToldTheyWereAsked() throws Exception {
		long helper = this.company.person("Ai Acct", this.acct, 2016);
		long plan = draft("冬の交流会");
		UserDetails organiser = login(this.me);

		this.mvc.perform(post("/plans/" + plan + "/suggestions/helpers").param("employeeId", String.valueOf(helper))
			.with(user(organiser))
			.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + plan))
			.andExpect(flash().attribute("flash", "plan.team.proposed"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM plan_co_organiser_proposals WHERE plan_id = ? AND employee_id = ?")
			.params(plan, helper)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.mvc.perform(post("/plans/" + plan + "/suggestions/helpers").param("employeeId", String.valueOf(helper))
			.with(user(organiser))
			.with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.refused.proposed"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM plan_co_organiser_proposals WHERE plan_id = ?")
			.param(plan)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Document fragment(String path, String lang) throws Exception {
		String html = this.mvc.perform(get(path).param("lang", lang).with(user(login(this.me))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private static List<String> reasons(Document fragment, long employeeId) {
		return fragment.select("[data-employee-id=" + employeeId + "] .reason").eachText();
	}

	/** An event of mine weeks ahead whose invitations are open, with nobody on its list. */
	private long upcoming(String title, String kind) {
		return this.company.planned(title, kind, LocalDate.now(SmallCompany.TOKYO).plusDays(40), List.of(this.me), List.of());
	}

	/** A draft of mine, whose team can still change. */
	private long draft(String title) {
		long plan = upcoming(title, "CROSS_DEPARTMENT_MIXER");
		this.jdbc.sql("UPDATE event_plans SET status = 'DRAFT' WHERE id = ?").param(plan).update();
		return plan;
	}

	/** Someone invited by me to an event in a personal wave sent on the day. */
	private void invite(long planId, long employeeId, LocalDate sentOn) {
		Timestamp sent = Timestamp.from(sentOn.atStartOfDay(SmallCompany.TOKYO).toInstant());
		long wave = this.jdbc.sql("""
				INSERT INTO invitation_waves (plan_id, kind, status, created_by, created_at, sent_at)
				VALUES (?, 'PERSONAL', 'SENT', ?, ?, ?) RETURNING id""")
			.params(planId, this.me, sent, sent)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO invitations (wave_id, plan_id, employee_id, message, answer, added_at, sent_at, answered_at)
				VALUES (?, ?, ?, 'またお会いしましょう', 'ATTENDING', ?, ?, ?)""")
			.params(wave, planId, employeeId, sent, sent, sent)
			.update();
	}

	private void hide(long employeeId) {
		this.jdbc.sql("""
				INSERT INTO network_settings (employee_id, hidden_from_suggestions, updated_at) VALUES (?, TRUE, ?)""")
			.params(employeeId, Timestamp.from(Instant.now()))
			.update();
	}

	private long invitationsOf(long planId) {
		return this.jdbc.sql("SELECT count(*) FROM invitations WHERE plan_id = ?").param(planId).query(Long.class).single();
	}

	private UserDetails login(long employeeId) {
		String email = this.jdbc.sql("SELECT email FROM employees WHERE id = ?").param(employeeId).query(String.class).single();
		this.jdbc.sql("""
				INSERT INTO accounts (email, password_hash) SELECT ?, '{noop}x'
				WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(?))""")
			.params(email, email)
			.update();
		return this.users.loadUserByUsername(email);
	}

}
