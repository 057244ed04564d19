package io.tsunagu.invitations;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.PlanStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Names, messages and notes with {@code " ; , : \}, line breaks, emoji and thousands of characters go
 * into iCalendar, mail and CSV encoded for each, and one invitee whose address cannot take mail never
 * stops the others: the wave goes out and the organiser is told who was not reached and why. On a schema
 * of its own, since its people (with a join year of their own) must not turn up in other tests' audiences.
 */
@TsunaguTest
@IsolatedDatabase("hostiledata")
class HostileDataWaveTests extends InvitationTestBase {

	// Each test's people joined in a year of their own, so that one test's audience never holds another's.
	static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(1901);

	// A name with everything a CN parameter, a MIME header and a CSV cell must encode; the CSV import takes it.
	static final String QUOTED = "Ann \"Ace\" O'Neil; Sales, Tokyo: \\ 🎉\r\nsecond line";

	static final String FORMULA = "=HYPERLINK(\"http://x.example\";\"c\"), 田中 🍣 ^caret";

	static final String MESSAGE = ("\"引用\" ; , : \\ 改行\r\n絵文字🎉 ").repeat(100).substring(0, 2000);

	@Autowired
	Broadcasts broadcasts;

	int joined;

	EmployeeRef organiser;

	EmployeeRef quoted;

	EmployeeRef formula;

	EmployeeRef broken;

	@BeforeEach
	void people() {
		this.joined = YEARS.getAndIncrement();
		this.organiser = this.events.organiser();
		this.quoted = employee(QUOTED, "ann.quoted");
		this.formula = employee(FORMULA, "formula");
		// An address no mail can go to (say, edited in the database by hand): the wave goes on without it.
		this.broken = employee("Broken Address", "broken address <at> nowhere");
	}

	@Test
	void aPersonalWaveReachesEveryoneItCanAndNamesWhoItCouldNotAndWhy() throws Exception {
		long plan = this.events.anApprovedEvent("\"乾杯\"; 会, 議: \\ 🎉 " + System.nanoTime(), 30);
		List<EmployeeRef> people = List.of(this.quoted, this.broken, this.formula);
		for (EmployeeRef person : people) {
			this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, person.id());
		}
		for (Long id : this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? ORDER BY id").param(plan).query(Long.class).list()) {
			this.waves.write(plan, id, this.organiser.id(), MESSAGE);
		}

		var sent = this.mvc.perform(post("/plans/{id}/invitations/send", plan).with(organiserLogin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "invitations.sent"))
			.andExpect(flash().attribute("flashArgs", arrayContaining((Object) 2)))
			.andExpect(flash().attribute("unreached", List.of(new WaveOutcome.Unreached("Broken Address",
					this.broken.email(), "invitations.unreachable.address"))))
			.andReturn();

		assertThat(this.plans.event(plan).orElseThrow().status()).isEqualTo(PlanStatus.INVITING);
		ICalendar calendar = calendarOf(plan, this.quoted);
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getAttendees()).singleElement().satisfies(attendee -> {
			assertThat(attendee.getCommonName()).isEqualTo("Ann \"Ace\" O'Neil; Sales, Tokyo: \\ 🎉 second line");
			assertThat(attendee.getEmail()).isEqualTo(this.quoted.email());
		});
		assertThat(event.getSummary().getValue()).isEqualTo(this.plans.event(plan).orElseThrow().title());
		assertThat(calendarOf(plan, this.formula).getEvents().get(0).getAttendees().get(0).getCommonName()).isEqualTo(FORMULA);
		assertThat(textOf(plan, this.quoted)).contains("\"引用\" ; , : \\ 改行", "絵文字🎉");
		assertThat(this.jdbc.sql("SELECT recipient_name FROM mail_outbox WHERE dedupe_key = ?")
			.param("invitation-" + invitationOf(plan, this.quoted))
			.query(String.class)
			.single()).isEqualTo(QUOTED);

		assertThat(this.jdbc.sql("""
				SELECT w.status FROM invitations i JOIN invitation_waves w ON w.id = i.wave_id
				WHERE i.plan_id = ? AND i.employee_id = ? AND i.sent_at IS NULL""")
			.params(plan, this.broken.id())
			.query(String.class)
			.single()).as("back on a list being written, to be sent once the directory is corrected").isEqualTo("DRAFT");
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitation_links l JOIN invitations i ON i.id = l.invitation_id "
				+ "WHERE i.plan_id = ? AND i.employee_id = ?").params(plan, this.broken.id()).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(this.broken.email())
			.query(Long.class).single()).isZero();

		// The flash lives in the session (in the database): follow the redirect with its cookie.
		this.mvc.perform(get("/plans/{id}/invitations", plan).cookie(sent.getResponse().getCookie("SESSION"))
			.with(organiserLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1人には招待を送れませんでした")))
			.andExpect(content().string(containsString("名簿のメールアドレスにはメールを送れません")));
	}

	@Test
	void aBroadcastReachesEveryoneItCanAndTheAttendeeListExportsEveryValueIntact() throws Exception {
		long plan = this.events.anApprovedEvent("全員の会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow()));
		String announcement = MESSAGE;
		BroadcastForm form = new BroadcastForm(Set.of(), Set.of(), String.valueOf(this.joined), String.valueOf(this.joined),
				announcement, null);
		long audience = this.broadcasts.preview(plan, this.organiser.id(), form).preview().count();
		assertThat(audience).isGreaterThanOrEqualTo(3);

		WaveOutcome outcome = this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER,
				new BroadcastForm(Set.of(), Set.of(), String.valueOf(this.joined), String.valueOf(this.joined), announcement,
						audience));

		assertThat(outcome.invited()).isEqualTo(audience - 1);
		assertThat(outcome.unreached()).containsExactly(
				new WaveOutcome.Unreached("Broken Address", this.broken.email(), "invitations.unreachable.address"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, this.broken.id()).query(Long.class).single()).isZero();
		assertThat(calendarOf(plan, this.quoted, "announcement").getEvents().get(0).getAttendees().get(0).getCommonName())
			.isEqualTo("Ann \"Ace\" O'Neil; Sales, Tokyo: \\ 🎉 second line");

		String note = ("メモ \"; , : \\\n🎉").repeat(100).substring(0, 1000);
		for (EmployeeRef person : List.of(this.quoted, this.formula)) {
			assertThat(this.answers.answer(tokenOf(plan, person), Answer.ATTENDING, note)).contains(Answer.ATTENDING);
		}
		String csv = this.waves.attendeesCsv(plan, this.organiser.id(), key -> key, Locale.JAPANESE);
		List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).get(0)).isEqualTo(QUOTED);
		assertThat(rows.get(1).get(3)).isEqualTo(note.strip());
		assertThat(rows.get(2).get(0)).as("a formula stays text").isEqualTo("'" + FORMULA);
	}

	private EmployeeRef employee(String name, String local) {
		String code = "H" + System.nanoTime();
		String email = local.contains(" ") ? local + code : local + "." + code + "@tsunagu.example";
		long id = this.jdbc.sql("""
				INSERT INTO employees (code, name, email, department_id, rank, join_year, locale)
				VALUES (?, ?, ?, (SELECT id FROM departments WHERE code = 'SALES'), 'STAFF', ?, 'ja') RETURNING id""")
			.params(code, name, email, this.joined)
			.query(Long.class)
			.single();
		return this.directory.findById(id).orElseThrow();
	}

	private long invitationOf(long plan, EmployeeRef person) {
		return this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, person.id())
			.query(Long.class)
			.single();
	}

	private ICalendar calendarOf(long plan, EmployeeRef person) {
		return calendarOf(plan, person, "invitation");
	}

	private ICalendar calendarOf(long plan, EmployeeRef person, String kind) {
		byte[] ics = this.jdbc.sql("SELECT a.content FROM mail_attachments a JOIN mail_outbox o ON o.id = a.mail_id "
				+ "WHERE o.dedupe_key = ?")
			.param(kind + "-" + invitationOf(plan, person))
			.query(byte[].class)
			.single();
		return Biweekly.parse(new String(ics, StandardCharsets.UTF_8)).first();
	}

	private String textOf(long plan, EmployeeRef person) {
		return this.jdbc.sql("SELECT text_body FROM mail_outbox WHERE dedupe_key = ?")
			.param("invitation-" + invitationOf(plan, person))
			.query(String.class)
			.single();
	}

	private String tokenOf(long plan, EmployeeRef person) {
		String body = this.jdbc.sql("SELECT text_body FROM mail_outbox WHERE dedupe_key = ?")
			.param("announcement-" + invitationOf(plan, person))
			.query(String.class)
			.single();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/rsvp/([A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor organiserLogin() {
		return SecurityMockMvcRequestPostProcessors.user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER));
	}

}
