package io.tsunagu.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.ApprovalViews.PlanApproval;
import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.DecisionKind;
import io.tsunagu.approval.DecisionRefused;
import io.tsunagu.approval.PlanApproved;
import io.tsunagu.approval.PlanChangesRequested;
import io.tsunagu.approval.RoundStatus;
import io.tsunagu.approval.StepRole;
import io.tsunagu.approval.StepState;
import io.tsunagu.approval.SubmissionRefused;
import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static io.tsunagu.planning.PlanFixtures.PLAN_OFFICER;
import static io.tsunagu.planning.PlanFixtures.PRESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole chain against the database: submission, decisions, the events planning listens to, and
 * the plan's state that follows.
 */
@TsunaguTest
@RecordApplicationEvents
class ApprovalJourneyTests {

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
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MessageSource messages;

	PlanFixtures fixtures;

	EmployeeRef organiser;

	EmployeeRef president;

	EmployeeRef officer;

	EmployeeRef manager;

	@BeforeEach
	void people() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
		this.organiser = this.fixtures.person(ORGANISER);
		Approvers approvers = this.fixtures.planDepartment();
		this.president = approvers.executive();
		this.officer = approvers.officer();
		this.manager = approvers.manager();
		assertThat(this.president.email()).isEqualTo(PRESIDENT);
		assertThat(this.officer.email()).isEqualTo(PLAN_OFFICER);
	}

	@Test
	void approvingTheLastStepPublishesPlanApprovedAndApprovesThePlan() {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "全社交流会 " + System.nanoTime());
		assertThat(status(plan)).isEqualTo(PlanStatus.SUBMITTED);

		decide(plan, this.president, DecisionKind.APPROVE, "家族も楽しめる会にしてください");
		assertThat(this.events.stream(PlanApproved.class)).isEmpty();
		decide(plan, this.officer, DecisionKind.APPROVE, null);
		decide(plan, this.manager, DecisionKind.APPROVE, null);

		assertThat(this.events.stream(PlanApproved.class).filter(e -> e.planId() == plan.getId()))
			.singleElement()
			.satisfies(approved -> assertThat(approved.revision()).isEqualTo(1));
		assertThat(status(plan)).isEqualTo(PlanStatus.APPROVED);
		PlanApproval approval = this.approvals.viewFor(plan.getId(), this.organiser.id());
		assertThat(approval.rounds()).singleElement().satisfies(round -> {
			assertThat(round.status()).isEqualTo(RoundStatus.APPROVED);
			assertThat(round.steps()).extracting(s -> s.state())
				.containsExactly(StepState.APPROVED, StepState.APPROVED, StepState.APPROVED);
			assertThat(round.steps()).allSatisfy(step -> {
				assertThat(step.decidedAt()).isNotNull();
				assertThat(step.decisionRevision()).isEqualTo(1);
			});
		});
		assertThat(approval.executiveDirection().comment()).isEqualTo("家族も楽しめる会にしてください");
		assertThat(approval.executiveDirection().approverName()).isEqualTo(this.president.name());
	}

	@Test
	void changesRequestedSendThePlanBackAndResubmittingStartsANewRoundAtTheExecutive() {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "同期会 " + System.nanoTime());
		decide(plan, this.president, DecisionKind.APPROVE, null);
		decide(plan, this.officer, DecisionKind.REQUEST_CHANGES, "予算の内訳を書いてください");

		assertThat(this.events.stream(PlanChangesRequested.class).filter(e -> e.planId() == plan.getId())).hasSize(1);
		assertThat(status(plan)).isEqualTo(PlanStatus.CHANGES_REQUESTED);
		assertThat(inboxOf(this.manager, plan)).as("the manager is never asked in that round").isEmpty();

		this.plans.revise(plan.getId(), this.organiser.id(), ORGANISER, PlanFixtures.details(plan.getTitle() + "（改）"));
		this.plans.submit(plan.getId(), this.organiser.id(), ORGANISER);

		PlanApproval approval = this.approvals.viewFor(plan.getId(), this.organiser.id());
		assertThat(approval.rounds()).hasSize(2);
		assertThat(approval.rounds().get(0).number()).isEqualTo(2);
		assertThat(approval.rounds().get(0).planRevision()).isEqualTo(2);
		assertThat(approval.rounds().get(0).steps()).extracting(s -> s.state())
			.containsExactly(StepState.OPEN, StepState.WAITING, StepState.WAITING);
		assertThat(approval.rounds().get(1).status()).isEqualTo(RoundStatus.CHANGES_REQUESTED);
		assertThat(approval.rounds().get(1).steps().get(1).comment()).isEqualTo("予算の内訳を書いてください");
		assertThat(inboxOf(this.president, plan)).singleElement()
			.satisfies(item -> assertThat(item.planRevision()).isEqualTo(2));
	}

	@Test
	void refusesADecisionOnTheRevisionBeforeTheEdit() {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "勉強会 " + System.nanoTime());
		long step = inboxOf(this.president, plan).get(0).stepId();
		assertThatExceptionOfType(DecisionRefused.class)
			.isThrownBy(() -> this.approvals.decide(step, this.president.id(), PRESIDENT, DecisionKind.APPROVE, null, 0))
			.extracting(DecisionRefused::messageKey)
			.isEqualTo("approval.refused.outdated");
	}

	@Test
	void aRejectedPlanIsFinalAndCanBeCopiedIntoANewDraft() {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "却下される会 " + System.nanoTime());
		decide(plan, this.president, DecisionKind.REJECT, "今期は見送ります");
		assertThat(status(plan)).isEqualTo(PlanStatus.REJECTED);
		assertThatExceptionOfType(IllegalPlanChange.class)
			.isThrownBy(() -> this.plans.submit(plan.getId(), this.organiser.id(), ORGANISER));

		EventPlan copy = this.plans.copy(plan.getId(), this.organiser.id(), ORGANISER);
		assertThat(copy.getStatus()).isEqualTo(PlanStatus.DRAFT);
		assertThat(copy.getCopiedFromId()).isEqualTo(plan.getId());
		assertThat(this.approvals.viewFor(copy.getId(), this.organiser.id()).rounds()).isEmpty();
	}

	@Test
	void withdrawingTakesThePlanBackToDraftAndOutOfTheApproversInbox() {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "取り下げる会 " + System.nanoTime());
		long step = inboxOf(this.president, plan).get(0).stepId();
		this.plans.withdraw(plan.getId(), this.organiser.id(), ORGANISER);

		assertThat(status(plan)).isEqualTo(PlanStatus.DRAFT);
		assertThat(inboxOf(this.president, plan)).isEmpty();
		assertThatExceptionOfType(DecisionRefused.class)
			.isThrownBy(() -> this.approvals.decide(step, this.president.id(), PRESIDENT, DecisionKind.APPROVE, null, 1))
			.extracting(DecisionRefused::messageKey)
			.isEqualTo("approval.refused.closed");
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE subject = ? ORDER BY id")
			.param("plan " + plan.getId())
			.query(String.class)
			.list()).containsExactly("plan.create", "plan.submit", "plan.withdraw");
	}

	@Test
	void aCoOrganisingManagersStepGoesUpToTheOfficerAndIsNeverSkipped() {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "部長も幹事の会 " + System.nanoTime());
		this.fixtures.joinTeam(plan, ORGANISER, this.manager.email());
		this.plans.submit(plan.getId(), this.organiser.id(), ORGANISER);

		PlanApproval approval = this.approvals.viewFor(plan.getId(), this.organiser.id());
		var steps = approval.rounds().get(0).steps();
		assertThat(steps.get(2).role()).isEqualTo(StepRole.MANAGER);
		assertThat(steps.get(2).approverName()).isEqualTo(this.officer.name());
		assertThat(steps.get(2).insteadOfName()).isEqualTo(this.manager.name());
		assertThat(steps).extracting(step -> step.state()).doesNotContain(StepState.SKIPPED);

		decide(plan, this.president, DecisionKind.APPROVE, null);
		decide(plan, this.officer, DecisionKind.APPROVE, null);
		assertThat(status(plan)).as("the manager's step still waits for the officer").isEqualTo(PlanStatus.SUBMITTED);
		assertThat(inboxOf(this.officer, plan)).singleElement()
			.satisfies(item -> assertThat(item.role()).isEqualTo(StepRole.MANAGER));
		decide(plan, this.officer, DecisionKind.APPROVE, null);
		assertThat(status(plan)).isEqualTo(PlanStatus.APPROVED);
		assertThat(inboxOf(this.manager, plan)).isEmpty();
		assertThat(this.approvals.viewFor(plan.getId(), this.organiser.id()).rounds().get(0).steps())
			.extracting(step -> step.state())
			.containsExactly(StepState.APPROVED, StepState.APPROVED, StepState.APPROVED);
	}

	@Test
	void withTheManagerAndTheOfficerOnTheTeamTheirStepsGoToTheirSuperiorAndNoneIsSkipped() {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "部長も役員も幹事の会 " + System.nanoTime());
		this.fixtures.joinTeam(plan, ORGANISER, this.manager.email());
		this.fixtures.joinTeam(plan, ORGANISER, this.officer.email());
		this.plans.submit(plan.getId(), this.organiser.id(), ORGANISER);

		var steps = this.approvals.viewFor(plan.getId(), this.organiser.id()).rounds().get(0).steps();
		assertThat(steps).extracting(step -> step.approverName())
			.containsExactly(this.president.name(), this.president.name(), this.president.name());
		assertThat(steps).extracting(step -> step.insteadOfName())
			.containsExactly(null, this.officer.name(), this.manager.name());
		assertThat(steps).extracting(step -> step.state())
			.containsExactly(StepState.OPEN, StepState.WAITING, StepState.WAITING);

		for (int i = 0; i < 3; i++) {
			assertThat(status(plan)).isEqualTo(PlanStatus.SUBMITTED);
			decide(plan, this.president, DecisionKind.APPROVE, null);
		}
		assertThat(status(plan)).isEqualTo(PlanStatus.APPROVED);
		assertThat(this.approvals.viewFor(plan.getId(), this.organiser.id()).rounds().get(0).steps())
			.extracting(step -> step.state())
			.containsOnly(StepState.APPROVED);
	}

	@Test
	void anOrgChartGapRefusesSubmissionNamingTheDepartmentAndTheMissingRole() {
		this.transactions.executeWithoutResult(tx -> {
			long department = this.jdbc.sql("INSERT INTO departments (code, name, name_en) VALUES ('GAPTEST', '新設準備室', 'New Venture Office') RETURNING id")
				.query(Long.class)
				.single();
			long employee = this.jdbc.sql("""
					INSERT INTO employees (code, name, email, department_id, rank, join_year)
					VALUES ('GAP00001', '新井 一郎', 'gap.test@tsunagu.example', ?, 'STAFF', 2020) RETURNING id""")
				.param(department)
				.query(Long.class)
				.single();
			EventPlan plan = this.plans.create(employee, "gap.test@tsunagu.example", PlanFixtures.details("新設準備室の会"));
			assertThatExceptionOfType(SubmissionRefused.class)
				.isThrownBy(() -> this.plans.submit(plan.getId(), employee, "gap.test@tsunagu.example"))
				.satisfies(refused -> {
					assertThat(refused.messageKey()).isEqualTo("orgchart.gap.manager");
					assertThat(this.messages.getMessage(refused.messageKey(), refused.arguments(), Locale.JAPANESE))
						.contains("新設準備室")
						.contains("GAPTEST");
					assertThat(this.messages.getMessage(refused.messageKey(), refused.arguments(), Locale.ENGLISH))
						.contains("has no manager");
				});
			tx.setRollbackOnly();
		});
	}

	@Test
	void ofTwoConcurrentDecisionsOnOneStepExactlyOneIsRecorded() throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "同時判断 " + System.nanoTime());
			long step = inboxOf(this.president, plan).get(0).stepId();
			CyclicBarrier start = new CyclicBarrier(2);
			List<Callable<String>> decisions = new ArrayList<>();
			for (DecisionKind kind : List.of(DecisionKind.APPROVE, DecisionKind.REJECT)) {
				decisions.add(() -> {
					start.await();
					try {
						this.approvals.decide(step, this.president.id(), PRESIDENT, kind, "理由 " + kind, 1);
						return "recorded";
					}
					catch (DecisionRefused refused) {
						return refused.messageKey();
					}
				});
			}
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<String> outcomes = new ArrayList<>();
			try {
				for (Future<String> outcome : pool.invokeAll(decisions)) {
					outcomes.add(outcome.get());
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(outcomes).containsOnlyOnce("recorded");
			assertThat(outcomes).anySatisfy(outcome -> assertThat(outcome)
				.isIn("approval.refused.concurrent", "approval.refused.alreadyDecided"));
			assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ? AND action LIKE 'approval.%'")
				.param("plan " + plan.getId())
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(this.jdbc.sql("SELECT count(*) FROM approval_steps WHERE id = ? AND decided_at IS NOT NULL")
				.param(step)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private void decide(EventPlan plan, EmployeeRef approver, DecisionKind kind, String comment) {
		InboxItem item = inboxOf(approver, plan).get(0);
		this.approvals.decide(item.stepId(), approver.id(), approver.email(), kind, comment, item.planRevision());
	}

	private List<InboxItem> inboxOf(EmployeeRef approver, EventPlan plan) {
		return this.approvals.inbox(approver.id()).stream().filter(item -> item.planId() == plan.getId()).toList();
	}

	private PlanStatus status(EventPlan plan) {
		return this.eventPlans.findById(plan.getId()).orElseThrow().getStatus();
	}

}
