package io.tsunagu.planning;

import java.time.LocalDate;
import java.util.List;
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
 * The organiser's plan page: tasks are changed, handed to someone else and deleted; a draft never sent
 * for approval is deleted for good; a colleague who joins the team is told, and so is the lead.
 */
@TsunaguTest
class TasksAndDraftsTests {

	static final String EMILY = "emily.clark@tsunagu.example";

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
	MessageSource messages;

	PlanFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
	}

	@Test
	void aTaskIsChangedAndHandedToSomeoneElseWhoIsToldByMail() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "タスクを直す会 " + System.nanoTime());
		long task = aTask(plan, "受付の準備", STRANGER);

		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task).param("title", "受付と名札の準備")
			.param("notes", "名札は60枚")
			.param("assignee", EMILY)
			.param("dueOn", "2030-01-10")
			.with(as(ORGANISER))
			.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + plan.getId() + "#tasks"))
			.andExpect(flash().attribute("flash", "task.saved"));

		assertThat(this.jdbc.sql("SELECT title || '|' || notes || '|' || due_on FROM preparation_tasks WHERE id = ?")
			.param(task).query(String.class).single()).isEqualTo("受付と名札の準備|名札は60枚|2030-01-10");
		assertThat(assigneeOf(task)).isEqualTo(this.fixtures.person(EMILY).id());
		assertThat(mailsAbout(EMILY, "受付と名札の準備")).as("the new helper is asked").isEqualTo(1);
		assertThat(audited(plan, "plan.task.edit")).isEqualTo(1);

		// Changing the due date alone asks nobody again.
		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task).param("title", "受付と名札の準備")
			.param("assignee", EMILY)
			.param("dueOn", "2030-01-11")
			.with(as(ORGANISER))
			.with(csrf())).andExpect(flash().attribute("flash", "task.saved"));
		assertThat(mailsAbout(EMILY, "受付と名札の準備")).isEqualTo(1);
	}

	@Test
	void aTaskIsDeletedByTheOrganisersOnly() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "タスクを消す会 " + System.nanoTime());
		long task = aTask(plan, "買い出し", STRANGER);

		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task + "/delete").with(as(STRANGER)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task + "/delete").with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", "task.deleted"))
			.andExpect(flash().attribute("flashArgs", new Object[] { "買い出し" }));
		assertThat(this.jdbc.sql("SELECT count(*) FROM preparation_tasks WHERE id = ?").param(task).query(Long.class).single())
			.isZero();
		assertThat(audited(plan, "plan.task.delete")).isEqualTo(1);
	}

	@Test
	void refusesToChangeOrDeleteTheTasksOfACancelledPlan() throws Exception {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "中止の会 " + System.nanoTime());
		long task = aTask(plan, "会場の下見", null);
		this.plans.cancel(plan.getId(), plan.getLeadId(), ORGANISER);

		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task).param("title", "別のこと")
			.with(as(ORGANISER))
			.with(csrf()))
			.andExpect(flash().attribute("flash", "plan.refused.tasks"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task + "/delete").with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.refused.tasks"));
		assertThat(this.jdbc.sql("SELECT title FROM preparation_tasks WHERE id = ?").param(task).query(String.class).single())
			.isEqualTo("会場の下見");
	}

	@Test
	void aDraftNeverSentIsDeletedWithItsTasksAndTeamRequests() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "やめておく会 " + System.nanoTime());
		aTask(plan, "店の候補", STRANGER);
		this.plans.proposeCoOrganiser(plan.getId(), plan.getLeadId(), ORGANISER, EMILY);
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(ORGANISER)))
			.andExpect(content().string(containsString("id=\"delete-plan\"")))
			.andExpect(content().string(not(containsString("id=\"cancel-plan\""))));

		this.mvc.perform(post("/plans/" + plan.getId() + "/delete").with(as(ORGANISER)).with(csrf()))
			.andExpect(redirectedUrl("/plans"))
			.andExpect(flash().attribute("flash", "plan.deleted"))
			.andExpect(flash().attribute("flashArgs", new Object[] { plan.getTitle() }));

		assertThat(this.plans.event(plan.getId())).isEmpty();
		assertThat(count("SELECT count(*) FROM preparation_tasks WHERE plan_id = ?", plan.getId())).isZero();
		assertThat(count("SELECT count(*) FROM plan_co_organiser_proposals WHERE plan_id = ?", plan.getId())).isZero();
		assertThat(audited(plan, "plan.delete")).isEqualTo(1);
		this.mvc.perform(get("/").with(as(EMILY))).andExpect(content().string(not(containsString(plan.getTitle()))));
	}

	@Test
	void aPlanOnceSentForApprovalIsNotDeletedButCanBeCancelled() throws Exception {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "一度出した会 " + System.nanoTime());
		this.plans.withdraw(plan.getId(), plan.getLeadId(), ORGANISER);
		assertThat(this.plans.event(plan.getId()).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);

		this.mvc.perform(get("/plans/" + plan.getId()).with(as(ORGANISER)))
			.andExpect(content().string(not(containsString("id=\"delete-plan\""))))
			.andExpect(content().string(containsString("id=\"cancel-plan\"")));
		this.mvc.perform(post("/plans/" + plan.getId() + "/delete").with(as(ORGANISER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.refused.delete"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		assertThat(this.plans.event(plan.getId())).isPresent();
		assertThat(audited(plan, "plan.delete")).isZero();
	}

	@Test
	void aColleagueWhoJoinsTheTeamIsToldByMailAndTheLeadHearsItByName() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "仲間が増える会 " + System.nanoTime());
		String lead = this.fixtures.person(ORGANISER).name();
		String member = this.fixtures.person(STRANGER).name();

		this.plans.proposeCoOrganiser(plan.getId(), plan.getLeadId(), ORGANISER, STRANGER);
		this.mvc.perform(post("/plans/" + plan.getId() + "/organisers/accept").with(as(STRANGER)).with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.accepted"))
			.andExpect(flash().attribute("flashArgs", new Object[] { plan.getTitle(), lead }));

		// David reads English: his confirmation names the lead; the lead's mail names him.
		assertThat(this.jdbc.sql("SELECT subject || '|' || text_body FROM mail_outbox WHERE kind = 'team-joined' AND recipient = ?")
			.param(STRANGER).query(String.class).list())
			.anySatisfy(mail -> assertThat(mail).contains("You joined the organiser team of “" + plan.getTitle() + "”",
					"which " + lead + " leads"));
		assertThat(this.jdbc.sql("SELECT subject FROM mail_outbox WHERE kind = 'team-member-joined' AND recipient = ?")
			.param(ORGANISER).query(String.class).list())
			.contains(member + " さんが「" + plan.getTitle() + "」の幹事チームに加わりました");

		this.mvc.perform(post("/plans/" + plan.getId() + "/organisers/" + this.fixtures.person(STRANGER).id() + "/remove")
			.with(as(ORGANISER))
			.with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.removed"))
			.andExpect(flash().attribute("flashArgs", new Object[] { member }));
		assertThat(this.messages.getMessage("plan.team.removed", new Object[] { member }, Locale.JAPANESE))
			.isEqualTo(member + " さんを幹事チームから外しました。");
	}

	@Test
	void aRefusalAboutSomeoneNamesThemNotTheirAddress() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "名前で呼ぶ会 " + System.nanoTime());
		this.mvc.perform(post("/plans/" + plan.getId() + "/organisers").param("email", ORGANISER)
			.with(as(ORGANISER))
			.with(csrf()))
			.andExpect(flash().attribute("flash", "plan.team.refused.lead"))
			.andExpect(flash().attribute("flashArgs", new Object[] { this.fixtures.person(ORGANISER).name() }));
	}

	private long aTask(EventPlan plan, String title, String assignee) {
		this.plans.addTask(plan.getId(), plan.getLeadId(), ORGANISER, title, null, assignee, LocalDate.now().plusDays(20));
		return this.jdbc.sql("SELECT id FROM preparation_tasks WHERE plan_id = ? AND title = ?")
			.params(plan.getId(), title)
			.query(Long.class)
			.single();
	}

	private Long assigneeOf(long task) {
		return this.jdbc.sql("SELECT assignee_id FROM preparation_tasks WHERE id = ?").param(task).query(Long.class).single();
	}

	private long mailsAbout(String recipient, String taskTitle) {
		return count("SELECT count(*) FROM mail_outbox WHERE kind = 'task-assigned' AND recipient = ? AND subject LIKE '%' || ? || '%'",
				recipient, taskTitle);
	}

	private long audited(EventPlan plan, String action) {
		return count("SELECT count(*) FROM audit_log WHERE subject = ? AND action = ?", "plan " + plan.getId(), action);
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
