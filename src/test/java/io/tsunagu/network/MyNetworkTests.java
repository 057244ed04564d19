package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * My network, as its owner sees it: only their own ties, by department with the people they prepared events
 * with first, the departments they have no tie with, those not seen for six months and the one thing to do
 * about them; nobody else's ties, whatever id is asked for.
 */
class MyNetworkTests extends NetworkTestBase {

	static final LocalDate TODAY = LocalDate.now(SmallCompany.TOKYO);

	@Autowired
	UserDetailsService users;

	@Autowired
	NetworkSettings settings;

	long sales;

	long dev;

	long accounting;

	long boss;

	long me;

	long helper;

	long junior;

	long stranger;

	long old;

	@BeforeEach
	void aCompanyAroundMe() {
		this.sales = this.company.department("SALES", "営業部", "Sales");
		this.dev = this.company.department("DEV", "企画・開発部", "Development");
		this.accounting = this.company.department("ACCT", "経理部", "Accounting");
		this.boss = this.company.person("Bo Boss", this.sales, 2000);
		this.me = this.company.person("Mei Me", this.sales, 2015, this.boss);
		this.helper = this.company.person("Hana Helper", this.dev, 2016);
		this.junior = this.company.person("Jun Junior", this.sales, 2024);
		this.stranger = this.company.person("Sho Stranger", this.dev, 2015);
		this.old = this.company.person("Oki Old", this.dev, 2012);
		this.company.held("秋の交流会", "CROSS_DEPARTMENT_MIXER", TODAY.minusMonths(2), List.of(this.me, this.helper),
				List.of(this.me, this.junior, this.boss));
		this.company.held("春の勉強会", "STUDY_SESSION", TODAY.minusMonths(7), List.of(this.old),
				List.of(this.old, this.me));
		// The stranger met my colleagues, never me.
		this.company.held("他部署の会", "OTHER", TODAY.minusMonths(1), List.of(this.stranger),
				List.of(this.stranger, this.junior, this.helper));
	}

	@Test
	void listsOnlyMyTiesByDepartmentThoseIPreparedWithFirst() throws Exception {
		Document page = page("/network?lang=ja", this.me);

		assertThat(page.select("#helpers .helper").eachAttr("id")).containsExactly("helper-" + this.helper);
		assertThat(page.select("#helper-" + this.helper).text()).contains("秋の交流会", day(TODAY.minusMonths(2)));
		assertThat(page.select("#departments details.department").eachAttr("id"))
			.containsExactly("department-" + this.company.code("DEV"), "department-" + this.company.code("SALES"));
		assertThat(page.select("#department-" + this.company.code("DEV") + " .tie").eachAttr("id"))
			.containsExactly("tie-" + this.helper, "tie-" + this.old);
		assertThat(tie(page, this.helper).text()).contains("同期・同僚", "一緒に準備した", day(TODAY.minusMonths(2)),
				"秋の交流会");
		assertThat(tie(page, this.boss).select(".relationship").text()).isEqualTo("上司");
		assertThat(tie(page, this.junior).text()).contains("後輩", "同じイベントに参加", "一緒に1回");
		assertThat(page.text()).doesNotContain("Sho Stranger");
		assertThat(page.select("#unreached .unreached").eachAttr("id")).contains("unreached-" + this.company.code("ACCT"))
			.doesNotContain("unreached-" + this.company.code("SALES"), "unreached-" + this.company.code("DEV"));
		assertThat(page.selectFirst("#unreached-" + this.company.code("ACCT")).text()).isEqualTo("経理部");
	}

	@Test
	void someoneWhoLeftTheCompanyIsNoLongerShown() throws Exception {
		this.jdbc.sql("UPDATE employees SET active = FALSE WHERE id = ?").param(this.old).update();

		Document page = page("/network?lang=ja", this.me);

		assertThat(page.select("#tie-" + this.old + ", #not-seen-" + this.old)).isEmpty();
		assertThat(page.select("#tie-" + this.helper)).isNotEmpty();
		this.mvc.perform(get("/network/people/" + this.old).with(as(this.me))).andExpect(status().isNotFound());
	}

