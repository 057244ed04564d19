package io.tsunagu.attendance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.invitations.MessageCheck;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Thanking the team after an event: a personal message to each co-organiser and helper, read as the
 * personal invitations are and refused whole when one is copied, too short or unnamed; mailed to each in
 * their language; one short note to those who came, and to nobody who did not; nothing before the event
 * is over, nothing by anyone but its organisers.
 */
class ThanksTests extends AttendanceTestBase {

	static final String HELPER = "emily.clark@tsunagu.example";

	@Autowired
	Thanks thanks;

	@Autowired
	CheckIns checkIns;

	long lead;

	EmployeeRef co;

	EmployeeRef helper;

	@BeforeEach
	void fixtures() {
		this.lead = this.events.organiser().id();
		this.co = this.directory.findByEmail(EventDay.CO_ORGANISER).orElseThrow();
		this.helper = this.directory.findByEmail(HELPER).orElseThrow();
	}

	@Test
	void eachOfTheTeamGetsTheirThankYouInTheirOwnLanguageRecordedAndAudited() {
		long plan = anEventThatIsOver("夏の交流会 " + System.nanoTime());

		int sent = this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER, Map.of(
				this.co.id(), "伊藤さん、当日の受付を一手に引き受けてくださって本当に助かりました。営業部の皆さんにも声をかけてくれてありがとう。",
				this.helper.id(), "Emily, thank you for finding the venue and booking the second room at such short notice!"));

