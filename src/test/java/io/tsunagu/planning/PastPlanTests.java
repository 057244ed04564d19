package io.tsunagu.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static io.tsunagu.planning.PlanFixtures.PLAN_OFFICER;
import static io.tsunagu.planning.PlanFixtures.PRESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan that has started, or whose RSVP deadline has passed, is neither sent for approval nor approved:
 * its invitations would carry dead links. The reason is shown in Japanese and English.
 */
@TsunaguTest
class PastPlanTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Plans plans;

	@Autowired
	EventPlans eventPlans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	PlanFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
	}

	@Test
	void refusesToSubmitAPlanThatHasStartedSayingWhy() throws Exception {
		Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
		EventPlan plan = aDraft("始まった会", start, start.minus(1, ChronoUnit.DAYS));
		refusesSubmission(plan, "plan.refused.submit.started", "開始日時を過ぎているため、承認に回せません",
				"This plan has already started, so it cannot be sent for approval.");
	}

	@Test
	void refusesToSubmitAPlanWhoseDeadlineHasPassedSayingWhy() throws Exception {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
		EventPlan plan = aDraft("締め切った会", start, Instant.now().minus(1, ChronoUnit.HOURS));
		refusesSubmission(plan, "plan.refused.submit.deadlinePassed", "回答期限を過ぎているため、承認に回せません",
				"The RSVP deadline of this plan has passed, so it cannot be sent for approval.");
	}

	@Test
	void refusesToApproveAtEachStepOnceTheDeadlineHasPassedOrThePlanHasStarted() throws Exception {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "時が過ぎる会 " + System.nanoTime());
		String[] approvers = { PRESIDENT, PLAN_OFFICER, this.fixtures.planDepartment().manager().email() };
		for (int i = 0; i < approvers.length; i++) {
			boolean last = i == approvers.length - 1;
			String approver = approvers[i];
			long step = openStepOf(approver, plan);
			if (last) {
				startedAnHourAgo(plan);
			}
			else {
				deadlinePassed(plan);
			}
			String key = last ? "approval.refused.started" : "approval.refused.deadlinePassed";
			String ja = last ? "開始日時を過ぎているため、承認できません" : "回答期限を過ぎているため、承認できません";
			String en = last ? "This plan has already started, so it cannot be approved."
					: "The RSVP deadline of this plan has passed, so it cannot be approved.";

			this.mvc.perform(get("/approvals/steps/" + step).with(as(approver)))
				.andExpect(content().string(containsString("id=\"approval-blocked\"")))
				.andExpect(content().string(containsString(ja)));
			this.mvc.perform(get("/approvals/steps/" + step).param("lang", "en").with(as(approver)))
				.andExpect(content().string(containsString(en)));
			this.mvc.perform(post("/approvals/steps/" + step).param("kind", "APPROVE")
				.param("revision", "1")
				.with(as(approver))
				.with(csrf())).andExpect(flash().attribute("flash", key));
			assertThat(status(plan)).as("step %d is not approved", i + 1).isEqualTo(PlanStatus.SUBMITTED);
			assertThat(openStepOf(approver, plan)).as("the step still waits").isEqualTo(step);

			backOnTime(plan);
			this.mvc.perform(get("/approvals/steps/" + step).with(as(approver)))
				.andExpect(content().string(not(containsString("id=\"approval-blocked\""))));
			this.mvc.perform(post("/approvals/steps/" + step).param("kind", "APPROVE")
				.param("revision", "1")
				.with(as(approver))
				.with(csrf())).andExpect(flash().attribute("flash", "decision.recorded.APPROVE"));
		}
		assertThat(status(plan)).isEqualTo(PlanStatus.APPROVED);
	}

	private void refusesSubmission(EventPlan plan, String key, String ja, String en) throws Exception {
		String page = "/plans/" + plan.getId();
		this.mvc.perform(post(page + "/submit").with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", key))
			.andExpect(flash().attribute("flashLevel", "warning"));
		// The page shows the flash key through the layout; the sessions live in the database, out of MockMvc's
		// reach for flash attributes, so the two texts are read from the bundles here.
		assertThat(this.messages.getMessage(key, null, Locale.JAPANESE)).contains(ja);
		assertThat(this.messages.getMessage(key, null, Locale.ENGLISH)).contains(en);
		assertThat(status(plan)).isEqualTo(PlanStatus.DRAFT);
		assertThat(this.approvals.viewFor(plan.getId(), plan.getLeadId()).isEmpty()).as("nobody was asked").isTrue();
	}

	private EventPlan aDraft(String title, Instant start, Instant deadline) {
		PlanDetails details = new PlanDetails(title + " " + System.nanoTime(), PlanKind.STUDY_SESSION, "学ぶ", null,
				start, start.plus(2, ChronoUnit.HOURS), ZoneId.of("Asia/Tokyo"), "本社 8F", null, 20, deadline, null, false,
				null);
		EmployeeRef lead = this.fixtures.person(ORGANISER);
		return this.plans.create(lead.id(), ORGANISER, details);
	}

	/** Time passes: the RSVP deadline is a minute ago, for the plan and the round reviewing it. */
	private void deadlinePassed(EventPlan plan) {
		moveDates(plan, "now() + interval '40 days'", "now() - interval '1 minute'");
	}

	/** Time passes: the event started an hour ago. */
	private void startedAnHourAgo(EventPlan plan) {
		moveDates(plan, "now() - interval '1 hour'", "now() - interval '1 day'");
	}

	private void backOnTime(EventPlan plan) {
		moveDates(plan, "now() + interval '40 days'", "now() + interval '33 days'");
	}

	private void moveDates(EventPlan plan, String start, String deadline) {
		this.jdbc.sql("UPDATE event_plans SET starts_at = " + start + ", ends_at = " + start + " + interval '2 hours', "
				+ "rsvp_deadline = " + deadline + " WHERE id = ?").param(plan.getId()).update();
		this.jdbc.sql("UPDATE approval_rounds SET plan_starts_at = " + start + ", plan_rsvp_deadline = " + deadline
				+ " WHERE plan_id = ?").param(plan.getId()).update();
	}

	private long openStepOf(String approver, EventPlan plan) {
		return this.approvals.inbox(this.fixtures.person(approver).id())
			.stream()
			.filter(item -> item.planId() == plan.getId())
			.findFirst()
			.orElseThrow()
			.stepId();
	}

	private PlanStatus status(EventPlan plan) {
		return this.eventPlans.findById(plan.getId()).orElseThrow().getStatus();
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
