package io.tsunagu.planning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.DecisionKind;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static io.tsunagu.planning.PlanFixtures.PRESIDENT;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The approvals badge is counted every few seconds at most, not on every page; still, a plan submitted
 * or decided shows on the approver's next page at once.
 */
@TsunaguTest
class NavigationBadgeTests {

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

	PlanFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
	}

	@Test
	void aSubmissionAndADecisionShowOnTheApproversNextPageAtOnce() throws Exception {
		long president = this.fixtures.person(PRESIDENT).id();
		badgeShows(this.approvals.inboxCount(president));

		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "数え直す会 " + System.nanoTime());
		badgeShows(this.approvals.inboxCount(president));

		InboxItem item = this.approvals.inbox(president).stream().filter(i -> i.planId() == plan.getId()).findFirst().orElseThrow();
		this.approvals.decide(item.stepId(), president, PRESIDENT, DecisionKind.APPROVE, null, item.planRevision());
		badgeShows(this.approvals.inboxCount(president));
	}

	private void badgeShows(long waiting) throws Exception {
		this.mvc.perform(get("/").with(user(this.users.loadUserByUsername(PRESIDENT))))
			.andExpect(content().string(containsString(waiting == 0 ? "id=\"nav-approvals\"" : "承認待ち " + waiting + " 件")));
	}

}
