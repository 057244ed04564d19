package io.tsunagu.planning;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
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
import io.tsunagu.invitations.InvitationTestSupport;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Moving an approved event from its page: organisers change the time or place without a new approval
 * round; bad input is refused on the form, in the reader's language, and changes nothing.
 */
@TsunaguTest
class RescheduleTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

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
	BeanFactory beans;

	ApprovedEvents events;

	@BeforeEach
	void events() {
		this.events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
	}

	@Test
	void aCoOrganiserMovesAnApprovedEventFromItsPageWithoutANewApprovalRound() throws Exception {
		String emily = "emily.clark@tsunagu.example";
		EventPlan plan = this.plans.create(this.events.organiser().id(), ORGANISER,
				PlanFixtures.details("動く会 " + System.nanoTime()));
		PlanFixtures.joinTeam(this.plans, plan.getId(), this.events.organiser().id(), ORGANISER,
				this.directory.findByEmail(emily).orElseThrow());
		this.events.approve(plan.getId());
		Map<String, String> form = currentForm(plan.getId());
		this.mvc.perform(get("/plans/{id}", plan.getId()).with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日時・場所を変更する")))
			.andExpect(content().string(containsString("value=\"" + form.get("startsAt") + "\"")));

		LocalDateTime newStart = LocalDateTime.parse(form.get("startsAt")).plusDays(1).withHour(19);
		this.mvc.perform(reschedule(plan.getId(), form, "startsAt", LOCAL.format(newStart), "endsAt",
				LOCAL.format(newStart.plusHours(2)), "venue", "別館 3F ホール").with(as(emily)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/plans/" + plan.getId()))
			.andExpect(flash().attribute("flash", "plan.rescheduled"));

		PlannedEvent moved = this.plans.event(plan.getId()).orElseThrow();
		assertThat(moved.startsAt()).isEqualTo(newStart.atZone(TOKYO).toInstant());
		assertThat(moved.venue()).isEqualTo("別館 3F ホール");
		assertThat(moved.calendarSequence()).isEqualTo(1);
		assertThat(moved.status()).isEqualTo(PlanStatus.APPROVED);
		assertThat(moved.revision()).as("the approvals stand").isEqualTo(plan.getRevision());
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'plan.reschedule' AND subject = ? AND actor = ?")
			.params("plan " + plan.getId(), emily)
			.query(String.class)
			.single()).contains("start: " + form.get("startsAt") + " → " + LOCAL.format(newStart))
			.contains("venue: 本社 8F 大会議室 → 別館 3F ホール")
			.contains("calendar sequence 1")
			.doesNotContain("RSVP deadline");
		this.mvc.perform(get("/plans/{id}", plan.getId()).param("lang", "en").with(as(emily)))
			.andExpect(content().string(containsString("Change time or place")))
			.andExpect(content().string(containsString("別館 3F ホール")));
	}

	@Test
	void aNewRsvpDeadlineAloneKeepsTheCalendarSequence() throws Exception {
		long plan = this.events.anApprovedEvent("締め切りだけ変える会 " + System.nanoTime(), 30);
		Map<String, String> form = currentForm(plan);
		String deadline = LOCAL.format(LocalDateTime.parse(form.get("rsvpDeadline")).minusDays(2));
		this.mvc.perform(reschedule(plan, form, "rsvpDeadline", deadline).with(as(ORGANISER)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "plan.rescheduled.deadline"));
		PlannedEvent event = this.plans.event(plan).orElseThrow();
		assertThat(LOCAL.format(event.rsvpDeadline().atZone(TOKYO))).isEqualTo(deadline);
		assertThat(event.calendarSequence()).isZero();
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'plan.reschedule' AND subject = ?")
			.param("plan " + plan)
			.query(String.class)
			.single()).startsWith("RSVP deadline: ").doesNotContain("calendar sequence");
	}

	@Test
	void refusesEachBadInputOnTheFormInJapaneseAndEnglishAndChangesNothing() throws Exception {
		long plan = this.events.anApprovedEvent("直せない会 " + System.nanoTime(), 30);
		Map<String, String> form = currentForm(plan);
		LocalDateTime start = LocalDateTime.parse(form.get("startsAt"));
		String lastYear = LOCAL.format(LocalDateTime.now(TOKYO).minusYears(1));
		Map<List<String>, List<String>> refusals = new LinkedHashMap<>();
		refusals.put(List.of("endsAt", LOCAL.format(start.minusHours(1))),
				List.of("終了は開始より後にしてください。", "The event must end after it starts."));
		refusals.put(List.of("rsvpDeadline", LOCAL.format(start.plusHours(1))),
				List.of("出欠の締め切りは開始より前にしてください。", "The RSVP deadline must be before the start."));
		refusals.put(List.of("venue", " ", "onlineLink", ""),
				List.of("会場かオンラインのリンク（または両方）を入れてください。", "Please give a venue, an online link, or both."));
		refusals.put(List.of("startsAt", lastYear, "endsAt", LOCAL.format(LocalDateTime.parse(lastYear).plusHours(2)),
				"rsvpDeadline", LOCAL.format(LocalDateTime.parse(lastYear).minusDays(1))),
				List.of("新しい開始日時はすでに過ぎています。", "The new start has already passed."));
		refusals.put(List.of(), List.of("変更がありません。", "Nothing was changed"));
		Map<String, Object> before = row(plan);

		for (Map.Entry<List<String>, List<String>> refusal : refusals.entrySet()) {
			String[] change = refusal.getKey().toArray(String[]::new);
			this.mvc.perform(reschedule(plan, form, change).with(as(ORGANISER)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"reschedule\" class=\"card mb-3\" open")))
				.andExpect(content().string(containsString(refusal.getValue().get(0))));
			this.mvc.perform(reschedule(plan, form, change).param("lang", "en").with(as(ORGANISER)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(refusal.getValue().get(1))));
		}

		this.mvc.perform(get("/plans/{id}/reschedule", plan).param("lang", "en").with(as(ORGANISER)))
			.andExpect(redirectedUrl("/plans/" + plan + "#reschedule"));
		assertThat(row(plan)).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'plan.reschedule' AND subject = ?")
			.param("plan " + plan)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void asksForConfirmationWithHowManyAreMailedAndChangesNothingUntilConfirmed() throws Exception {
		long plan = this.events.anApprovedEvent("確かめて動く会 " + System.nanoTime(), 30);
		List<String> tokens = InvitationTestSupport.from(this.beans, this.events)
			.invite(plan, List.of(person("manager@tsunagu.example"), person("david.lee@tsunagu.example"),
					person("officer@tsunagu.example")));
		this.mvc.perform(post("/rsvp/{t}", tokens.get(2)).param("answer", "DECLINED").with(csrf()))
			.andExpect(status().isFound());
		Map<String, String> form = currentForm(plan);
		String[] move = { "startsAt", LOCAL.format(LocalDateTime.parse(form.get("startsAt")).plusDays(1)), "endsAt",
				LOCAL.format(LocalDateTime.parse(form.get("endsAt")).plusDays(1)), "reason", "会場の改装のため、翌日に移ります。" };
		Map<String, Object> before = row(plan);

		this.mvc.perform(reschedule(plan, form, move).with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(view().name("planning/reschedule-confirm"))
			.andExpect(content().string(containsString("この変更を保存すると、2人にメールでお知らせします")))
			.andExpect(content().string(containsString("欠席と回答した1人には送りません。")))
			.andExpect(content().string(containsString("会場の改装のため、翌日に移ります。")))
			.andExpect(content().string(containsString("変更して2人に知らせる")));
		this.mvc.perform(reschedule(plan, form, move).param("alsoDeclined", "true").with(as(ORGANISER)))
			.andExpect(content().string(containsString("この変更を保存すると、3人にメールでお知らせします")))
			.andExpect(content().string(containsString("欠席と回答した1人も含みます。")));
		this.mvc.perform(reschedule(plan, form, move).param("alsoDeclined", "true").param("lang", "en").with(as(ORGANISER)))
			.andExpect(content().string(containsString("Saving this change mails 3 people, with a calendar update.")))
			.andExpect(content().string(containsString("This includes the 1 person who declined.")))
			.andExpect(content().string(containsString("Change and mail 3 people")));
		this.mvc.perform(reschedule(plan, form, move).param("step", "edit").with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(view().name("planning/plan"))
			.andExpect(content().string(containsString("id=\"reschedule\" class=\"card mb-3\" open")))
			.andExpect(content().string(containsString("会場の改装のため、翌日に移ります。</textarea>")));
		assertThat(row(plan)).as("nothing changes before the confirmation").isEqualTo(before);
		assertThat(changeMails(plan)).isZero();

		this.mvc.perform(reschedule(plan, form, move).param("alsoDeclined", "true").param("step", "confirm")
				.with(as(ORGANISER)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "plan.rescheduled"));
		assertThat(LOCAL.format(this.plans.event(plan).orElseThrow().startsAt().atZone(TOKYO))).isEqualTo(move[1]);
		assertThat(changeMails(plan)).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'plan.reschedule' AND subject = ?")
			.param("plan " + plan)
			.query(String.class)
			.single()).contains("told those who declined", "reason: 会場の改装のため、翌日に移ります。");
	}

	@Test
	void refusesAReasonTooLongOrWithControlCharactersAndChangesNothing() throws Exception {
		long plan = this.events.anApprovedEvent("理由の長い会 " + System.nanoTime(), 30);
		InvitationTestSupport.from(this.beans, this.events).invite(plan, List.of(person("manager@tsunagu.example")));
		Map<String, String> form = currentForm(plan);
		String venue = "別館 3F ホール";
		Map<String, Object> before = row(plan);
		for (String step : List.of("", "confirm")) {
			this.mvc.perform(reschedule(plan, form, "venue", venue, "reason", "あ".repeat(501), "step", step).with(as(ORGANISER)))
				.andExpect(status().isOk())
				.andExpect(view().name("planning/plan"))
				.andExpect(content().string(containsString("変更の理由は500文字までです。")));
			this.mvc.perform(reschedule(plan, form, "venue", venue, "reason", "あ".repeat(501), "step", step)
					.param("lang", "en").with(as(ORGANISER)))
				.andExpect(content().string(containsString("The reason can be at most 500 characters.")));
			this.mvc.perform(reschedule(plan, form, "venue", venue, "reason", "ベル\u0007です", "step", step).with(as(ORGANISER)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("保存できない制御文字")));
		}
		assertThat(row(plan)).isEqualTo(before);
		assertThat(changeMails(plan)).isZero();
		this.mvc.perform(reschedule(plan, form, "venue", venue, "reason", "あ".repeat(500)).with(as(ORGANISER)))
			.andExpect(view().name("planning/reschedule-confirm"));
	}

	@Test
	void onlyOrganisersMoveAnEvent() throws Exception {
		long plan = this.events.anApprovedEvent("動かせない会 " + System.nanoTime(), 30);
		Map<String, String> form = currentForm(plan);
		Map<String, Object> before = row(plan);
		// The president approved it and sees it, but does not organise it.
		this.mvc.perform(get("/plans/{id}", plan).with(as(PRESIDENT)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("reschedule-form"))));
		this.mvc.perform(reschedule(plan, form, "venue", "別館 3F ホール").with(as(PRESIDENT))).andExpect(status().isForbidden());
		this.mvc.perform(reschedule(plan, form, "venue", "").with(as(PRESIDENT))).andExpect(status().isForbidden());
		this.mvc.perform(reschedule(plan, form, "venue", "別館 3F ホール").with(as(STRANGER))).andExpect(status().isNotFound());
		assertThat(row(plan)).isEqualTo(before);
	}

	@Test
	void aPlanNotYetApprovedCannotBeMoved() throws Exception {
		EventPlan draft = this.plans.create(this.events.organiser().id(), ORGANISER,
				PlanFixtures.details("まだの会 " + System.nanoTime()));
		Map<String, String> form = currentForm(draft.getId());
		this.mvc.perform(get("/plans/{id}", draft.getId()).with(as(ORGANISER)))
			.andExpect(content().string(not(containsString("reschedule-form"))));
		Map<String, Object> before = row(draft.getId());
		this.mvc.perform(reschedule(draft.getId(), form, "venue", "別館 3F ホール").with(as(ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日時・場所を変更できるのは、企画の承認後からイベントの開催までです。")));
		assertThat(row(draft.getId())).isEqualTo(before);
	}

	/** The change form as the page fills it in: the plan's time and place in Tokyo time. */
	private Map<String, String> currentForm(long planId) {
		PlannedEvent event = this.plans.event(planId).orElseThrow();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("startsAt", LOCAL.format(event.startsAt().atZone(TOKYO)));
		form.put("endsAt", LOCAL.format(event.endsAt().atZone(TOKYO)));
		form.put("rsvpDeadline", LOCAL.format(event.rsvpDeadline().atZone(TOKYO)));
		form.put("venue", event.venue() == null ? "" : event.venue());
		form.put("onlineLink", event.onlineLink() == null ? "" : event.onlineLink());
		return form;
	}

	/** The form posted with pairs of field name and value replaced. */
	private static MockHttpServletRequestBuilder reschedule(long planId, Map<String, String> form, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/plans/{id}/reschedule", planId).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private long changeMails(long planId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM mail_outbox m JOIN invitations i ON m.dedupe_key LIKE 'event-changed-' || i.id || '-%'
				WHERE m.kind = 'event-changed' AND i.plan_id = ?""").param(planId).query(Long.class).single();
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	private Map<String, Object> row(long planId) {
		return this.jdbc.sql("""
				SELECT version, revision, status, starts_at, ends_at, rsvp_deadline, venue, online_link, calendar_sequence,
				       updated_at
				FROM event_plans WHERE id = ?""").param(planId).query().singleRow();
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
