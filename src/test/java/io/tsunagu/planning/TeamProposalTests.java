package io.tsunagu.planning;

import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static io.tsunagu.planning.PlanFixtures.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Becoming a co-organiser is a proposal the person accepts: the organisers ask, the colleague is told by
 * mail and on their pages, and only a yes puts them on the team.
 */
@TsunaguTest
class TeamProposalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Plans plans;

	@Autowired
	EventPlans eventPlans;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	PlanFixtures fixtures;

	EmployeeRef colleague;

	@BeforeEach
	void fixtures() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
		this.colleague = this.fixtures.person(STRANGER);
	}

	@Test
	void aColleagueAskedToCoOrganiseIsToldAndJoinsOnlyByAccepting() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "一緒に作る会 " + System.nanoTime());
		String page = "/plans/" + plan.getId();
		this.mvc.perform(post(page + "/organisers").param("email", STRANGER).with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.proposed"));

		assertThat(organisers(plan)).as("asked, not on the team yet").doesNotContain(this.colleague.id());
		assertThat(this.jdbc.sql("SELECT subject FROM mail_outbox WHERE kind = 'team-proposal' AND recipient = ?")
			.param(STRANGER)
			.query(String.class)
			.list()).anySatisfy(subject -> assertThat(subject).contains(plan.getTitle()));
		this.mvc.perform(get("/").with(as(STRANGER)))
			.andExpect(content().string(containsString("id=\"team-proposals\"")))
			.andExpect(content().string(containsString(plan.getTitle())));
		this.mvc.perform(get(page).with(as(STRANGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accept-team\"")))
			.andExpect(content().string(not(containsString("id=\"submit-plan\""))));
		this.mvc.perform(post(page + "/submit").with(as(STRANGER)).with(csrf())).andExpect(status().isForbidden());

		this.mvc.perform(post(page + "/organisers/accept").with(as(STRANGER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.accepted"));
		assertThat(organisers(plan)).contains(this.colleague.id());
		// No longer asked: on the team, the plan is among the colleague's own plans instead.
		Document home = Jsoup.parse(this.mvc.perform(get("/").with(as(STRANGER))).andReturn().getResponse()
			.getContentAsString());
		assertThat(home.select("#team-proposals").text()).doesNotContain(plan.getTitle());
		assertThat(home.select("#home-plans").text()).contains(plan.getTitle());
		this.mvc.perform(get(page).with(as(STRANGER)))
			.andExpect(content().string(containsString("id=\"submit-plan\"")));
	}

	@Test
	void aColleagueWhoDeclinesStaysOffTheTeamAndNoLongerSeesThePlan() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "断られる会 " + System.nanoTime());
		this.plans.proposeCoOrganiser(plan.getId(), this.fixtures.person(ORGANISER).id(), ORGANISER, STRANGER);
		this.mvc.perform(post("/plans/" + plan.getId() + "/organisers/decline").with(as(STRANGER)).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flash", "plan.team.declined"));
		assertThat(organisers(plan)).doesNotContain(this.colleague.id());
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(STRANGER))).andExpect(status().isNotFound());
	}

	@Test
	void theTeamDoesNotChangeWhileThePlanIsUnderReview() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "審査中の会 " + System.nanoTime());
		long lead = this.fixtures.person(ORGANISER).id();
		this.plans.proposeCoOrganiser(plan.getId(), lead, ORGANISER, STRANGER);
		this.plans.submit(plan.getId(), lead, ORGANISER);

		this.mvc.perform(post("/plans/" + plan.getId() + "/organisers/accept").with(as(STRANGER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.refused.team"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		this.mvc.perform(post("/plans/" + plan.getId() + "/organisers").param("email", "emily.clark@tsunagu.example")
			.with(as(ORGANISER))
			.with(csrf())).andExpect(flash().attribute("flash", "plan.refused.team"));
		assertThat(organisers(plan)).containsExactly(lead);
	}

	@Test
	void refusesToAddTheLeadAndToRemoveSomeoneNotOnTheTeam() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "断る会 " + System.nanoTime());
		String page = "/plans/" + plan.getId();
		this.mvc.perform(post(page + "/organisers").param("email", ORGANISER).with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.refused.lead"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		this.mvc.perform(post(page + "/organisers/" + this.colleague.id() + "/remove").with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.refused.notMember"))
			.andExpect(flash().attribute("flashLevel", "warning"));

		assertThat(this.messages.getMessage("plan.team.refused.lead", new Object[] { ORGANISER }, Locale.JAPANESE))
			.isEqualTo(ORGANISER + " さんはこの企画の幹事長です。幹事として加える必要はありません。");
		assertThat(this.messages.getMessage("plan.team.refused.lead", new Object[] { ORGANISER }, Locale.ENGLISH))
			.isEqualTo(ORGANISER + " leads this plan and is on the team already.");
		assertThat(this.messages.getMessage("plan.team.refused.notMember", null, Locale.ENGLISH))
			.isEqualTo("That person is not on the organiser team.");
		assertThat(organisers(plan)).containsExactly(plan.getLeadId());
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ? AND action LIKE 'plan.team.%'")
			.param("plan " + plan.getId())
			.query(Long.class)
			.single()).as("nothing changed, nothing recorded").isZero();
	}

	private List<Long> organisers(EventPlan plan) {
		return this.plans.event(plan.getId()).orElseThrow().organiserIds();
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