		assertThat(sent).isEqualTo(2);
		assertThat(mail(plan, "thank-you", EventDay.CO_ORGANISER)).containsExactly("ja", "佐藤 美咲さんから「" + title(plan) + "」のお礼");
		assertThat(mail(plan, "thank-you", HELPER)).containsExactly("en", "Thank you from 佐藤 美咲 for “" + title(plan) + "”");
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE dedupe_key LIKE ?")
			.param("thank-you-" + plan + "-%")
			.query(Long.class)
			.single()).as("nobody else is thanked").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'attendance.thank-you' AND subject = ?")
			.param("plan " + plan)
			.query(Long.class)
			.single()).isEqualTo(2);
		ThanksPage page = this.thanks.page(plan, this.lead, Map.of(), Map.of());
		assertThat(page.team()).extracting(row -> row.person().id()).containsExactly(this.co.id(), this.helper.id());
		assertThat(page.team().get(1).tasks()).containsExactly("会場の下見と予約");
		assertThat(page.team()).allSatisfy(row -> assertThat(row.sent()).isNotNull());
		assertThat(page.anyToWrite()).isFalse();
	}

	@Test
	void aCopyPastedThankYouIsRefusedWithWhatTheCheckFoundAndNothingGoesOut() {
		long plan = anEventThatIsOver("秋の交流会 " + System.nanoTime());
		String template = "さん、今回の準備では本当にお世話になりました。おかげで素晴らしい会になりました。またよろしくお願いします。";

		assertThatThrownBy(() -> this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER,
				Map.of(this.co.id(), "伊藤" + template, this.helper.id(), "Emily" + template)))
			.isInstanceOfSatisfying(ThanksRefused.class, refused -> {
				assertThat(refused.messageKey()).isEqualTo("attendance.thanks.refused.check");
				assertThat(refused.findings().get(this.co.id())).extracting(MessageCheck.Finding::kind)
					.containsExactly(MessageCheck.Finding.Kind.NEAR_COPY);
				assertThat(refused.findings().get(this.helper.id())).extracting(MessageCheck.Finding::kind)
					.containsExactly(MessageCheck.Finding.Kind.NEAR_COPY);
			});
		assertNothingSent(plan);

		// A copy of a thank-you sent earlier is a copy too.
		this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER, Map.of(this.co.id(), "伊藤" + template));
		assertThatThrownBy(() -> this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER,
				Map.of(this.helper.id(), "Emily" + template)))
			.isInstanceOfSatisfying(ThanksRefused.class, refused -> assertThat(refused.findings().get(this.helper.id()))
				.extracting(MessageCheck.Finding::kind)
				.containsExactly(MessageCheck.Finding.Kind.NEAR_COPY));
		assertThat(mail(plan, "thank-you", HELPER)).isEmpty();
	}

	@Test
	void aThankYouTooShortOrNamingNobodyIsRefused() {
		long plan = anEventThatIsOver("冬の交流会 " + System.nanoTime());

		assertThatThrownBy(() -> this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER,
				Map.of(this.co.id(), "伊藤さん、ありがとう！")))
			.isInstanceOfSatisfying(ThanksRefused.class, refused -> assertThat(refused.findings().get(this.co.id()))
				.extracting(MessageCheck.Finding::kind)
				.containsExactly(MessageCheck.Finding.Kind.TOO_SHORT));
		assertThatThrownBy(() -> this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER,
				Map.of(this.helper.id(), "Thank you so much for finding the venue and booking the second room in time!")))
			.isInstanceOfSatisfying(ThanksRefused.class, refused -> assertThat(refused.findings().get(this.helper.id()))
				.extracting(MessageCheck.Finding::kind)
				.containsExactly(MessageCheck.Finding.Kind.DOES_NOT_NAME_INVITEE));
		assertThatThrownBy(() -> this.thanks.thankTeam(plan, this.lead, ApprovedEvents.ORGANISER, Map.of(this.co.id(), " ")))
			.isInstanceOfSatisfying(ThanksRefused.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("attendance.thanks.refused.empty"));
		assertNothingSent(plan);
	}

	@Test
	void theNoteGoesToThoseWhoCameWalkInsIncludedAndToNobodyWhoStayedAway() {
		long plan = this.day.today("写真の会 " + System.nanoTime(), 10);
		List<Long> people = this.day.someEmployees(4);
		this.day.answered(plan, people.subList(0, 3), "ATTENDING");
		long walkIn = people.get(3);
		for (long person : List.of(people.get(0), people.get(1), walkIn)) {
			this.checkIns.checkIn(plan, person, this.lead, UUID.randomUUID());
		}
		this.day.movedToThePast(plan, 5);

		int sent = this.thanks.noteToThoseWhoCame(plan, this.lead, ApprovedEvents.ORGANISER, "当日の写真はこちらです: https://photos.tsunagu.example/summer");

		assertThat(sent).isEqualTo(3);
		Map<Long, EmployeeRef> refs = this.directory.findAllById(people);
		List<String> recipients = this.jdbc.sql("SELECT recipient FROM mail_outbox WHERE kind = 'thank-you-note' AND dedupe_key LIKE ?")
			.param("thank-you-note-" + plan + "-%")
			.query(String.class)
			.list();
		assertThat(recipients).containsExactlyInAnyOrder(refs.get(people.get(0)).email(), refs.get(people.get(1)).email(),
				refs.get(walkIn).email());
		assertThat(recipients).as("said yes but did not come").doesNotContain(refs.get(people.get(2)).email());
		assertThat(this.thanks.page(plan, this.lead, Map.of(), Map.of()).note().recipients()).isEqualTo(3);
		assertThatThrownBy(() -> this.thanks.noteToThoseWhoCame(plan, this.lead, ApprovedEvents.ORGANISER, "もう一度"))
			.isInstanceOfSatisfying(ThanksRefused.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("attendance.note.refused.sent"));
	}

	@Test
	void nothingIsSentBeforeTheEventIsOverNorByAnyoneButItsOrganisers() {
		long today = this.day.today("まだ終わっていない会 " + System.nanoTime(), 10);
		this.events.aTaskHandedTo(today, HELPER, "受付の準備");
		Map<Long, String> good = Map.of(this.helper.id(), "Emily, thank you for preparing the reception desk so carefully today!");

		assertThatThrownBy(() -> this.thanks.thankTeam(today, this.lead, ApprovedEvents.ORGANISER, good))
			.isInstanceOfSatisfying(ThanksRefused.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("attendance.thanks.refused.notOver"));
		assertThatThrownBy(() -> this.thanks.noteToThoseWhoCame(today, this.lead, ApprovedEvents.ORGANISER, "写真です"))
			.isInstanceOfSatisfying(ThanksRefused.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("attendance.thanks.refused.notOver"));
		long over = anEventThatIsOver("終わった会 " + System.nanoTime());
		assertThatThrownBy(() -> this.thanks.thankTeam(over, this.helper.id(), HELPER,
				Map.of(this.co.id(), "伊藤さん、当日の受付を一手に引き受けてくださって本当に助かりました。ありがとう。")))
			.isInstanceOf(NotOrganised.class);
		assertNothingSent(today);
		assertNothingSent(over);
	}

	@Test
	void aRefusedThankYouIsShownAgainWithWhatWasTypedAndTheReasonInTheReadersLanguage() throws Exception {
		long plan = anEventThatIsOver("春の交流会 " + System.nanoTime());
		String html = this.mvc.perform(post("/plans/" + plan + "/thanks").param("to-" + this.co.id(), "伊藤さん、どうも")
			.param("to-" + this.helper.id(), "")
			.param("lang", "en")
			.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER)))
			.with(csrf())).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Some thank-yous need another look, so none was sent.", "Too short (under 30 characters)",
				"伊藤さん、どうも");
		assertNothingSent(plan);
		String ja = this.mvc.perform(get("/plans/" + plan + "/thanks").param("lang", "ja")
			.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER)))).andReturn().getResponse().getContentAsString();
		assertThat(ja).contains("会場の下見と予約", "伊藤 大輔");
		assertThat(this.mvc.perform(get("/plans/" + plan + "/thanks").with(user(this.users.loadUserByUsername(HELPER))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	/** An approved event with a co-organiser and a helper, that ended a day ago. */
	private long anEventThatIsOver(String title) {
		long plan = this.day.today(title, 10);
		this.events.aTaskHandedTo(plan, HELPER, "会場の下見と予約");
		this.day.movedToThePast(plan, 26);
		return plan;
	}

	private List<String> mail(long plan, String kind, String recipient) {
		Map<String, String> found = new LinkedHashMap<>();
		this.jdbc.sql("SELECT locale, subject FROM mail_outbox WHERE kind = ? AND recipient = ? AND dedupe_key LIKE ?")
			.params(kind, recipient, kind + "-" + plan + "-%")
			.query(rs -> {
				found.put(rs.getString(1), rs.getString(2));
			});
		return found.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toList();
	}

	private String title(long plan) {
		return this.plans.event(plan).orElseThrow().title();
	}

	private void assertNothingSent(long plan) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM thank_yous WHERE plan_id = ?").param(plan).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE dedupe_key LIKE ? OR dedupe_key LIKE ?")
			.params("thank-you-" + plan + "-%", "thank-you-note-" + plan + "-%")
			.query(Long.class)
			.single()).isZero();
	}

}
