package io.tsunagu.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What waits for me, from the approval mail's button to the home page's cards: the decision page with the
 * plan above the decision (after a login that keeps where the button pointed), and the cards of approvals,
 * my plans, invitations to answer and events I attend, each bounded with a link to the rest.
 */
@TsunaguTest
class WaitingForMeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ApprovedEvents events;

	@BeforeEach
	void events() {
		this.events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
	}

	@Test
	void theDecisionPageShowsTheWholePlanAboveTheDecision() throws Exception {
		String title = "判断する前に読む会 " + System.nanoTime();
		long plan = aDraft(title);
		this.events.approveUpTo(plan, 1);
		EmployeeRef officer = this.orgChart.approversFor(this.events.organiser().departmentCode()).officer();
		long step = stepOf(officer, plan);

		Document page = page(get("/approvals/steps/" + step), officer.email());
		assertThat(page.select("#plan-summary").text()).contains("部署を越えて顔見知りになる", "全社員", "本社 8F 大会議室",
				"60人", "120,000円", this.events.organiser().name(), "幹事長");
		assertThat(page.select("#summary-when").text()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日\\(.\\) \\d{2}:\\d{2}〜\\d{2}:\\d{2}.*");
		assertThat(page.html().indexOf("id=\"plan-summary\"")).as("the plan comes before the decision")
			.isLessThan(page.html().indexOf("decision-form"));
		assertThat(page.select("#approval").text()).as("what the executive decided").contains("承認");

		Document english = page(get("/approvals/steps/" + step).param("lang", "en"), officer.email());
		assertThat(english.select("#plan-summary").text()).contains("60 people", "Budget");
	}

	@Test
	void theDecisionPageKeepsThePlanFromAnApproverWhoseTurnHasNotCome() throws Exception {
		long plan = aDraft("まだ順番でない会 " + System.nanoTime());
		this.events.approveUpTo(plan, 0);
		EmployeeRef manager = this.orgChart.approversFor(this.events.organiser().departmentCode()).manager();
		long step = this.jdbc.sql("""
				SELECT s.id FROM approval_steps s JOIN approval_rounds r ON r.id = s.round_id
				WHERE r.plan_id = ? AND s.approver_id = ?""").params(plan, manager.id()).query(Long.class).single();
		Document page = page(get("/approvals/steps/" + step), manager.email());
		assertThat(page.select("#not-your-turn")).isNotEmpty();
		assertThat(page.select("#plan-summary")).isEmpty();
	}

	@Test
	void theMailsButtonLeadsToTheDecisionPageThroughTheLogin() throws Exception {
		long plan = aDraft("ログインを挟む会 " + System.nanoTime());
		this.events.approveUpTo(plan, 0);
		EmployeeRef president = this.orgChart.approversFor(this.events.organiser().departmentCode()).executive();
		long step = stepOf(president, plan);
		// Sessions live in the database (Spring Session): the login carries the cookie the first request got.
		MvcResult asked = this.mvc.perform(get("/approvals/steps/" + step).accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"))
			.andReturn();
		MvcResult login = this.mvc.perform(post("/login").cookie(asked.getResponse().getCookies())
				.param("email", president.email())
				.param("password", "tsunagu-demo")
				.with(csrf())).andExpect(status().isFound()).andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).contains("/approvals/steps/" + step);
	}

	@Test
	void homeShowsApprovalsWaitingForMeWithTheDecisionButton() throws Exception {
		String title = "ホームで判断する会 " + System.nanoTime();
		long plan = aDraft(title);
		this.events.approveUpTo(plan, 0);
		EmployeeRef president = this.orgChart.approversFor(this.events.organiser().departmentCode()).executive();
		// Oldest first: waiting longer than the steps other tests left open, it comes first.
		this.jdbc.sql("UPDATE approval_steps SET opened_at = now() - interval '30 days' WHERE id = ?")
			.param(stepOf(president, plan)).update();
		Document home = page(get("/"), president.email());
		assertThat(home.select("#home-approvals").text()).contains(title);
		assertThat(home.select("#home-approvals a[href=/approvals/steps/" + stepOf(president, plan) + "]")).hasSize(1);
		assertThat(home.select("#home-approvals li").size()).isLessThanOrEqualTo(HomeController.CARD_SIZE);
		assertThat(home.select("#home-approvals li").first().text()).contains(title);
	}

	@Test
	void homeShowsMyPlansWithTheirStateAtMostFiveAndALinkToTheRest() throws Exception {
		String title = "状態を見る会 " + System.nanoTime();
		// The soonest of the organiser's plans, so the first of the card.
		Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
		long submitted = this.events.aDraft(title, 60, start, start.minus(12, ChronoUnit.HOURS));
		this.events.approveUpTo(submitted, 0);
		for (int i = 0; i < HomeController.CARD_SIZE; i++) {
			aDraft("もっと先の会 " + i);
		}
		Document home = page(get("/"), ApprovedEvents.ORGANISER);
		assertThat(home.select("#home-plans li")).hasSize(HomeController.CARD_SIZE);
		assertThat(home.select("#home-plans a[href=/plans]").text()).isEqualTo("すべて見る");
		assertThat(home.select("#home-plans li:contains(" + title + ") .plan-status").text()).isEqualTo("承認待ち");
	}

	@Test
	void homeOffersMyUnansweredInvitationAndAnswersItThroughALinkOfMyOwn() throws Exception {
		String title = "ホームから答える会 " + System.nanoTime();
		long plan = this.events.anApprovedEvent(title, 60);
		EmployeeRef invitee = this.directory.findByEmail("emily.clark@tsunagu.example").orElseThrow();
		InvitationTestSupport.from(this.context, this.events).invite(plan, List.of(invitee));
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, invitee.id()).query(Long.class).single();

		Document home = page(get("/"), invitee.email());
		assertThat(home.select("#home-invitations").text()).contains(title);
		assertThat(home.select("#home-attending").text()).doesNotContain(title);

		this.mvc.perform(post("/invitations/" + invitation + "/answer").with(as("david.lee@tsunagu.example")).with(csrf()))
			.andExpect(status().isNotFound());
		int links = this.jdbc.sql("SELECT count(*) FROM invitation_links WHERE invitation_id = ?").param(invitation)
			.query(Integer.class).single();
		String answerPage = this.mvc.perform(post("/invitations/" + invitation + "/answer").with(as(invitee.email())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(answerPage).matches("/rsvp/[A-Za-z0-9_-]{43}\\?lang=(en|ja)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitation_links WHERE invitation_id = ?").param(invitation)
			.query(Integer.class).single()).as("a new link, stored as its hash").isEqualTo(links + 1);

		String token = answerPage.substring("/rsvp/".length(), answerPage.indexOf('?'));
		this.mvc.perform(post("/rsvp/" + token).param("answer", "ATTENDING").with(csrf()))
			.andExpect(status().is3xxRedirection());
		home = page(get("/"), invitee.email());
		assertThat(home.select("#home-invitations").text()).doesNotContain(title);
		assertThat(home.select("#home-attending").text()).contains(title);
	}

	private long aDraft(String title) {
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return this.events.aDraft(title, 60, start, start.minus(7, ChronoUnit.DAYS));
	}

	private long stepOf(EmployeeRef approver, long plan) {
		return this.approvals.inbox(approver.id()).stream().filter(item -> item.planId() == plan).findFirst()
			.orElseThrow().stepId();
	}

	private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String email) throws Exception {
		String html = this.mvc.perform(request.with(as(email)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
