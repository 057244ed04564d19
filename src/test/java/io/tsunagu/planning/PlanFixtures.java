package io.tsunagu.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

/**
 * Small factories for the Spring tests of plans: the demo company's people and fresh plans.
 */
final class PlanFixtures {

	static final String ORGANISER = "organiser@tsunagu.example";

	static final String PRESIDENT = "president@tsunagu.example";

	static final String PLAN_OFFICER = "yoko.nakamura@tsunagu.example";

	static final String SALES_OFFICER = "officer@tsunagu.example";

	static final String STRANGER = "david.lee@tsunagu.example";

	private final Plans plans;

	private final Directory directory;

	private final OrgChart orgChart;

	PlanFixtures(Plans plans, Directory directory, OrgChart orgChart) {
		this.plans = plans;
		this.directory = directory;
		this.orgChart = orgChart;
	}

	EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	Approvers planDepartment() {
		return this.orgChart.approversFor("PLAN");
	}

	EventPlan aDraftBy(String email, String title) {
		return this.plans.create(person(email).id(), email, details(title));
	}

	EventPlan aSubmittedPlanBy(String email, String title) {
		EventPlan plan = aDraftBy(email, title);
		this.plans.submit(plan.getId(), person(email).id(), email);
		return plan;
	}

	/**
	 * Puts a colleague on the plan's team the way the app does: the lead asks, and the colleague accepts
	 * (here on their behalf).
	 */
	void joinTeam(EventPlan plan, String leadEmail, String email) {
		joinTeam(this.plans, plan.getId(), person(leadEmail).id(), leadEmail, person(email));
	}

	static void joinTeam(Plans plans, long planId, long leadId, String leadEmail, EmployeeRef person) {
		plans.proposeCoOrganiser(planId, leadId, leadEmail, person.email());
		plans.acceptCoOrganiser(planId, person.id(), person.email());
	}

	static PlanDetails details(String title) {
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return new PlanDetails(title, PlanKind.CROSS_DEPARTMENT_MIXER, "部署を越えて顔見知りになる", "全社員", start,
				start.plus(2, ChronoUnit.HOURS), ZoneId.of("Asia/Tokyo"), "本社 8F 大会議室", null, 60,
				start.minus(7, ChronoUnit.DAYS), 120_000L, false, "軽食のみ");
	}

}
