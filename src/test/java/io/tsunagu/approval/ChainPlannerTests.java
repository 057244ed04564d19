package io.tsunagu.approval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

import io.tsunagu.approval.ChainPlanner.PlannedStep;
import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.Rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChainPlannerTests {

	static final EmployeeRef PRESIDENT = person(1, "山本 健一", Rank.EXECUTIVE);

	static final EmployeeRef OFFICER = person(2, "中村 陽子", Rank.OFFICER);

	static final EmployeeRef MANAGER = person(3, "部長", Rank.MANAGER);

	static final EmployeeRef STAFF = person(4, "佐藤 美咲", Rank.STAFF);

	static final Approvers APPROVERS = new Approvers(PRESIDENT, OFFICER, MANAGER);

	static final Map<Long, EmployeeRef> BOSSES = Map.of(MANAGER.id(), OFFICER, OFFICER.id(), PRESIDENT, STAFF.id(), MANAGER);

	static final LongFunction<Optional<EmployeeRef>> REPORTS_TO = id -> Optional.ofNullable(BOSSES.get(id));

	@Test
	void asksExecutiveThenOfficerThenManager() {
		List<PlannedStep> steps = ChainPlanner.plan(APPROVERS, Set.of(STAFF.id()), REPORTS_TO);
		assertThat(steps).extracting(PlannedStep::role)
			.containsExactly(StepRole.EXECUTIVE, StepRole.OFFICER, StepRole.MANAGER);
		assertThat(steps).extracting(PlannedStep::approver).containsExactly(PRESIDENT, OFFICER, MANAGER);
		assertThat(steps).noneMatch(PlannedStep::skipped).allMatch(step -> step.insteadOf() == null);
	}

	@Test
	void sendsTheStepOfAnOrganiserToThePersonTheyReportTo() {
		List<PlannedStep> steps = ChainPlanner.plan(APPROVERS, Set.of(STAFF.id(), MANAGER.id()), REPORTS_TO);
		PlannedStep manager = steps.get(2);
		assertThat(manager.approver()).isEqualTo(OFFICER);
		assertThat(manager.insteadOf()).as("the chain says whose step it was").isEqualTo(MANAGER);
	}

	@Test
	void neverSkipsTheStepOfACoOrganisingManagerThoughTheirSuperiorSignsOffBefore() {
		// The manager organises, so the manager's step goes up to the officer, who signs off just before:
		// the officer decides both steps, one after the other.
		List<PlannedStep> steps = ChainPlanner.plan(APPROVERS, Set.of(STAFF.id(), MANAGER.id()), REPORTS_TO);
		assertThat(steps).extracting(PlannedStep::skipped).containsExactly(false, false, false);
		assertThat(steps).extracting(PlannedStep::approver).containsExactly(PRESIDENT, OFFICER, OFFICER);
	}

	@Test
	void skipsTheOfficerStepWhenTheExecutiveIsTheOfficerInCharge() {
		List<PlannedStep> steps = ChainPlanner.plan(new Approvers(PRESIDENT, PRESIDENT, MANAGER), Set.of(STAFF.id()),
				REPORTS_TO);
		assertThat(steps).extracting(PlannedStep::skipped).containsExactly(false, true, false);
		assertThat(steps.get(1).insteadOf()).isNull();
	}

	@Test
	void walksFurtherUpWhileThePersonAboveOrganisesToo() {
		List<PlannedStep> steps = ChainPlanner.plan(APPROVERS, Set.of(MANAGER.id(), OFFICER.id()), REPORTS_TO);
		assertThat(steps.get(1).approver()).isEqualTo(PRESIDENT);
		assertThat(steps.get(1).insteadOf()).isEqualTo(OFFICER);
		assertThat(steps.get(2).approver()).isEqualTo(PRESIDENT);
		assertThat(steps.get(2).insteadOf()).isEqualTo(MANAGER);
		assertThat(steps).as("no step is lost because its approver joined the team").extracting(PlannedStep::skipped)
			.containsExactly(false, false, false);
	}

	@Test
	void refusesWhenNobodyIsAboveAnOrganisingApprover() {
		assertThatExceptionOfType(SubmissionRefused.class)
			.isThrownBy(() -> ChainPlanner.plan(APPROVERS, Set.of(PRESIDENT.id()), REPORTS_TO))
			.satisfies(refused -> {
				assertThat(refused.messageKey()).isEqualTo("approval.gap.nobodyAbove");
				assertThat(refused.arguments()).containsExactly(PRESIDENT.name());
			});
	}

	@Test
	void neverGivesAStepToAnOrganiser() {
		Set<Long> organisers = Set.of(STAFF.id(), MANAGER.id(), OFFICER.id());
		assertThat(ChainPlanner.plan(APPROVERS, organisers, REPORTS_TO))
			.allSatisfy(step -> assertThat(organisers).doesNotContain(step.approver().id()));
	}

	static EmployeeRef person(long id, String name, Rank rank) {
		return new EmployeeRef(id, "E" + id, name, "p" + id + "@corp.example", 1, "PLAN", rank, 2010, Locale.JAPANESE, null);
	}

}