	@Test
	void listsThoseNotSeenForSixMonthsWithOneAction() throws Exception {
		Document page = page("/network?lang=ja", this.me);

		assertThat(page.select("#not-seen .not-seen").eachAttr("id")).containsExactly("not-seen-" + this.old);
		assertThat(page.select("#not-seen-" + this.old).text()).contains("春の勉強会", day(TODAY.minusMonths(7)));
		// No event of mine takes invitations yet: the page says how it will.
		assertThat(page.select("#not-seen-" + this.old + " form")).isEmpty();
		assertThat(page.select("#not-seen-" + this.old + " .must-invite").text()).contains("承認されると");

		long plan = anApprovedPlanOf(this.me, "冬の同期会");
		Document withPlan = page("/network?lang=en", this.me);
		assertThat(withPlan.select("#plan-for-" + this.old + " option").eachAttr("value")).containsExactly(String.valueOf(plan));
		assertThat(withPlan.select("#not-seen").text()).contains("Not seen for 6 months", "Add to must-invite list");
	}

	@Test
	void showsMyTieWithOnePersonEventByEventAndNobodyElses() throws Exception {
		Document page = page("/network/people/" + this.helper + "?lang=en", this.me);

		assertThat(page.select("h1").text()).isEqualTo("Hana Helper");
		assertThat(page.select("#relationship").text()).isEqualTo("Peer");
		assertThat(page.select("#shared-events .shared-event").eachText()).singleElement()
			.satisfies(text -> assertThat(text).contains("秋の交流会", "Prepared an event together"));

		this.mvc.perform(get("/network/people/" + this.stranger).with(as(this.me))).andExpect(status().isNotFound());
		this.mvc.perform(get("/network/people/" + this.me).with(as(this.me))).andExpect(status().isNotFound());
		this.mvc.perform(get("/network/people/987654321").with(as(this.me))).andExpect(status().isNotFound());
		// The stranger's own network is theirs: my id in their URL is no tie of theirs either.
		this.mvc.perform(get("/network/people/" + this.me).with(as(this.stranger))).andExpect(status().isNotFound());
	}

