package io.tsunagu.planning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;
import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.DecisionKind;
import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.mail.EventDates;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval chain's mail, delivered over SMTP to GreenMail: each step's request, the final
 * approval with the direction, the helper's task, and the daily reminder.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.base-url=https://tsunagu.corp.example",
		"tsunagu.approval.reminder-check-delay=PT10H" })
@IsolatedDatabase("approvalmail")
class ApprovalMailTests {

	static final int PORT = TestSmtp.freePort();

	static final GreenMail greenMail = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	EventDates dates;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	org.springframework.context.ApplicationContext context;

	io.tsunagu.mail.MailDispatcherAccess dispatcher;

	@Autowired
	JdbcClient jdbc;

	io.tsunagu.approval.ApprovalRemindersAccess reminders;

	PlanFixtures fixtures;

	@BeforeEach
	void clean() throws Exception {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
		this.dispatcher = new io.tsunagu.mail.MailDispatcherAccess(this.context);
		this.reminders = new io.tsunagu.approval.ApprovalRemindersAccess(this.context);
		this.dispatcher.dispatchDue();
		greenMail.purgeEmailFromAllMailboxes();
	}

	@AfterAll
	static void stop() {
		greenMail.stop();
	}

	@Test
	void asksEachApproverInTurnAndTellsTheOrganisersOfTheApprovalWithTheDirection() throws Exception {
		Approvers chain = this.fixtures.planDepartment();
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "全社BBQ");
		this.dispatcher.dispatchDue();
		MimeMessage request = only(chain.executive());
		assertThat(request.getSubject()).isEqualTo("ご判断のお願い：全社BBQ");
		long step = stepOf(chain.executive(), plan);
		assertThat(TestSmtp.text(request, "text/plain")).contains("https://tsunagu.corp.example/approvals/steps/" + step);
		assertThat(TestSmtp.text(request, "text/html")).contains("href=\"https://tsunagu.corp.example/approvals/steps/" + step + "\"");

		decide(chain.executive(), DecisionKind.APPROVE, "家族も呼べる会に");
		assertThat(only(chain.officer()).getSubject()).isEqualTo("ご判断のお願い：全社BBQ");
		decide(chain.officer(), DecisionKind.APPROVE, null);
		assertThat(only(chain.manager()).getSubject()).isEqualTo("ご判断のお願い：全社BBQ");
		decide(chain.manager(), DecisionKind.APPROVE, null);

