package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new time or place of an approved event reaches everyone invited who has not declined, with a calendar
 * update under the invitation's UID; the sequence orders the invitation, each change and a cancellation.
 */
@TsunaguTest
class ChangeNoticesTests extends InvitationTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	Broadcasts broadcasts;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("y年M月d日(E) HH:mm", Locale.JAPANESE);

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEE d MMM y, HH:mm", Locale.ENGLISH);

	@Test
	void aNewTimeAndPlaceReachEveryoneStillExpectedOnceWithACalendarUpdate() throws Exception {
		String title = "動く会 " + System.nanoTime();
		long plan = this.events.anApprovedEvent(title, 1);
		EmployeeRef attending = person("manager@tsunagu.example");
		EmployeeRef waitlisted = person("yoko.nakamura@tsunagu.example");
		EmployeeRef pending = person("david.lee@tsunagu.example");
		EmployeeRef declined = person("officer@tsunagu.example");
		List<String> tokens = this.support.invite(plan, List.of(attending, waitlisted, pending, declined));
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		assertThat(this.answers.answer(tokens.get(1), Answer.ATTENDING, null)).contains(Answer.WAITLISTED);
		this.answers.answer(tokens.get(3), Answer.DECLINED, null);
		PlannedEvent before = this.plans.event(plan).orElseThrow();
		Instant start = before.startsAt().plus(25, ChronoUnit.HOURS);

		assertThat(this.events.reschedule(plan, start, start.plus(3, ChronoUnit.HOURS), before.rsvpDeadline(),
				"別館 3F ホール", null)).isTrue();

		assertThat(changeMails(plan)).containsExactlyInAnyOrder(attending.email(), waitlisted.email(), pending.email());
		VEvent invited = calendar(invitationId(plan, attending), "invitation-").getEvents().get(0);
		String ics = ics("event-changed-" + invitationId(plan, attending) + "-1");
		assertThat(ics).contains("DTSTART;TZID=Asia/Tokyo:" + ICS.format(start.atZone(TOKYO)));
		ICalendar update = Biweekly.parse(ics).first();
		assertThat(update.getMethod().getValue()).isEqualTo("REQUEST");
		VEvent entry = update.getEvents().get(0);
		assertThat(entry.getUid().getValue()).isEqualTo(invited.getUid().getValue());
		assertThat(invited.getSequence().getValue()).isZero();
		assertThat(entry.getSequence().getValue()).isEqualTo(1);
		assertThat(entry.getDateStart().getValue().toInstant()).isEqualTo(start);
		assertThat(entry.getDateEnd().getValue().toInstant()).isEqualTo(start.plus(3, ChronoUnit.HOURS));
		assertThat(entry.getLocation().getValue()).isEqualTo("別館 3F ホール");
		assertThat(entry.getOrganizer().getEmail()).as("replies, if a calendar sends any, do not fool the organiser")
			.isEqualTo("no-reply@tsunagu.example");
		assertThat(entry.getOrganizer().getCommonName()).isEqualTo(this.events.organiser().name());
		assertThat(entry.getAttendees()).singleElement().satisfies(attendee -> {
			assertThat(attendee.getEmail()).isEqualTo(attending.email());
			assertThat(attendee.getRsvp()).as("no reply asked for").isFalse();
			assertThat(attendee.getParticipationStatus()).isNull();
		});
		assertThat(ics).doesNotContain("RSVP=TRUE", "NEEDS-ACTION");

		Mail japanese = mail("event-changed-" + invitationId(plan, attending) + "-1");
		assertThat(japanese.subject()).isEqualTo("【変更】" + title);
		assertThat(japanese.text()).contains("「" + title + "」の日時または場所が変わりました。")
			.contains(JAPANESE.format(start.atZone(TOKYO)) + "〜")
			.contains("（変更前：" + JAPANESE.format(before.startsAt().atZone(TOKYO)))
			.doesNotContain("Asia/Tokyo")
			.contains("別館 3F ホール", "（変更前：本社 8F 大会議室）")
			.contains("「参加」のご回答はそのまま有効です。", "回答の変更は、回答期限まで次のリンクからできます。");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/rsvp/([A-Za-z0-9_-]{43})").matcher(japanese.text());
		assertThat(link.find()).as("a link to answer again").isTrue();
		assertThat(link.group(1)).isNotEqualTo(tokens.get(0));
		assertThat(entry.getDescription().getValue()).as("the calendar entry says where to answer, with the same link")
			.contains("出欠の回答と変更は、このリンクからお願いします", "/rsvp/" + link.group(1) + "?lang=ja")
			.contains(JAPANESE.format(start.atZone(TOKYO)));
		assertThat(entry.getUrl().getValue()).endsWith("/rsvp/" + link.group(1) + "?lang=ja");
		assertThat(this.answers.answer(link.group(1), Answer.DECLINED, "その日は出張です")).contains(Answer.DECLINED);
		assertThat(japanese.html()).contains("別館 3F ホール", "（変更前：本社 8F 大会議室）");
		assertThat(mail("event-changed-" + invitationId(plan, waitlisted) + "-1").text())
			.contains("キャンセル待ちの順番はそのままです。");
		Mail english = mail("event-changed-" + invitationId(plan, pending) + "-1");
		assertThat(english.subject()).isEqualTo("Changed: " + title);
		assertThat(english.text()).contains("(before: " + ENGLISH.format(before.startsAt().atZone(TOKYO)))
			.contains("Your invitation still stands; you have not answered yet.", "/rsvp/");
	}

	@Test
	void theReasonIsInTheMailAndThoseWhoDeclinedAreToldOnlyWhenTheOrganisersChoose() throws Exception {
		long plan = this.events.anApprovedEvent("理由つきで動く会 " + System.nanoTime(), 30);
		EmployeeRef attending = person("manager@tsunagu.example");
		EmployeeRef declined = person("david.lee@tsunagu.example");
		List<String> tokens = this.support.invite(plan, List.of(attending, declined));
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(1), Answer.DECLINED, "その週は出張です");
		PlannedEvent before = this.plans.event(plan).orElseThrow();
		Instant later = before.startsAt().plus(1, ChronoUnit.DAYS);

		this.events.reschedule(plan, later, later.plus(2, ChronoUnit.HOURS), before.rsvpDeadline(), before.venue(), null,
				"会場の改装のため。\n翌日に移ります。", false);
		assertThat(changeMails(plan)).as("by default, not those who declined").containsExactly(attending.email());
		Mail first = mail("event-changed-" + invitationId(plan, attending) + "-1");
		assertThat(first.text()).contains("変更の理由：会場の改装のため。\n翌日に移ります。");
		assertThat(first.html()).contains("変更の理由：会場の改装のため。\n翌日に移ります。");

		Instant again = later.plus(1, ChronoUnit.DAYS);
		this.events.reschedule(plan, again, again.plus(2, ChronoUnit.HOURS), before.rsvpDeadline(), before.venue(), null,
				null, true);
		assertThat(changeMails(plan)).containsExactly(attending.email(), attending.email(), declined.email());
		Mail toldAgain = mail("event-changed-" + invitationId(plan, declined) + "-2");
		assertThat(toldAgain.text()).contains("You had declined, but the new date may suit you.", "/rsvp/")
			.doesNotContain("Why it changed");
		assertThat(mail("event-changed-" + invitationId(plan, attending) + "-2").html()).doesNotContain("変更の理由");
		assertThat(calendar(invitationId(plan, declined), "event-changed-", "-2").getEvents().get(0).getSequence()
			.getValue()).isEqualTo(2);
	}

	@Test
	void aSecondChangeRaisesTheSequenceAgain() throws Exception {
		long plan = this.events.anApprovedEvent("二度動く会 " + System.nanoTime(), 30);
		EmployeeRef invitee = person("manager@tsunagu.example");
		this.support.invite(plan, List.of(invitee));
		PlannedEvent before = this.plans.event(plan).orElseThrow();
		this.events.reschedule(plan, before.startsAt(), before.endsAt(), before.rsvpDeadline(), null,
				"https://meet.example/tsunagu");
		Instant later = before.startsAt().plus(1, ChronoUnit.DAYS);
		this.events.reschedule(plan, later, later.plus(2, ChronoUnit.HOURS), before.rsvpDeadline(), null,
				"https://meet.example/tsunagu");

		long invitation = invitationId(plan, invitee);
		assertThat(changeMails(plan)).containsExactly(invitee.email(), invitee.email());
		assertThat(calendar(invitation, "event-changed-", "-1").getEvents().get(0).getSequence().getValue()).isEqualTo(1);
		VEvent second = calendar(invitation, "event-changed-", "-2").getEvents().get(0);
		assertThat(second.getSequence().getValue()).isEqualTo(2);
		assertThat(second.getDateStart().getValue().toInstant()).isEqualTo(later);
		assertThat(mail("event-changed-" + invitation + "-1").text()).contains("https://meet.example/tsunagu",
				"（変更前：本社 8F 大会議室）");
	}

	@Test
	void aCancellationAfterAChangeComesAfterTheUpdate() throws Exception {
		long plan = this.events.anApprovedEvent("動いて中止の会 " + System.nanoTime(), 30);
		EmployeeRef invitee = person("manager@tsunagu.example");
		this.support.invite(plan, List.of(invitee));
		PlannedEvent before = this.plans.event(plan).orElseThrow();
		this.events.reschedule(plan, before.startsAt(), before.endsAt(), before.rsvpDeadline(), "別館 3F ホール", null);

		this.events.cancel(plan);

		long invitation = invitationId(plan, invitee);
		ICalendar cancellation = calendar(invitation, "event-cancelled-");
		assertThat(cancellation.getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(cancellation.getEvents().get(0).getSequence().getValue()).isEqualTo(2);
		assertThat(cancellation.getEvents().get(0).getUid().getValue())
			.isEqualTo(calendar(invitation, "invitation-").getEvents().get(0).getUid().getValue());
	}

	@Test
	void aNewRsvpDeadlineAloneMailsNobodyAndKeepsTheSequence() {
		long plan = this.events.anApprovedEvent("締め切りだけの会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(person("manager@tsunagu.example")));
		PlannedEvent before = this.plans.event(plan).orElseThrow();

		assertThat(this.events.reschedule(plan, before.startsAt(), before.endsAt(),
				before.rsvpDeadline().minus(2, ChronoUnit.DAYS), before.venue(), before.onlineLink())).isFalse();

		assertThat(changeMails(plan)).isEmpty();
		PlannedEvent after = this.plans.event(plan).orElseThrow();
		assertThat(after.rsvpDeadline()).isEqualTo(before.rsvpDeadline().minus(2, ChronoUnit.DAYS));
		assertThat(after.calendarSequence()).isZero();
	}

	@Test
	void invitationsSentAfterAChangeCarryTheCurrentSequence() throws Exception {
		long plan = this.events.anApprovedEvent("先に動く会 " + System.nanoTime(), 30);
		PlannedEvent before = this.plans.event(plan).orElseThrow();
		Instant later = before.startsAt().plus(2, ChronoUnit.DAYS);
		this.events.reschedule(plan, later, later.plus(2, ChronoUnit.HOURS), before.rsvpDeadline(), before.venue(), null);
		EmployeeRef invitee = person("manager@tsunagu.example");

		this.support.invite(plan, List.of(invitee));

		VEvent invited = calendar(invitationId(plan, invitee), "invitation-").getEvents().get(0);
		assertThat(invited.getSequence().getValue()).isEqualTo(1);
		assertThat(invited.getDateStart().getValue().toInstant()).isEqualTo(later);
	}

	/** The recipients of the change notices for the plan's invitations, one row per mail. */
	@Test
	void aMoveWaitsForAnAnnouncementBeingSentSoThatItsRecipientsHearOfItToo() throws Exception {
		long plan = this.events.anApprovedEvent("案内中に動く会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(person("david.lee@tsunagu.example")));
		BroadcastForm sales = new BroadcastForm(java.util.Set.of("SALES"), java.util.Set.of(), null, null, null, null);
		long audience = this.broadcasts.preview(plan, this.events.organiser().id(), sales).preview().count();
		PlannedEvent before = this.plans.event(plan).orElseThrow();
		java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
		org.springframework.transaction.support.TransactionTemplate transaction =
				new org.springframework.transaction.support.TransactionTemplate(this.transactions);

		// The announcement is queued but not committed yet when the organiser moves the event.
		java.util.concurrent.CompletableFuture<Void> announcing = java.util.concurrent.CompletableFuture
			.runAsync(() -> transaction.executeWithoutResult(status -> {
				this.broadcasts.send(plan, this.events.organiser().id(), "organiser@tsunagu.example",
						new BroadcastForm(sales.departments(), sales.ranks(), null, null, "営業部のみなさんもぜひどうぞ。", audience));
				sent.countDown();
				await(commit);
			}));
		await(sent);
		java.util.concurrent.CompletableFuture<Boolean> moving = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> this.events.reschedule(plan, before.startsAt().plus(1, ChronoUnit.DAYS),
					before.endsAt().plus(1, ChronoUnit.DAYS), before.rsvpDeadline(), before.venue(), null));
		// The move is held on the plan's row lock, not merely slow: PostgreSQL says it waits for a lock.
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
			.query(Long.class)
			.single() > 0);
		assertThat(moving).as("the move waits for the announcement").isNotDone();
		commit.countDown();
		announcing.join();
		assertThat(moving.join()).isTrue();

		assertThat(changeMails(plan)).as("everyone invited, by the announcement too").hasSize((int) audience + 1);
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new IllegalStateException("Waited too long");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<String> changeMails(long plan) {
		return this.jdbc.sql("""
				SELECT m.recipient FROM mail_outbox m JOIN invitations i ON m.dedupe_key LIKE 'event-changed-' || i.id || '-%'
				WHERE m.kind = 'event-changed' AND i.plan_id = ? ORDER BY m.id""").param(plan).query(String.class).list();
	}

	private long invitationId(long plan, EmployeeRef person) {
		return this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, person.id())
			.query(Long.class)
			.single();
	}

	private ICalendar calendar(long invitationId, String prefix) {
		return calendar(invitationId, prefix, "");
	}

	private ICalendar calendar(long invitationId, String prefix, String suffix) {
		return Biweekly.parse(ics(prefix + invitationId + suffix)).first();
	}

	private String ics(String dedupeKey) {
		byte[] content = this.jdbc.sql("""
				SELECT a.content FROM mail_attachments a JOIN mail_outbox m ON m.id = a.mail_id WHERE m.dedupe_key = ?""")
			.param(dedupeKey)
			.query(byte[].class)
			.single();
		return new String(content, StandardCharsets.UTF_8);
	}

	private Mail mail(String dedupeKey) {
		return this.jdbc.sql("SELECT subject, text_body, html_body FROM mail_outbox WHERE dedupe_key = ?")
			.param(dedupeKey)
			.query((row, n) -> new Mail(row.getString(1), row.getString(2), row.getString(3)))
			.single();
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	private record Mail(String subject, String text, String html) {
	}

}
