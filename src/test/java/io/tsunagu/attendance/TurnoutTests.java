package io.tsunagu.attendance;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Turnouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Who came: the event page's line (came of attending, walk-ins, and the no-shows once the event is over),
 * the funnel's last step per wave, and the CSV of who came, for the organisers alone.
 */
class TurnoutTests extends AttendanceTestBase {

	private static final Pattern CAME_CELL = Pattern.compile("fw-bold came\">(\\d+)<");

	private static final String FORMULA = "=HYPERLINK(\"http://x.example\";\"c\")";

	private static final String HELPER = "emily.clark@tsunagu.example";

	@Autowired
	CheckIns checkIns;

	@Autowired
	Turnouts turnouts;

	@Test
	void countsWhoCameOfThoseAttendingPerWaveAndTheNoShowsOnceTheEventIsOver() throws Exception {
		long plan = this.day.today("来場を数える会 " + System.nanoTime(), 30);
		this.events.aTaskHandedTo(plan, HELPER, "受付の準備");
		List<Long> people = guests(8).stream().map(EmployeeRef::id).toList();
		this.day.answered(plan, people.subList(0, 4), "ATTENDING");
		this.day.answered(plan, people.subList(4, 6), "ATTENDING");
		this.day.answered(plan, people.subList(6, 7), "DECLINED");
		// Three of the first wave, one of the second, the one who declined and someone never invited.
		for (long person : List.of(people.get(0), people.get(1), people.get(2), people.get(4), people.get(6), people.get(7))) {
			this.checkIns.checkIn(plan, person, this.events.organiser().id(), UUID.randomUUID());
		}
		UserDetails organiser = login(ApprovedEvents.ORGANISER);

		assertThat(this.turnouts.of(this.plans.event(plan).orElseThrow())).contains(new Turnouts.Turnout(4, 6, 2, 0, false));
		assertThat(page("/plans/" + plan, organiser, "ja")).contains("来場: 参加予定6人中4人（67%）、当日参加2人")
			.doesNotContain("来なかった人");
		assertThat(cameCells(page("/plans/" + plan + "/invitations", organiser, "ja")))
			.as("invited → opened → answered → attending → came, per wave").containsExactly(3, 1, 0);

		this.day.movedToThePast(plan, 5);
		assertThat(this.turnouts.of(this.plans.event(plan).orElseThrow())).contains(new Turnouts.Turnout(4, 6, 2, 2, true));
		assertThat(page("/plans/" + plan, organiser, "en")).contains("Came: 4 of 6 attending (67%), 2 walk-ins",
				"No-shows (attending, never checked in): 2", "came.csv");
		assertThat(page("/plans/" + plan, login(HELPER), "ja")).as("whoever sees the event's page sees the figures")
			.contains("来場: 参加予定6人中4人（67%）、当日参加2人", "参加予定で来なかった人: 2人")
			.doesNotContain("came.csv");
		assertThat(this.mvc.perform(get("/plans/" + plan).with(user(login(UNRELATED)))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void beforeTheCheckInOpensNobodyHasComeYet() throws Exception {
		Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("来週の会 " + System.nanoTime(), 30, start, start.minus(2, ChronoUnit.DAYS));
		this.day.answered(plan, guests(2).stream().map(EmployeeRef::id).toList(), "ATTENDING");
		UserDetails organiser = login(ApprovedEvents.ORGANISER);

		assertThat(this.turnouts.of(this.plans.event(plan).orElseThrow())).isEmpty();
		assertThat(page("/plans/" + plan, organiser, "ja")).doesNotContain("id=\"turnout\"");
		String waves = page("/plans/" + plan + "/invitations", organiser, "ja");
		assertThat(waves).contains("id=\"funnel\"");
		assertThat(cameCells(waves)).isEmpty();
	}

	@Test
	void theListOfWhoCameIsASafeSpreadsheetForTheOrganisersAlone() throws Exception {
		long plan = this.day.today("来場者リストの会 " + System.nanoTime(), 30);
		this.events.aTaskHandedTo(plan, HELPER, "名札づくり");
		EmployeeRef guest = guests(1).get(0);
		EmployeeRef hostile = employee(FORMULA);
		this.day.answered(plan, List.of(guest.id()), "ATTENDING");
		this.checkIns.checkIn(plan, guest.id(), this.events.organiser().id(), UUID.randomUUID());
		this.checkIns.checkIn(plan, hostile.id(), this.events.organiser().id(), UUID.randomUUID());

		MvcResult csv = this.mvc.perform(get("/plans/" + plan + "/came.csv").param("lang", "ja")
			.with(user(login(EventDay.CO_ORGANISER)))).andReturn();
		assertThat(csv.getResponse().getStatus()).isEqualTo(200);
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).values()).containsExactly("氏名", "部署", "当日参加", "受付日時");
		assertThat(rows.get(1).get(0)).isEqualTo(guest.name());
		assertThat(rows.get(1).get(1)).isEqualTo(this.directory.department(guest.departmentCode()).orElseThrow().displayName(java.util.Locale.JAPANESE));
		assertThat(rows.get(1).get(2)).isEqualTo("いいえ");
		assertThat(rows.get(1).get(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(rows.get(2).get(0)).as("a formula stays text").isEqualTo("'" + FORMULA);
		assertThat(rows.get(2).get(2)).isEqualTo("はい");

		for (String other : List.of(HELPER, UNRELATED, guest.email())) {
			assertThat(this.mvc.perform(get("/plans/" + plan + "/came.csv").with(user(login(other)))).andReturn()
				.getResponse().getStatus()).as(other).isEqualTo(404);
		}
		assertThat(this.mvc.perform(get("/plans/" + plan + "/came.csv")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	private String page(String path, UserDetails viewer, String lang) throws Exception {
		MvcResult result = this.mvc.perform(get(path).param("lang", lang).with(user(viewer))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static List<Integer> cameCells(String html) {
		List<Integer> cells = new ArrayList<>();
		Matcher cell = CAME_CELL.matcher(html);
		while (cell.find()) {
			cells.add(Integer.parseInt(cell.group(1)));
		}
		return cells;
	}

	/** Someone new on the org chart (this schema is the tests' own), with an account to log in with. */
	private EmployeeRef employee(String name) {
		String code = "T" + System.nanoTime();
		long id = this.jdbc.sql("""
				INSERT INTO employees (code, name, email, department_id, rank, join_year, locale)
				VALUES (?, ?, ?, (SELECT id FROM departments WHERE code = 'SALES'), 'STAFF', 2020, 'ja') RETURNING id""")
			.params(code, name, "t." + code + "@tsunagu.example")
			.query(Long.class)
			.single();
		return this.directory.findById(id).orElseThrow();
	}

}
