package io.tsunagu.planning;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static io.tsunagu.planning.PlanFixtures.PLAN_OFFICER;
import static io.tsunagu.planning.PlanFixtures.PRESIDENT;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TsunaguTest
class PlanPagesTests {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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

	PlanFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
	}

	@Test
	void draftsAPlanThroughTheFormAndListsItUnderMyPlans() throws Exception {
		String title = "秋の同期会 " + System.nanoTime();
		this.mvc.perform(validForm(post("/plans"), title).with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/plans/*"))
			.andExpect(flash().attribute("flash", "plan.created"));
		EventPlan plan = this.plans.involving(this.fixtures.person(ORGANISER).id())
			.stream()
			.filter(p -> p.getTitle().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(plan.getStartsAt()).as("datetime-local is read in Asia/Tokyo")
			.isEqualTo(LocalDateTime.parse("2027-03-10T18:30").atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant());
		assertThat(plan.getCapacity()).isEqualTo(40);
		this.mvc.perform(get("/plans").with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("下書き")));
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("部署を越えた")))
			.andExpect(content().string(containsString("チームは 7 部署のうち 1 部署にまたがっています。")))
			.andExpect(content().string(containsString("2027年3月10日(水) 18:30〜20:30")))
			.andExpect(content().string(containsString("2027年3月3日(水) 18:00")))
			.andExpect(content().string(not(containsString("Asia/Tokyo"))));
		this.mvc.perform(get("/plans/" + plan.getId()).param("lang", "en").with(as(ORGANISER)))
			.andExpect(content().string(containsString("Wed 10 Mar 2027, 18:30–20:30")));
		this.mvc.perform(get("/plans/" + plan.getId() + "/edit").with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2027-03-10T18:30\"")));
	}

	@Test
	void namesAnotherZoneThanTheCompanysInTheReadersLanguage() throws Exception {
		String title = "シンガポール交流会 " + System.nanoTime();
		String location = this.mvc
			.perform(validForm(post("/plans"), title, "zone", "Asia/Singapore").with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location).with(as(ORGANISER)))
			.andExpect(content().string(containsString("2027年3月10日(水) 18:30〜20:30（シンガポール時間）")))
			.andExpect(content().string(not(containsString("Asia/Singapore"))));
		this.mvc.perform(get(location).param("lang", "en").with(as(ORGANISER)))
			.andExpect(content().string(containsString("Wed 10 Mar 2027, 18:30–20:30 (Singapore Time)")));
	}

	@Test
	void theFormHasEachFieldOnce() throws Exception {
		String form = this.mvc.perform(get("/plans/new").with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String field : java.util.List.of("title", "startsAt", "endsAt", "venue", "onlineLink", "capacity", "rsvpDeadline",
				"budgetYen")) {
			assertThat(form.split("name=\"" + field + "\"", -1)).as(field).hasSize(2);
		}
	}

	@Test
	void showsFieldErrorsInJapaneseAndEnglish() throws Exception {
		MockHttpServletRequestBuilder invalid = validForm(post("/plans"), "", "capacity", "0", "endsAt",
				"2027-03-10T17:00", "rsvpDeadline", "2027-03-11T12:00", "onlineLink", "not a link");
		this.mvc.perform(invalid.with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("企画のタイトルを入れてください。")))
			.andExpect(content().string(containsString("定員は1〜10,000人にしてください。")))
			.andExpect(content().string(containsString("終了は開始より後にしてください。")))
			.andExpect(content().string(containsString("出欠の締め切りは開始より前にしてください。")))
			.andExpect(content().string(containsString("http:// か https:// で始めて")));
		this.mvc.perform(invalid.param("lang", "en").with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Capacity must be between 1 and 10,000.")))
			.andExpect(content().string(containsString("The event must end after it starts.")))
			.andExpect(content().string(containsString("The RSVP deadline must be before the start.")));
		Document page = Jsoup.parse(this.mvc.perform(invalid.with(as(ORGANISER)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (String field : java.util.List.of("title", "capacity", "onlineLink")) {
			assertThat(page.selectFirst("[name=" + field + "]").classNames()).as(field + " marked wrong")
				.contains("form-control", "is-invalid");
		}
		assertThat(page.selectFirst("[name=venue]").classNames()).as("a field without errors").containsExactly("form-control");
	}

	@Test
	void aStrangerCannotSeeOrEditAnothersDraft() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "内緒の下書き " + System.nanoTime());
		String id = "/plans/" + plan.getId();
		this.mvc.perform(get(id).with(as(STRANGER))).andExpect(status().isNotFound());
		this.mvc.perform(get(id + "/edit").with(as(STRANGER))).andExpect(status().isNotFound());
		this.mvc.perform(validForm(post(id), "乗っ取り").with(as(STRANGER)).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(post(id + "/submit").with(as(STRANGER)).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(get("/plans").with(as(STRANGER))).andExpect(content().string(not(containsString(plan.getTitle()))));
		assertThat(this.eventPlans.findById(plan.getId()).orElseThrow().getTitle()).isEqualTo(plan.getTitle());
	}

	@Test
	void aHelperSeesThePlanAndTheirTaskButCannotEditThePlan() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "手伝う会 " + System.nanoTime());
		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks").header("HX-Request", "true")
			.param("title", "会場の下見")
			.param("assignee", STRANGER)
			.param("dueOn", "2027-02-01")
			.with(as(ORGANISER))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"tasks\"")))
			.andExpect(content().string(containsString("会場の下見")))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("物流部")))
			.andExpect(content().string(not(containsString("<nav"))));

		this.mvc.perform(get("/").with(as(STRANGER)))
			.andExpect(content().string(containsString("会場の下見")))
			.andExpect(content().string(containsString(plan.getTitle())));
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(STRANGER))).andExpect(status().isOk());
		this.mvc.perform(get("/plans/" + plan.getId() + "/edit").with(as(STRANGER))).andExpect(status().isForbidden());
		this.mvc.perform(validForm(post("/plans/" + plan.getId()), "乗っ取り").with(as(STRANGER)).with(csrf()))
			.andExpect(status().isForbidden());

		long task = this.jdbc.sql("SELECT id FROM preparation_tasks WHERE plan_id = ?").param(plan.getId()).query(Long.class).single();
		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks/" + task + "/status").header("HX-Request", "true")
			.param("status", "DONE")
			.with(as(STRANGER))
			.with(csrf())).andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT status FROM preparation_tasks WHERE id = ?").param(task).query(String.class).single())
			.isEqualTo("DONE");
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'plan.task.move' AND subject = ? AND actor = ?")
			.params("plan " + plan.getId(), STRANGER)
			.query(String.class)
			.list()).containsExactly("会場の下見 → DONE");
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE kind = 'task-assigned' AND dedupe_key = ?")
			.param("task-" + task + "-assigned-" + this.fixtures.person(STRANGER).id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSubmittedPlanCannotBeEdited() throws Exception {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "提出済みの会 " + System.nanoTime());
		this.mvc.perform(validForm(post("/plans/" + plan.getId()), "書き換え").with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "plan.refused.edit"));
		this.mvc.perform(get("/plans/" + plan.getId() + "/edit").with(as(ORGANISER)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "plan.refused.edit"));
		EventPlan stored = this.eventPlans.findById(plan.getId()).orElseThrow();
		assertThat(stored.getTitle()).isEqualTo(plan.getTitle());
		assertThat(stored.getRevision()).isEqualTo(1);
	}

	@Test
	void anApproverWhoseStepIsNotReachedIsToldItIsNotTheirTurnAndKeepsWhatTheyWrote() throws Exception {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "順番待ちの会 " + System.nanoTime());
		long officerStep = this.jdbc.sql("""
				SELECT s.id FROM approval_steps s JOIN approval_rounds r ON r.id = s.round_id
				WHERE r.plan_id = ? AND s.role = 'OFFICER'""").param(plan.getId()).query(Long.class).single();

		this.mvc.perform(get("/approvals/steps/" + officerStep).with(as(PLAN_OFFICER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("まだあなたの番ではありません。")))
			.andExpect(content().string(not(containsString("id=\"record-decision\""))));
		this.mvc.perform(get("/approvals/steps/" + officerStep).param("lang", "en").with(as(PLAN_OFFICER)))
			.andExpect(content().string(containsString("It is not your turn yet")));
		this.mvc.perform(post("/approvals/steps/" + officerStep).param("kind", "APPROVE")
			.param("comment", "予算は半分に")
			.param("revision", "1")
			.with(as(PLAN_OFFICER))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("まだあなたの番ではありません。")))
			.andExpect(content().string(containsString("予算は半分に")));
		assertThat(this.jdbc.sql("SELECT state FROM approval_steps WHERE id = ?").param(officerStep).query(String.class).single())
			.isEqualTo("WAITING");
	}

	@Test
	void approversSeeOnlyWhatWasSentToThemAndOnlyDecideTheirOwnStep() throws Exception {
		EventPlan plan = this.fixtures.aSubmittedPlanBy(ORGANISER, "承認待ちの会 " + System.nanoTime());
		long step = this.approvals.inbox(this.fixtures.person(PRESIDENT).id())
			.stream()
			.filter(item -> item.planId() == plan.getId())
			.findFirst()
			.orElseThrow()
			.stepId();

		this.mvc.perform(get("/approvals").with(as(PRESIDENT)))
			.andExpect(content().string(containsString(plan.getTitle())))
			.andExpect(content().string(containsString("/approvals/steps/" + step)));
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(PRESIDENT)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("この企画はあなたの判断を待っています。")));
		this.mvc.perform(get("/approvals").with(as(PLAN_OFFICER)))
			.andExpect(content().string(not(containsString(plan.getTitle()))));
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(PLAN_OFFICER))).andExpect(status().isNotFound());

		for (String other : new String[] { PLAN_OFFICER, ORGANISER, STRANGER }) {
			this.mvc.perform(get("/approvals/steps/" + step).with(as(other))).andExpect(status().isForbidden());
			this.mvc.perform(post("/approvals/steps/" + step).param("kind", "APPROVE")
				.param("revision", "1")
				.with(as(other))
				.with(csrf())).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/approvals/steps/" + step).with(as(PRESIDENT))).andExpect(status().isOk());

		this.mvc.perform(post("/approvals/steps/" + step).param("kind", "REQUEST_CHANGES")
			.param("revision", "1")
			.with(as(PRESIDENT))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("修正依頼と却下にはコメントが必要です。")));

		this.mvc.perform(post("/approvals/steps/" + step).param("kind", "APPROVE")
			.param("comment", "部署を越えた出会いを大切に")
			.param("revision", "1")
			.with(as(PRESIDENT))
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "decision.recorded.APPROVE"));
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(PLAN_OFFICER))).andExpect(status().isOk());
		this.mvc.perform(get("/plans/" + plan.getId()).with(as(ORGANISER)))
			.andExpect(content().string(containsString("id=\"direction\"")))
			.andExpect(content().string(containsString("部署を越えた出会いを大切に")));
		this.mvc.perform(post("/approvals/steps/" + step).param("kind", "REJECT")
			.param("comment", "やはり却下")
			.param("revision", "1")
			.with(as(PRESIDENT))
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "approval.refused.alreadyDecided"));
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE subject = ? ORDER BY id")
			.param("plan " + plan.getId())
			.query(String.class)
			.list()).containsExactly("plan.create", "plan.submit", "approval.approve");
	}

	@Test
	void theNavigationCountsWhatWaitsForTheApprover() throws Exception {
		this.fixtures.aSubmittedPlanBy(ORGANISER, "数える会 " + System.nanoTime());
		long waiting = this.approvals.inboxCount(this.fixtures.person(PRESIDENT).id());
		assertThat(waiting).isPositive();
		this.mvc.perform(get("/").with(as(PRESIDENT)))
			.andExpect(content().string(containsString("承認待ち " + waiting + " 件")));
		this.mvc.perform(get("/").with(as(STRANGER))).andExpect(content().string(not(containsString("承認待ち"))));
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

	/** A valid plan form; pairs of field name and value replace fields. */
	static MockHttpServletRequestBuilder validForm(MockHttpServletRequestBuilder request, String title,
			String... replacements) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("title", title);
		fields.put("kind", "CROSS_DEPARTMENT_MIXER");
		fields.put("purpose", "部署を越えた顔見知りを増やす");
		fields.put("audience", "全社員");
		fields.put("startsAt", "2027-03-10T18:30");
		fields.put("endsAt", "2027-03-10T20:30");
		fields.put("zone", "Asia/Tokyo");
		fields.put("venue", "本社 8F");
		fields.put("onlineLink", "");
		fields.put("capacity", "40");
		fields.put("rsvpDeadline", "2027-03-03T18:00");
		fields.put("budgetYen", "");
		fields.put("approverNote", "");
		for (int i = 0; i < replacements.length; i += 2) {
			fields.put(replacements[i], replacements[i + 1]);
		}
		fields.forEach(request::param);
		return request;
	}

	EmployeeRef person(String email) {
		return this.fixtures.person(email);
	}

}