		MimeMessage approved = only(this.fixtures.person(ORGANISER));
		assertThat(approved.getSubject()).isEqualTo("承認されました：全社BBQ");
		assertThat(TestSmtp.text(approved, "text/plain")).contains("家族も呼べる会に");
	}

	@Test
	void theRequestAndTheReminderCarryThePlansSummaryToReadOnAPhone() throws Exception {
		Approvers chain = this.fixtures.planDepartment();
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "夏の交流会");
		this.fixtures.joinTeam(plan, ORGANISER, "emily.clark@tsunagu.example");
		this.plans.submit(plan.getId(), this.fixtures.person(ORGANISER).id(), ORGANISER);
		this.dispatcher.dispatchDue();
		String when = this.dates.in(Locale.JAPANESE).range(plan.getStartsAt(), plan.getEndsAt());
		MimeMessage request = only(chain.executive());
		for (String part : List.of("text/plain", "text/html")) {
			assertThat(TestSmtp.text(request, part)).as(part)
				.contains(when, "本社 8F 大会議室", "60人", "120,000円", "部署を越えて顔見知りになる", "佐藤 美咲", this.fixtures.person("emily.clark@tsunagu.example").name());
		}

		this.jdbc.sql("""
				UPDATE approval_steps SET opened_at = now() - interval '3 days 1 hour'
				WHERE state = 'OPEN' AND round_id IN (SELECT id FROM approval_rounds WHERE plan_id = ?)""")
			.param(plan.getId())
			.update();
		greenMail.purgeEmailFromAllMailboxes();
		this.reminders.remindDue();
		this.dispatcher.dispatchDue();
		MimeMessage reminder = only(chain.executive());
		long step = stepOf(chain.executive(), plan);
		assertThat(TestSmtp.text(reminder, "text/plain")).contains(when, "60人", "120,000円", "部署を越えて顔見知りになる",
				"https://tsunagu.corp.example/approvals/steps/" + step);
		// Taken back, so that no step of it waits for the next test's approvers.
		this.plans.withdraw(plan.getId(), this.fixtures.person(ORGANISER).id(), ORGANISER);
	}

	@Test
	void tellsTheOrganisersWhatChangesAreAskedFor() throws Exception {
		Approvers chain = this.fixtures.planDepartment();
		this.fixtures.aSubmittedPlanBy(ORGANISER, "秋の勉強会");
		this.dispatcher.dispatchDue();
		greenMail.purgeEmailFromAllMailboxes();
		decide(chain.executive(), DecisionKind.REQUEST_CHANGES, "日程を再考してください");
		MimeMessage changes = only(this.fixtures.person(ORGANISER));
		assertThat(changes.getSubject()).isEqualTo("修正依頼：秋の勉強会");
		assertThat(TestSmtp.text(changes, "text/plain")).contains("日程を再考してください");
	}

	@Test
	void mailsTheHelperTheirTaskInTheirLanguage() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "物流センター見学会");
		EmployeeRef helper = this.fixtures.person("david.lee@tsunagu.example");
		this.plans.addTask(plan.getId(), this.fixtures.person(ORGANISER).id(), ORGANISER, "Book the bus", null,
				helper.email(), null);
		this.dispatcher.dispatchDue();
		MimeMessage task = only(helper);
		assertThat(task.getSubject()).isEqualTo("A task for you: Book the bus");
		assertThat(TestSmtp.text(task, "text/plain")).contains("https://tsunagu.corp.example/plans/" + plan.getId());
	}

	@Test
	void remindsAnApproverWhoseStepHasWaitedThreeDaysAtMostOnceADay() throws Exception {
		Approvers chain = this.fixtures.planDepartment();
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "待たされる会");
		this.dispatcher.dispatchDue();
		greenMail.purgeEmailFromAllMailboxes();
		assertThat(this.reminders.remindDue()).as("not waited long enough").isZero();

		this.jdbc.sql("""
				UPDATE approval_steps SET opened_at = now() - interval '3 days 1 hour'
				WHERE state = 'OPEN' AND round_id IN (SELECT id FROM approval_rounds WHERE plan_id = ?)""")
			.param(plan.getId())
			.update();
		assertThat(this.reminders.remindDue()).isEqualTo(1);
		assertThat(this.reminders.remindDue()).as("once a day").isZero();
		this.dispatcher.dispatchDue();
		MimeMessage reminder = only(chain.executive());
		assertThat(reminder.getSubject()).isEqualTo("リマインド：待たされる会 がご判断を待っています");
		assertThat(TestSmtp.text(reminder, "text/plain")).contains("3");
	}

	private void decide(EmployeeRef approver, DecisionKind kind, String comment) throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		InboxItem item = this.approvals.inbox(approver.id()).get(0);
		this.approvals.decide(item.stepId(), approver.id(), approver.email(), kind, comment, item.planRevision());
		this.dispatcher.dispatchDue();
	}

	private long stepOf(EmployeeRef approver, EventPlan plan) {
		return this.approvals.inbox(approver.id()).stream().filter(item -> item.planId() == plan.getId()).findFirst()
			.orElseThrow().stepId();
	}

	private static MimeMessage only(EmployeeRef recipient) throws Exception {
		List<MimeMessage> mine = Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
			try {
				return message.getAllRecipients()[0].toString().contains(recipient.email());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(mine).as("mail to " + recipient.email()).hasSize(1);
		return mine.get(0);
	}

}
