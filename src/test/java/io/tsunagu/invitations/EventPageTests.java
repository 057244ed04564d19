package io.tsunagu.invitations;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organiser's view of an event's invitations: the funnel per wave, the answers with their notes,
 * and the attendee export.
 */
@TsunaguTest
class EventPageTests extends InvitationTestBase {

	@Test
	void showsTheFunnelOfTheWaveAndExportsOnlyTheAttendeesFormulaSafe() throws Exception {
		long plan = this.events.anApprovedEvent("数える会 " + System.nanoTime(), 30);
		List<EmployeeRef> people = List.of(person("david.lee@tsunagu.example"), person("yoko.nakamura@tsunagu.example"),
				person("officer@tsunagu.example"));
		List<String> tokens = this.support.invite(plan, people);
		this.answers.open(tokens.get(0), true);
		this.answers.answer(tokens.get(0), Answer.ATTENDING, "=HYPERLINK(\"http://example.invalid\")");
		this.answers.open(tokens.get(1), true);
		this.answers.answer(tokens.get(1), Answer.DECLINED, "出張と重なりました");

		WaveFunnel funnel = this.waves.page(plan, this.events.organiser().id(), null, null).funnel().get(0);
		assertThat(funnel).extracting(WaveFunnel::kind, WaveFunnel::invited, WaveFunnel::opened, WaveFunnel::answered,
				WaveFunnel::attending, WaveFunnel::waitlisted, WaveFunnel::declined, WaveFunnel::responseRate)
			.containsExactly(InvitationWave.Kind.PERSONAL, 3L, 2L, 2L, 1L, 0L, 1L, 67L);

		this.mvc.perform(get("/plans/{id}/invitations", plan).param("lang", "en").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("How the invitations are doing")))
			.andExpect(content().string(containsString("67%")))
			.andExpect(content().string(containsString("出張と重なりました")));

		byte[] csv = this.mvc.perform(get("/plans/{id}/invitations/attendees.csv", plan).param("lang", "en").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFName,Email,Department,Note,Answered at\r\n");
		assertThat(text).contains(people.get(0).email(), "\"'=HYPERLINK(\"\"http://example.invalid\"\")\"");
		assertThat(text).doesNotContain(people.get(1).email(), people.get(2).email());
		CSVRecord attendee = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords().get(1);
		assertThat(attendee.get(2)).as("the department by its name, in the reader's language")
			.isEqualTo(this.directory.department(people.get(0).departmentCode()).orElseThrow().displayName(Locale.ENGLISH))
			.isNotEqualTo(people.get(0).departmentCode());
		assertThat(attendee.get(4)).as("a time a spreadsheet reads").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
	}

	@Test
	void theListOfInvitationsSentShowsOneAnswerAtATimeWithDepartmentsAndWaves() throws Exception {
		long plan = this.events.anApprovedEvent("絞り込む会 " + System.nanoTime(), 30);
		EmployeeRef david = person("david.lee@tsunagu.example");
		EmployeeRef yoko = person("yoko.nakamura@tsunagu.example");
		EmployeeRef officer = person("officer@tsunagu.example");
		List<String> tokens = this.support.invite(plan, List.of(david, yoko, officer));
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(1), Answer.DECLINED, "出張です");

		org.jsoup.nodes.Document all = org.jsoup.Jsoup.parse(this.mvc.perform(get("/plans/{id}/invitations", plan)
			.param("lang", "en")
			.with(organiser())).andReturn().getResponse().getContentAsString());
		assertThat(all.select("#answer-filter a").eachText()).containsExactly("All (3)", "Not answered (1)",
				"Attending (1)", "Waitlisted (0)", "Declined (1)");
		assertThat(all.select("#sent tbody tr")).hasSize(3);
		assertThat(all.select("#sent tbody tr").get(0).text()).contains(david.name(), "Logistics", "A personal invitation",
				"Attending");

		org.jsoup.nodes.Document declined = org.jsoup.Jsoup.parse(this.mvc.perform(get("/plans/{id}/invitations", plan)
			.param("answer", "DECLINED")
			.param("lang", "ja")
			.with(organiser())).andReturn().getResponse().getContentAsString());
		assertThat(declined.select("#sent tbody tr").eachText()).singleElement()
			.satisfies(row -> assertThat(row).contains(yoko.name(), "欠席", "出張です"));
		assertThat(declined.select("#answer-filter a.active").text()).isEqualTo("欠席（1）");
	}

	@Test
	void aDeclineGetsOneLightReplyByMailWithTheSuggestionEditable() throws Exception {
		long plan = this.events.anApprovedEvent("断られる会 " + System.nanoTime(), 30);
		EmployeeRef david = person("david.lee@tsunagu.example");
		EmployeeRef yoko = person("yoko.nakamura@tsunagu.example");
		// Yoko reads Japanese: the suggestion is in the invitee's language.
		List<String> tokens = this.support.invite(plan, List.of(yoko, david));
		this.answers.answer(tokens.get(0), Answer.DECLINED, "その日は家族の予定があります");
		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		List<Long> ids = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? ORDER BY id").param(plan).query(Long.class).list();

		this.mvc.perform(get("/plans/{id}/invitations", plan).with(organiser()))
			.andExpect(content().string(containsString("その日は家族の予定があります")))
			.andExpect(content().string(containsString(yoko.name() + "さん、ご連絡ありがとうございます。また今度ランチでも行きましょう。")));
		long organiser = this.events.organiser().id();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(InvitationRefused.class)
			.isThrownBy(() -> this.waves.replyToDecline(plan, ids.get(1), organiser, ApprovedEvents.ORGANISER, "またね"))
			.extracting(InvitationRefused::messageKey)
			.isEqualTo("invitations.refused.notDeclined");

		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/plans/{id}/invitations/{i}/decline-reply", plan, ids.get(0))
				.param("text", "陽子さん、了解です。また今度ランチでも行きましょう！")
				.with(organiser())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flash", "invitations.declineReply.sent"));
		assertThat(this.jdbc.sql("SELECT recipient || '|' || text_body FROM mail_outbox WHERE dedupe_key = ?")
			.param("decline-reply-" + ids.get(0))
			.query(String.class)
			.single()).startsWith(yoko.email() + "|陽子さん、了解です。また今度ランチでも行きましょう！");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(InvitationRefused.class)
			.isThrownBy(() -> this.waves.replyToDecline(plan, ids.get(0), organiser, ApprovedEvents.ORGANISER, "もう一度"))
			.extracting(InvitationRefused::messageKey)
			.isEqualTo("invitations.refused.replied");
	}

	@Test
	void theExportIsForOrganisersOnly() throws Exception {
		long plan = this.events.anApprovedEvent("出力の会 " + System.nanoTime(), 30);
		this.mvc.perform(get("/plans/{id}/invitations/attendees.csv", plan)
				.with(user(this.users.loadUserByUsername("david.lee@tsunagu.example"))))
			.andExpect(status().isNotFound());
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor organiser() {
		return user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER));
	}

}