	@Test
	void putsSomeoneNotSeenOnTheMustInviteListOfMyEventOnce() throws Exception {
		long plan = anApprovedPlanOf(this.me, "冬の同期会");

		this.mvc.perform(mustInvite(this.old, plan, this.me))
			.andExpect(redirectedUrl("/network"))
			.andExpect(flash().attribute("flash", "network.mustInvite.added"));

		assertThat(this.jdbc.sql("""
				SELECT w.status FROM invitations i JOIN invitation_waves w ON w.id = i.wave_id
				WHERE i.plan_id = ? AND i.employee_id = ? AND w.kind = 'PERSONAL'""")
			.params(plan, this.old)
			.query(String.class)
			.list()).containsExactly("DRAFT");

		this.mvc.perform(mustInvite(this.old, plan, this.me))
			.andExpect(redirectedUrl("/network"))
			.andExpect(flash().attribute("flash", "invitations.refused.already"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		assertThat(invitations(plan)).isEqualTo(1);
	}

	@Test
	void refusesAnotherOrganisersPlanAnEventOverAndSomeoneNotTiedToMe() throws Exception {
		long theirs = anApprovedPlanOf(this.stranger, "他人の企画");
		this.mvc.perform(mustInvite(this.old, theirs, this.me)).andExpect(status().isNotFound());
		assertThat(invitations(theirs)).isZero();

		long over = this.company.held("先月の会", "OTHER", TODAY.minusMonths(1), List.of(this.me), List.of(this.me));
		this.mvc.perform(mustInvite(this.old, over, this.me))
			.andExpect(flash().attribute("flash", "network.refused.planOver"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		assertThat(invitations(over)).isZero();

		long mine = anApprovedPlanOf(this.me, "冬の同期会");
		this.mvc.perform(mustInvite(this.stranger, mine, this.me))
			.andExpect(flash().attribute("flash", "network.refused.unknownPerson"));
		this.mvc.perform(mustInvite(987654321L, mine, this.me))
			.andExpect(flash().attribute("flash", "network.refused.unknownPerson"));
		assertThat(invitations(mine)).isZero();
	}

	@Test
	void storesAndAuditsTheChoiceToBeHiddenFromSuggestions() throws Exception {
		this.mvc.perform(post("/network/settings").param("hidden", "on").with(as(this.me)).with(csrf()))
			.andExpect(redirectedUrl("/network"))
			.andExpect(flash().attribute("flash", "network.settings.hidden"));

		assertThat(this.settings.isHiddenFromSuggestions(this.me)).isTrue();
		assertThat(page("/network", this.me).select("#hidden").hasAttr("checked")).isTrue();
		assertThat(this.jdbc.sql("SELECT action || ' ' || subject || ': ' || details FROM audit_log WHERE actor = ? ORDER BY id")
			.param(email(this.me))
			.query(String.class)
			.list()).containsExactly("network.settings employee " + this.me + ": hidden from suggestions");

		// An unticked box sends nothing: shown again.
		this.mvc.perform(post("/network/settings").with(as(this.me)).with(csrf())).andExpect(redirectedUrl("/network"));
		assertThat(this.settings.isHiddenFromSuggestions(this.me)).isFalse();
		assertThat(this.settings.isHiddenFromSuggestions(this.helper)).isFalse();
	}

	@Test
	void keepsAManyTiedDepartmentFoldedWithAWayToSeeEveryone() throws Exception {
		long crowd = this.company.department("CROWD", "物流部", "Logistics");
		List<Long> many = new ArrayList<>(List.of(this.me));
		for (int i = 0; i < MyNetwork.PER_DEPARTMENT + 3; i++) {
			many.add(this.company.person("Cro Wd" + i, crowd, 2018));
		}
		this.company.held("大運動会", "COMPANY_TRIP", TODAY.minusMonths(3), List.of(this.me), many);

		Document page = page("/network?lang=en", this.me);
		Element folded = page.selectFirst("#department-" + this.company.code("CROWD"));
		assertThat(folded.select(".tie")).hasSize(MyNetwork.PER_DEPARTMENT);
		assertThat(folded.select("summary").text()).contains("Logistics: 8 people");
		assertThat(folded.select(".see-all").text()).isEqualTo("See all 8");

		Document opened = page(folded.select(".see-all").attr("href") + "&lang=en", this.me);
		assertThat(opened.select("#department-people .tie")).hasSize(MyNetwork.PER_DEPARTMENT + 3);
		assertThat(opened.select("#department-title").text()).contains("Logistics");

		this.mvc.perform(get("/network").param("department", this.company.code("ACCT")).with(as(this.me)))
			.andExpect(redirectedUrl("/network"))
			.andExpect(flash().attribute("flash", "network.refused.department"));
	}

	@Test
	void tellsSomeoneWithoutTiesWhatThePageWillShowAndHowTiesComeAbout() throws Exception {
		long newcomer = this.company.person("Nao Newcomer", this.accounting, 2026);

		Document page = page("/network?lang=en", newcomer);

		assertThat(page.select("#network-empty").text()).contains("No ties yet", "preparing an event together",
				"the people you have not seen for six months");
		assertThat(page.select("#departments, #helpers, #not-seen")).isEmpty();
		assertThat(page.select("#privacy")).hasSize(1);
	}

	private Document page(String path, long employeeId) throws Exception {
		String html = this.mvc.perform(get(path).with(as(employeeId)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private static Element tie(Document page, long employeeId) {
		return page.selectFirst("#tie-" + employeeId);
	}

	private MockHttpServletRequestBuilder mustInvite(long employeeId, long planId, long asEmployee) {
		return post("/network/must-invite").param("employeeId", String.valueOf(employeeId))
			.param("planId", String.valueOf(planId))
			.with(as(asEmployee))
			.with(csrf());
	}

	/** Logged in as someone of the small company, who gets an account for it. */
	private RequestPostProcessor as(long employeeId) {
		String email = email(employeeId);
		this.jdbc.sql("""
				INSERT INTO accounts (email, password_hash) SELECT ?, 'not-used'
				WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(?))""")
			.params(email, email)
			.update();
		UserDetails login = this.users.loadUserByUsername(email);
		return user(login);
	}

	private String email(long employeeId) {
		return this.jdbc.sql("SELECT email FROM employees WHERE id = ?").param(employeeId).query(String.class).single();
	}

	/** An approved event of this organiser, a month away: its must-invite list is open. */
	private long anApprovedPlanOf(long lead, String title) {
		LocalDate day = TODAY.plusMonths(1);
		Timestamp starts = Timestamp.from(day.atTime(LocalTime.of(19, 0)).atZone(SmallCompany.TOKYO).toInstant());
		Timestamp ends = Timestamp.from(day.atTime(LocalTime.of(21, 0)).atZone(SmallCompany.TOKYO).toInstant());
		return this.jdbc.sql("""
				INSERT INTO event_plans (status, title, kind, purpose, starts_at, ends_at, zone, venue, capacity,
				                         rsvp_deadline, lead_id)
				VALUES ('APPROVED', ?, 'COHORT_MEETUP', '久しぶりに会う', ?, ?, 'Asia/Tokyo', '本社 8F', 40,
				        CAST(? AS timestamptz) - interval '7 days', ?) RETURNING id""")
			.params(title, starts, ends, starts, lead)
			.query(Long.class)
			.single();
	}

	private int invitations(long planId) {
		return this.jdbc.sql("SELECT count(*) FROM invitations WHERE plan_id = ?").param(planId).query(Integer.class).single();
	}

	private static String day(LocalDate day) {
		return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

}
