package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.PlanStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organiser's personal wave against the database: only approved events invite, each message is
 * checked, and sending queues one mail per invitee with its own link and a calendar invitation.
 */
@TsunaguTest
class PersonalWaveTests extends InvitationTestBase {

	EmployeeRef organiser;

	EmployeeRef david;

	EmployeeRef yoko;

	@BeforeEach
	void fixtures() {
		this.organiser = this.events.organiser();
		this.david = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		this.yoko = this.directory.findByEmail("yoko.nakamura@tsunagu.example").orElseThrow();
	}

	@Test
	void refusesToInviteToAPlanNotYetApproved() {
		java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(30));
		long draft = this.events.aDraft("未承認の会 " + System.nanoTime(), 20, start, start.minus(java.time.Duration.ofDays(3)));
		assertThatExceptionOfType(InvitationRefused.class)
			.isThrownBy(() -> this.waves.add(draft, this.organiser.id(), ApprovedEvents.ORGANISER, this.david.id()))
			.extracting(InvitationRefused::messageKey)
			.isEqualTo("invitations.refused.notApproved");
		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ?", draft)).isZero();
	}

	@Test
	void sendingQueuesOnePersonalMailPerInviteeWithItsOwnLinkAndACalendarRequest() {
		long plan = this.events.anApprovedEvent("部署横断ランチ会 " + System.nanoTime(), 30);
		List<String> tokens = this.support.invite(plan, List.of(this.david, this.yoko));

		assertThat(this.plans.event(plan).orElseThrow().status()).isEqualTo(PlanStatus.INVITING);
		assertThat(tokens).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).hasSize(43));
		String text = this.jdbc.sql("""
				SELECT o.text_body FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'invitation-' || i.id
				WHERE i.plan_id = ? AND i.employee_id = ?""").params(plan, this.david.id()).query(String.class).single();
		int message = text.indexOf("先日の新人研修");
		assertThat(message).as("the personal message comes first").isPositive();
		assertThat(text.indexOf("部署横断ランチ会")).isGreaterThan(message);
		assertThat(text).contains("部署を越えて顔見知りになる", "本社 8F 大会議室", this.organiser.name(), "/rsvp/" + tokens.get(0))
			.containsPattern("When: \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}–\\d{2}:\\d{2}\\n")
			.as("the company's zone goes without saying, and never as an IANA id").doesNotContain("Asia/Tokyo");
		assertThat(count("SELECT count(*) FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'invitation-' || i.id WHERE i.plan_id = ?", plan))
			.isEqualTo(2);

		var attachment = this.jdbc.sql("""
				SELECT a.filename, a.content_type, a.content FROM mail_attachments a
				JOIN mail_outbox o ON o.id = a.mail_id JOIN invitations i ON o.dedupe_key = 'invitation-' || i.id
				WHERE i.plan_id = ? AND i.employee_id = ?""")
			.params(plan, this.david.id())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), new String(rs.getBytes(3), StandardCharsets.UTF_8)))
			.single();
		assertThat(attachment.get(0)).isEqualTo("invitation.ics");
		assertThat(attachment.get(1)).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
		assertThat(attachment.get(2)).contains("METHOD:REQUEST", "UID:tsunagu-event-" + plan + "@", "TZID=Asia/Tokyo",
				"ATTENDEE;RSVP=FALSE");

		byte[] stored = this.jdbc.sql("""
				SELECT l.token_hash FROM invitation_links l JOIN invitations i ON i.id = l.invitation_id
				WHERE i.plan_id = ? AND i.employee_id = ?""")
			.params(plan, this.david.id())
			.query(byte[].class)
			.single();
		assertThat(stored).as("only the SHA-256 of the token is kept")
			.isEqualTo(RsvpToken.parse(tokens.get(0)).orElseThrow().hash())
			.isNotEqualTo(tokens.get(0).getBytes(StandardCharsets.US_ASCII));
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE html_body LIKE '%' || ? || '%'", tokens.get(1)))
			.isEqualTo(1);
	}

	@Test
	void someoneWhoLeftTheOrgChartIsNotSentTheWaveNorAddedToAnother() {
		String key = "leaver." + System.nanoTime();
		long department = this.jdbc.sql("INSERT INTO departments (code, name) VALUES (?, '退職テスト課') RETURNING id")
			.param(key)
			.query(Long.class)
			.single();
		long leaver = this.jdbc.sql("""
				INSERT INTO employees (code, name, email, department_id, rank, join_year)
				VALUES (?, '去る 人', ?, ?, 'STAFF', 2020) RETURNING id""")
			.params(key, key + "@tsunagu.example", department)
			.query(Long.class)
			.single();
		long plan = this.events.anApprovedEvent("退職者のいる会 " + System.nanoTime(), 30);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, leaver);
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, leaver)
			.query(Long.class)
			.single();
		this.waves.write(plan, invitation, this.organiser.id(), "去るさん、先日の棚卸しではありがとうございました。ぜひ来てください。");
		this.jdbc.sql("UPDATE employees SET active = FALSE, deactivated_at = now() WHERE id = ?").param(leaver).update();

		WaveOutcome outcome = this.waves.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER);

		assertThat(outcome.invited()).isZero();
		assertThat(outcome.unreached()).extracting(WaveOutcome.Unreached::reason)
			.containsExactly("invitations.unreachable.gone");
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(?)", key + "@tsunagu.example"))
			.isZero();
		long another = this.events.anApprovedEvent("退職者を呼ばない会 " + System.nanoTime(), 30);
		assertThatExceptionOfType(InvitationNotFound.class)
			.isThrownBy(() -> this.waves.add(another, this.organiser.id(), ApprovedEvents.ORGANISER, leaver));
	}

	@Test
	void refusesToSendAWaveWithAnInviteeWithoutMessageAndQueuesNothing() {
		long plan = this.events.anApprovedEvent("メッセージなしの会 " + System.nanoTime(), 30);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, this.david.id());
		assertThatExceptionOfType(InvitationRefused.class)
			.isThrownBy(() -> this.waves.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER))
			.extracting(InvitationRefused::messageKey)
			.isEqualTo("invitations.refused.noMessage");
		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ? AND sent_at IS NOT NULL", plan)).isZero();
		assertThat(this.plans.event(plan).orElseThrow().status()).isEqualTo(PlanStatus.APPROVED);
	}

	@Test
	void showsTheFindingsNextToEachMessageAndLetsTheOrganiserSendAnyway() throws Exception {
		long plan = this.events.anApprovedEvent("チェックされる会 " + System.nanoTime(), 30);
		for (EmployeeRef person : List.of(this.david, this.yoko)) {
			this.mvc.perform(post("/plans/{id}/invitations/invitees", plan).param("employeeId", String.valueOf(person.id()))
					.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))).with(csrf()))
				.andExpect(status().isFound())
				.andExpect(flash().attribute("flash", "invitations.added"));
		}
		List<Long> ids = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? ORDER BY id").param(plan).query(Long.class).list();
		String copy = "いつもお世話になっています。今回の交流会にぜひご参加ください。部署を越えて話せる貴重な機会です。";
		for (Long id : ids) {
			this.mvc.perform(post("/plans/{id}/invitations/{i}/message", plan, id).param("text", copy)
					.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))).with(csrf()))
				.andExpect(flash().attribute("flash", "invitations.saved"));
		}
		this.mvc.perform(get("/plans/{id}/invitations", plan).param("lang", "en")
				.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nearly the same as the message to " + this.yoko.name())))
			.andExpect(content().string(containsString("Does not name the person")));

		this.mvc.perform(post("/plans/{id}/invitations/send", plan)
				.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))).with(csrf()))
			.andExpect(flash().attribute("flash", "invitations.sent"));
		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ? AND sent_at IS NOT NULL", plan)).isEqualTo(2);
	}

	@Test
	void formsWithoutFieldsOfTheirOwnRefuseControlCharactersAndTypeErrorsOnAPageInThePersonsLanguage() throws Exception {
		long plan = this.events.anApprovedEvent("不正な入力の会 " + System.nanoTime(), 30);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, this.david.id());
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ?").param(plan).query(Long.class).single();
		this.mvc.perform(post("/plans/{id}/invitations/{i}/message", plan, invitation).param("text", "ありがとう\u0000")
				.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("何も変更していません")))
			.andExpect(content().string(containsString("保存できない制御文字（NULなど）が含まれています。")));
		this.mvc.perform(post("/plans/{id}/invitations/capacity", plan).param("capacity", "abc").param("lang", "en")
				.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a whole number")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
		this.mvc.perform(get("/plans/{id}/invitations", plan).param("answer", "MAYBE")
				.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("表示された選択肢から選ぶか")));
		assertThat(this.jdbc.sql("SELECT message FROM invitations WHERE id = ?").param(invitation).query(String.class)
			.optional()).isEmpty();
	}

	@Test
	void searchFindsColleaguesByNameNotYetInvited() throws Exception {
		long plan = this.events.anApprovedEvent("検索の会 " + System.nanoTime(), 30);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, this.david.id());
		this.mvc.perform(get("/plans/{id}/invitations", plan).param("q", this.yoko.name())
				.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.yoko.email())));
		WavePage page = this.waves.page(plan, this.organiser.id(), "tsunagu.example", null);
		assertThat(page.matches()).extracting(match -> match.person().id()).doesNotContain(this.david.id()).isNotEmpty();
	}

	@Test
	void theInvitationsPageOfAnotherPlanIsNotFoundAsForAPlanThatDoesNotExist() throws Exception {
		// Answering 403 for an existing plan and 404 for a missing one would let anyone list the plan ids.
		long plan = this.events.anApprovedEvent("幹事だけの会 " + System.nanoTime(), 30);
		long missing = this.jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM event_plans").query(Long.class).single();
		for (long id : new long[] { plan, missing }) {
			this.mvc.perform(get("/plans/{id}/invitations", id).with(user(this.users.loadUserByUsername(this.david.email()))))
				.andExpect(status().isNotFound());
		}
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
