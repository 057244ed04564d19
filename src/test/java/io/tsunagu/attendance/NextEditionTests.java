package io.tsunagu.attendance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An event hosted again invites last time's people first: once approved, its must-invite list starts
 * with those who came and those left on the waitlist, each shown with when they last came and where, and
 * none with last time's message. The series page counts invited, attending and came per edition.
 */
class NextEditionTests extends AttendanceTestBase {

	@Autowired
	CheckIns checkIns;

	long lead;

	@BeforeEach
	void fixtures() {
		this.lead = this.events.organiser().id();
	}

	@Test
	void theMustInviteListStartsWithThoseWhoCameAndTheWaitlistEachWithNoMessageAndWhenTheyLastCame() throws Exception {
		String title = "2019年入社 同期会 " + System.nanoTime();
		long first = this.day.today(title, 10);
		List<Long> people = this.day.someEmployees(6);
		long came = people.get(0);
		long cameToo = people.get(1);
		long noShow = people.get(2);
		// Someone who never came to any event: shown with the waitlist they were left on.
		long waitlisted = this.jdbc.sql("""
				SELECT id FROM employees e WHERE active AND id <> ALL (?) AND email NOT IN (?, ?)
				AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.employee_id = e.id) ORDER BY id DESC LIMIT 1""")
			.params(people.toArray(Long[]::new), ApprovedEvents.ORGANISER, EventDay.CO_ORGANISER)
			.query(Long.class)
			.single();
		long declined = people.get(4);
		long walkIn = people.get(5);
		this.day.answered(first, List.of(came, cameToo, noShow), "ATTENDING");
		this.day.answered(first, List.of(waitlisted), "WAITLISTED");
		this.day.answered(first, List.of(declined), "DECLINED");
		for (long person : List.of(came, cameToo, walkIn)) {
			this.checkIns.checkIn(first, person, this.lead, UUID.randomUUID());
		}
		this.day.movedToThePast(first, 30);

		long next = this.events.hostAgain(first);
		assertThat(html("/plans/" + next)).contains("承認されて招待ページを初めて開くと");
		this.events.pickDate(next, Instant.now().plus(40, ChronoUnit.DAYS), Instant.now().plus(33, ChronoUnit.DAYS));
		this.events.approve(next);
		Document page = Jsoup.parse(html("/plans/" + next + "/invitations"));

		assertThat(invitees(next)).containsExactly(came, cameToo, walkIn, waitlisted);
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitations WHERE plan_id = ? AND (message IS NOT NULL OR sent_at IS NOT NULL)")
			.param(next)
			.query(Long.class)
			.single()).as("no message copied, nothing sent").isZero();
		Map<Long, EmployeeRef> refs = this.directory.findAllById(List.of(came, waitlisted));
		YearMonth checkedIn = YearMonth.now(ZoneId.of("Asia/Tokyo"));
		YearMonth held = YearMonth.from(this.plans.event(first).orElseThrow().startsAt().atZone(ZoneId.of("Asia/Tokyo")));
		assertThat(page.select("#prefilled").text()).contains("4人");
		assertThat(row(page, next, came)).contains(refs.get(came).name(), "前回: " + japanese(checkedIn) + "の" + title + "に参加");
		assertThat(row(page, next, waitlisted)).contains("前回: " + japanese(held) + "の" + title + "はキャンセル待ちのまま");
		assertThat(page.select(".draft textarea").eachText()).allMatch(String::isEmpty);

		html("/plans/" + next + "/invitations");
		assertThat(invitees(next)).as("opened once").hasSize(4);
	}

	@Test
	void theSeriesPageListsEachEditionWithInvitedAttendingAndCame() throws Exception {
		String title = "2019年入社 同期会 " + System.nanoTime();
		long first = this.day.today(title, 10);
		List<Long> people = this.day.someEmployees(5);
		this.day.answered(first, people.subList(0, 4), "ATTENDING");
		this.day.answered(first, people.subList(4, 5), "DECLINED");
		this.checkIns.checkIn(first, people.get(0), this.lead, UUID.randomUUID());
		this.checkIns.checkIn(first, people.get(1), this.lead, UUID.randomUUID());
		this.day.movedToThePast(first, 30);
		long second = this.events.hostAgain(first);

		Document page = Jsoup.parse(html("/plans/" + second + "/series"));

		assertThat(page.select("h1").text()).contains(title);
		assertThat(page.select("#edition-1 a").first().text()).isEqualTo(title + " 第1回");
		assertThat(page.select("#edition-1 .invited").text()).isEqualTo("5");
		assertThat(page.select("#edition-1 .attending").text()).isEqualTo("4");
		assertThat(page.select("#edition-1 .came").text()).isEqualTo("2");
		assertThat(page.select("#edition-2 a").first().text()).isEqualTo(title + " 第2回");
		assertThat(page.select("#edition-2 .came").text()).isEqualTo("0");
		assertThat(this.mvc.perform(get("/plans/" + second + "/series")
			.with(user(this.users.loadUserByUsername("david.lee@tsunagu.example")))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	private static String japanese(YearMonth month) {
		return month.getYear() + "年" + month.getMonthValue() + "月";
	}

	private String html(String path) throws Exception {
		return this.mvc.perform(get(path).param("lang", "ja").with(organiser())).andReturn().getResponse().getContentAsString();
	}

	private RequestPostProcessor organiser() {
		return user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER));
	}

	private List<Long> invitees(long plan) {
		return this.jdbc.sql("SELECT employee_id FROM invitations WHERE plan_id = ? ORDER BY id")
			.param(plan)
			.query(Long.class)
			.list();
	}

	private String row(Document page, long plan, long employeeId) {
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, employeeId)
			.query(Long.class)
			.single();
		return page.select("#draft-" + invitation).text();
	}

}
