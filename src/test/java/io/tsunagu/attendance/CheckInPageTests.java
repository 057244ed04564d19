package io.tsunagu.attendance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.directory.Colleague;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The check-in page and what its script asks: the list by department with readings and the count, taps
 * with their intent (a form without script, JSON with it), walk-ins found in the directory, and every
 * refusal said in the organiser's language with nothing changed.
 */
class CheckInPageTests extends AttendanceTestBase {

	@Autowired
	CheckIns checkIns;

	@Test
	void theOrganiserSeesWhoIsExpectedByDepartmentWithReadingsAndTheCount() throws Exception {
		long plan = this.day.today("受付の一覧 " + System.nanoTime(), 10);
		List<Long> people = this.day.someEmployees(3);
		this.day.answered(plan, people.subList(0, 2), "ATTENDING");
		this.day.answered(plan, people.subList(2, 3), "WAITLISTED");
		this.checkIns.checkIn(plan, people.get(0), this.events.organiser().id(), UUID.randomUUID());
		Map<Long, Colleague> colleagues = this.directory.colleagues(people);
		Colleague first = colleagues.get(people.get(0));

		this.mvc.perform(get("/plans/{id}/check-in", plan).with(as(EventDay.CO_ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 / 3 人 受付済み")))
			.andExpect(content().string(containsString("キャンセル待ち")))
			.andExpect(content().string(containsString(first.department().name())))
			.andExpect(content().string(containsString(">" + first.reading() + "<")))
			.andExpect(content().string(containsString("formaction=\"check-in?intent=UNDO&amp;tapKey=")))
			.andExpect(content().string(containsString(colleagues.get(people.get(2)).name())));
		this.mvc.perform(get("/plans/{id}", plan).with(as(ApprovedEvents.ORGANISER)))
			.andExpect(content().string(containsString("/plans/" + plan + "/check-in")));
		assertThat(first.reading()).as("readings in hiragana").matches("[\\p{InHiragana}\\s　ー]+");
	}

	@Test
	void theFormWithoutScriptChecksInOnceAndUndoesWithItsIntent() throws Exception {
		long plan = this.day.today("フォームで受付 " + System.nanoTime(), 10);
		long person = this.day.someEmployees(1).get(0);
		this.day.answered(plan, List.of(person), "ATTENDING");
		String tapKey = UUID.randomUUID().toString();

		for (int sent = 0; sent < 2; sent++) {
			this.mvc.perform(post("/plans/{id}/check-in", plan).with(as(ApprovedEvents.ORGANISER)).with(csrf())
				.param("employeeId", String.valueOf(person)).param("intent", "CHECK_IN").param("tapKey", tapKey))
				.andExpect(redirectedUrl("/plans/" + plan + "/check-in#person-" + person));
		}
		assertThat(this.checkIns.whoCame(plan)).extracting(Came::employeeId).containsExactly(person);

		this.mvc.perform(post("/plans/{id}/check-in", plan).with(as(ApprovedEvents.ORGANISER)).with(csrf())
			.param("employeeId", String.valueOf(person)).param("intent", "UNDO").param("tapKey", UUID.randomUUID().toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.checkIns.whoCame(plan)).isEmpty();
	}

	@Test
	void thePhonesTapAndPollAsJsonAndSeeEachOthersCheckIns() throws Exception {
		long plan = this.day.today("二台の電話 " + System.nanoTime(), 10);
		List<Long> people = this.day.someEmployees(2);
		this.day.answered(plan, people, "ATTENDING");

		tap(plan, ApprovedEvents.ORGANISER, people.get(0), "CHECK_IN").andExpect(jsonPath("$.checkedIn").value(true))
			.andExpect(jsonPath("$.walkIn").value(false));
		tap(plan, EventDay.CO_ORGANISER, people.get(1), "CHECK_IN");
		this.mvc.perform(get("/plans/{id}/check-in/state", plan).with(as(ApprovedEvents.ORGANISER)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkedIn.length()").value(2))
			.andExpect(jsonPath("$.capacity").value(10));

		tap(plan, EventDay.CO_ORGANISER, people.get(0), "UNDO").andExpect(jsonPath("$.checkedIn").value(false));
		tap(plan, EventDay.CO_ORGANISER, people.get(0), "UNDO").andExpect(jsonPath("$.checkedIn").value(false));
		assertThat(this.checkIns.whoCame(plan)).extracting(Came::employeeId).containsExactly(people.get(1));
	}

	@Test
	void aColleagueFoundInTheDirectoryComesInAsAWalkInAndTheCapacityIsSaidToBeExceeded() throws Exception {
		long plan = this.day.today("飛び入りの会 " + System.nanoTime(), 1);
		List<Long> people = this.day.someEmployees(2);
		this.day.answered(plan, people.subList(0, 1), "ATTENDING");
		tap(plan, ApprovedEvents.ORGANISER, people.get(0), "CHECK_IN");
		Colleague colleague = this.directory.colleagues(List.of(people.get(1))).get(people.get(1));

		this.mvc.perform(get("/plans/{id}/check-in/people", plan).param("q", colleague.reading())
			.with(as(ApprovedEvents.ORGANISER)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == %d)].reading", colleague.id()).value(colleague.reading()));
		tap(plan, ApprovedEvents.ORGANISER, colleague.id(), "CHECK_IN").andExpect(jsonPath("$.walkIn").value(true));

		this.mvc.perform(get("/plans/{id}/check-in/state", plan).param("lang", "en").with(as(ApprovedEvents.ORGANISER)))
			.andExpect(jsonPath("$.walkIns[0].name").value(colleague.name()))
			.andExpect(jsonPath("$.walkIns[0].department").value(colleague.department().displayName(java.util.Locale.ENGLISH)));
		this.mvc.perform(get("/plans/{id}/check-in", plan).param("lang", "en").with(as(ApprovedEvents.ORGANISER)))
			.andExpect(content().string(containsString("1 / 1 checked in")))
			.andExpect(content().string(containsString("Walk-ins: 1")))
			.andExpect(content().string(containsString("With the walk-ins, 2 people are in for 1 seats: over the capacity.")));
	}

	@Test
	void someoneWhoIsNotAnOrganiserIsRefusedInTheirLanguageAndChangesNothing() throws Exception {
		long plan = this.day.today("幹事以外 " + System.nanoTime(), 10);
		long person = this.day.someEmployees(1).get(0);
		this.day.answered(plan, List.of(person), "ATTENDING");

		this.mvc.perform(get("/plans/{id}/check-in", plan).with(as("david.lee@tsunagu.example")).param("lang", "en"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only the organisers of this event can check people in.")))
			.andExpect(content().string(not(containsString("check-in-person"))));
		this.mvc.perform(post("/plans/{id}/check-in/taps", plan).with(as("david.lee@tsunagu.example")).with(csrf())
			.param("employeeId", String.valueOf(person)).param("intent", "CHECK_IN").param("tapKey", UUID.randomUUID().toString()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.refused").value("このイベントの受付ができるのは幹事だけです。"));
		this.mvc.perform(post("/plans/{id}/check-in", plan).with(as("david.lee@tsunagu.example")).with(csrf())
			.param("employeeId", String.valueOf(person)).param("intent", "CHECK_IN"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/plans/{id}", plan).with(as(EventDay.CO_ORGANISER)))
			.andExpect(content().string(containsString("/plans/" + plan + "/check-in")));
		assertThat(this.checkIns.whoCame(plan)).isEmpty();
	}

	@Test
	void outsideTheWindowOrForACancelledEventThePageAndTheTapsSaySoAndChangeNothing() throws Exception {
		long later = this.events.anApprovedEvent("来月の受付 " + System.nanoTime(), 10);
		long cancelled = this.day.today("中止の受付 " + System.nanoTime(), 10);
		this.events.cancel(cancelled);
		long person = this.day.someEmployees(1).get(0);

		this.mvc.perform(get("/plans/{id}/check-in", later).with(as(ApprovedEvents.ORGANISER)).param("lang", "en"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Check-in opens three hours before the event starts.")));
		this.mvc.perform(get("/plans/{id}", later).with(as(ApprovedEvents.ORGANISER)))
			.andExpect(content().string(not(containsString("/plans/" + later + "/check-in"))));
		this.mvc.perform(post("/plans/{id}/check-in/taps", cancelled).with(as(ApprovedEvents.ORGANISER)).with(csrf())
			.param("employeeId", String.valueOf(person)).param("intent", "CHECK_IN").param("lang", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.refused").value("This event was cancelled; nobody can be checked in."));
		this.mvc.perform(post("/plans/{id}/check-in", cancelled).with(as(ApprovedEvents.ORGANISER)).with(csrf())
			.param("employeeId", String.valueOf(person)).param("intent", "CHECK_IN"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("このイベントは中止になったため、受付できません。")));
		this.mvc.perform(post("/plans/{id}/check-in/taps", this.day.today("意図なし " + System.nanoTime(), 10))
			.with(as(ApprovedEvents.ORGANISER)).with(csrf()).param("intent", "CHECK_IN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.refused").value("誰を受付するのか、受付か取り消しかが指定されていないため、何も変更していません。"));
		this.mvc.perform(post("/plans/{id}/check-in/taps", this.day.today("鍵が壊れた " + System.nanoTime(), 10))
			.with(as(ApprovedEvents.ORGANISER)).with(csrf()).param("employeeId", String.valueOf(person))
			.param("intent", "CHECK_IN").param("tapKey", "not-a-key"))
			.andExpect(status().isBadRequest());
		assertThat(this.checkIns.whoCame(later)).isEmpty();
		assertThat(this.checkIns.whoCame(cancelled)).isEmpty();
	}

	@Test
	void theServiceWorkerIsServedForTheCheckInPages() throws Exception {
		this.mvc.perform(get("/plans/check-in-sw.js").with(as(ApprovedEvents.ORGANISER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("javascript")))
			.andExpect(content().string(containsString("addEventListener('fetch'")));
	}

	private org.springframework.test.web.servlet.ResultActions tap(long plan, String organiser, long person, String intent)
			throws Exception {
		return this.mvc.perform(post("/plans/{id}/check-in/taps", plan).with(as(organiser)).with(csrf())
			.accept(MediaType.APPLICATION_JSON)
			.param("employeeId", String.valueOf(person)).param("intent", intent).param("tapKey", UUID.randomUUID().toString()))
			.andExpect(status().isOk());
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
