package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answer page says what decides the answer: next to the buttons, that the event is full (and Attend
 * means the waitlist) or how few seats are left; once answered, the answer comes first, with the place on
 * the waitlist, and changing it is the smaller action. "Add to calendar" downloads the mailed entry.
 */
@TsunaguTest
class AnswerPageSeatsTests extends InvitationTestBase {

	@Test
	void saysNextToTheButtonsThatTheEventIsFullAndHowManyWait() throws Exception {
		long plan = this.events.anApprovedEvent("満席の会 " + System.nanoTime(), 1);
		List<String> tokens = this.support.invite(plan,
				people("manager@tsunagu.example", "yoko.nakamura@tsunagu.example", "david.lee@tsunagu.example"));
		assertThat(page(tokens.get(2)).select("#seats").text()).isEqualTo("Only 1 seat left.");
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);

		Document full = page(tokens.get(1));
		assertThat(full.select("#answer-form #seats").text()).isEqualTo("満席です。参加を押すとキャンセル待ちになります（待っている人はまだいません）。");
		assertThat(full.select("#current-answer")).as("not answered yet").isEmpty();
		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		assertThat(page(tokens.get(2)).select("#seats").text())
			.isEqualTo("The event is full. Attend puts you on the waitlist (1 person is waiting).");
		assertThat(page(tokens.get(2), "ja").select("#seats").text()).contains("現在1人待ち");
		assertThat(page(tokens.get(0)).select("#seats")).as("the attendee holds a seat").isEmpty();
	}

	@Test
	void saysHowManySeatsAreLeftWhenFewAre() throws Exception {
		long plan = this.events.anApprovedEvent("残りわずかの会 " + System.nanoTime(), 4);
		List<String> tokens = this.support.invite(plan,
				people("manager@tsunagu.example", "yoko.nakamura@tsunagu.example", "david.lee@tsunagu.example"));
		assertThat(page(tokens.get(1)).select("#seats")).as("4 of 4 free").isEmpty();

		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		assertThat(page(tokens.get(1)).select("#seats").text()).isEqualTo("残り3席です。");
		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		assertThat(page(tokens.get(2)).select("#seats").text()).isEqualTo("Only 2 seats left.");
	}

	@Test
	void aFewSeatsAreATenthOfThemBetweenThreeAndTen() {
		assertThat(new Seats.Count(30, 26).isFew()).isFalse();
		assertThat(new Seats.Count(30, 27).isFew()).isTrue();
		assertThat(new Seats.Count(100, 90).isFew()).isTrue();
		assertThat(new Seats.Count(500, 489).isFew()).isFalse();
		assertThat(new Seats.Count(500, 490).isFew()).isTrue();
		assertThat(new Seats.Count(5, 5).isFew()).as("full, not few").isFalse();
	}

	@Test
	void showsThePlaceOnTheWaitlistAndMovesItUpWhenASeatIsFreed() throws Exception {
		long plan = this.events.anApprovedEvent("順番待ちの会 " + System.nanoTime(), 1);
		List<String> tokens = this.support.invite(plan, people("manager@tsunagu.example",
				"yoko.nakamura@tsunagu.example", "officer@tsunagu.example", "david.lee@tsunagu.example"));
		for (String token : tokens) {
			this.answers.answer(token, Answer.ATTENDING, null);
		}
		Document second = page(tokens.get(2));
		assertThat(second.select("#answer-status").text()).isEqualTo("キャンセル待ち 2番目");
		assertThat(second.select("#current-answer").text()).contains("現在3人待ち");
		assertThat(page(tokens.get(3)).select("#answer-status").text()).isEqualTo("On the waitlist: number 3");
		assertThat(page(tokens.get(3)).select("#current-answer").text()).contains("3 people are waiting");

		this.answers.answer(tokens.get(0), Answer.DECLINED, null);

		assertThat(page(tokens.get(1)).select("#answer-status").text()).as("promoted").isEqualTo("参加で回答済みです");
		assertThat(page(tokens.get(2)).select("#answer-status").text()).isEqualTo("キャンセル待ち 1番目");
		assertThat(page(tokens.get(2)).select("#current-answer").text()).contains("現在2人待ち");
		assertThat(page(tokens.get(3)).select("#answer-status").text()).isEqualTo("On the waitlist: number 2");
		this.answers.answer(tokens.get(2), Answer.DECLINED, null);
		assertThat(page(tokens.get(3)).select("#answer-status").text()).as("the one ahead left")
			.isEqualTo("On the waitlist: number 1");
	}

	@Test
	void anAnsweredInviteeSeesTheirAnswerFirstAndChangingItIsTheSmallerAction() throws Exception {
		long plan = this.events.anApprovedEvent("答えた後の会 " + System.nanoTime(), 30);
		String token = this.support.invite(plan, people("manager@tsunagu.example")).get(0);
		Document before = page(token);
		assertThat(before.select("#current-answer")).isEmpty();
		assertThat(before.selectFirst("#attend").classNames()).contains("btn-primary", "btn-lg");
		assertThat(before.select("details #attend")).as("the answer is the main action").isEmpty();

		this.answers.answer(token, Answer.ATTENDING, "少し遅れます");

		Document after = page(token);
		Element card = after.selectFirst("#current-answer");
		assertThat(card).isNotNull();
		assertThat(after.select("#current-answer ~ #personal-message")).as("the answer comes first").hasSize(1);
		assertThat(card.select("#answer-status").text()).isEqualTo("参加で回答済みです");
		assertThat(card.text()).contains("少し遅れます", "カレンダーに追加");
		Element attend = after.selectFirst("#attend");
		assertThat(attend.parents()).anyMatch(parent -> parent.id().equals("change-answer"));
		assertThat(attend.classNames()).doesNotContain("btn-primary", "btn-lg").contains("btn-outline-primary");
		assertThat(after.selectFirst("#change-answer summary").text()).isEqualTo("回答を変更する");

		this.answers.answer(token, Answer.DECLINED, null);
		Document declined = page(token, "en");
		assertThat(declined.select("#answer-status").text()).isEqualTo("You declined");
		assertThat(declined.select("#change-answer summary").text()).isEqualTo("Change my answer");
		assertThat(declined.select("#add-to-calendar")).as("nothing to put in a calendar").isEmpty();
	}

	@Test
	void addToCalendarDownloadsTheMailedEntryAndChangesNothing() throws Exception {
		String title = "暦に入る会: 春/秋 " + System.nanoTime();
		long plan = this.events.anApprovedEvent(title, 30);
		EmployeeRef invitee = people("manager@tsunagu.example").get(0);
		String token = this.support.invite(plan, List.of(invitee)).get(0);
		assertThat(page(token).selectFirst("#add-to-calendar").attr("href")).isEqualTo("/rsvp/" + token + "/event.ics");
		Object before = state(plan);

		MockHttpServletResponse download = this.mvc.perform(get("/rsvp/{t}/event.ics", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		this.mvc.perform(head("/rsvp/{t}/event.ics", token)).andExpect(status().isOk());

		assertThat(download.getContentType()).isEqualTo("text/calendar; charset=UTF-8");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''" + java.net.URLEncoder.encode("暦に入る会_ 春_秋 ", StandardCharsets.UTF_8)
				.replace("+", "%20"))
			.endsWith(".ics");
		assertThat(download.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(download.getCookie("SESSION")).as("no session for a read").isNull();
		ICalendar file = Biweekly.parse(download.getContentAsString(StandardCharsets.UTF_8)).first();
		VEvent entry = file.getEvents().get(0);
		VEvent mailed = mailedCalendar(plan).getEvents().get(0);
		assertThat(file.getMethod().getValue()).isEqualTo("PUBLISH");
		assertThat(entry.getUid().getValue()).isEqualTo(mailed.getUid().getValue());
		assertThat(entry.getSequence().getValue()).isEqualTo(mailed.getSequence().getValue()).isZero();
		assertThat(entry.getSummary().getValue()).isEqualTo(title);
		assertThat(entry.getDateStart().getValue().toInstant()).isEqualTo(this.plans.event(plan).orElseThrow().startsAt());
		assertThat(entry.getLocation().getValue()).isEqualTo("本社 8F 大会議室");
		assertThat(entry.getAttendees()).as("nobody is asked to reply from a calendar").isEmpty();
		assertThat(state(plan)).as("answer, first look and version untouched").isEqualTo(before);

		PlannedEvent event = this.plans.event(plan).orElseThrow();
		this.events.reschedule(plan, event.startsAt().plus(1, ChronoUnit.DAYS), event.endsAt().plus(1, ChronoUnit.DAYS),
				event.rsvpDeadline(), event.venue(), null);
		VEvent moved = Biweekly.parse(this.mvc.perform(get("/rsvp/{t}/event.ics", token))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).first().getEvents().get(0);
		assertThat(moved.getSequence().getValue()).as("as the change mail's update").isEqualTo(1);
		assertThat(moved.getDateStart().getValue().toInstant()).isEqualTo(event.startsAt().plus(1, ChronoUnit.DAYS));
	}

	@Test
	void aCalendarLinkThatLeadsNowhereGetsTheSamePageAsEveryInvalidLink() throws Exception {
		long ended = this.events.anApprovedEvent("暦の終わった会 " + System.nanoTime(), 30);
		String endedToken = this.support.invite(ended, people("manager@tsunagu.example")).get(0);
		this.jdbc.sql("""
				UPDATE event_plans SET rsvp_deadline = now() - interval '3 days', starts_at = now() - interval '2 days',
				       ends_at = now() - interval '1 day' WHERE id = ?""").param(ended).update();
		String client = "10.9." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
		String invalidPage = invalid("/rsvp/" + RsvpToken.generate().value(), client);
		for (String link : List.of(RsvpToken.generate().value(), "not-a-token", endedToken)) {
			assertThat(invalid("/rsvp/" + link + "/event.ics", client)).isEqualTo(invalidPage);
		}
	}

	private String invalid(String path, String client) throws Exception {
		RequestPostProcessor from = request -> {
			request.setRemoteAddr(client);
			return request;
		};
		return this.mvc.perform(get(path).with(from))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replace(path, "/LINK")
			.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "");
	}

	private Document page(String token) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/rsvp/{t}", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private Document page(String token, String lang) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/rsvp/{t}", token).param("lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private List<EmployeeRef> people(String... emails) {
		return java.util.Arrays.stream(emails).map(email -> this.directory.findByEmail(email).orElseThrow()).toList();
	}

	private ICalendar mailedCalendar(long plan) {
		byte[] content = this.jdbc.sql("""
				SELECT a.content FROM mail_attachments a JOIN mail_outbox m ON m.id = a.mail_id
				JOIN invitations i ON m.dedupe_key = 'invitation-' || i.id WHERE i.plan_id = ?""")
			.param(plan)
			.query(byte[].class)
			.single();
		return Biweekly.parse(new String(content, StandardCharsets.UTF_8)).first();
	}

	private Object state(long plan) {
		return this.jdbc.sql("SELECT answer, note, answered_at, first_opened_at, version FROM invitations WHERE plan_id = ?")
			.param(plan)
			.query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)), String.valueOf(rs.getTimestamp(3)),
					String.valueOf(rs.getTimestamp(4)), rs.getLong(5)))
			.single();
	}

}
