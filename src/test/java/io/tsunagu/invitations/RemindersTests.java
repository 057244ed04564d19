package io.tsunagu.invitations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.PlannedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders before the RSVP deadline and the day before the event, on a schema of their own: the job
 * looks at every event, and other tests' events must not answer for these.
 */
@TsunaguTest
@IsolatedDatabase("reminders")
class RemindersTests extends InvitationTestBase {

	private static final Pattern LINK = Pattern.compile("/rsvp/([A-Za-z0-9_-]{43})");

	@Autowired
	InvitationReminders reminders;

	@Test
	void remindsThoseWhoHaveNotAnsweredOnceWithALinkOfTheirOwn() throws Exception {
		Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("回答締切の近い会 " + System.nanoTime(), 30, start,
				Instant.now().plus(1, ChronoUnit.DAYS));
		List<EmployeeRef> people = people(3);
		List<String> tokens = this.support.invite(plan, people);
		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(2), Answer.DECLINED, null);
		assertThat(this.reminders.remindDue()).as("invited just now, after the reminder's moment").isZero();

		invitedDaysAgo(plan, 5);
		assertThat(this.reminders.remindDue()).isEqualTo(1);
		assertThat(this.reminders.remindDue()).as("once").isZero();
		PlannedEvent event = this.plans.event(plan).orElseThrow();
		// As if the reminder had gone out right at its moment, two days before the deadline.
		this.jdbc.sql("UPDATE invitations SET pending_reminded_at = ? WHERE plan_id = ? AND pending_reminded_at IS NOT NULL")
			.params(java.sql.Timestamp.from(event.rsvpDeadline().minus(2, ChronoUnit.DAYS)), plan)
			.update();
		this.events.reschedule(plan, event.startsAt(), event.endsAt(), event.rsvpDeadline().plus(3, ChronoUnit.HOURS),
				event.venue(), event.onlineLink());
		assertThat(this.reminders.remindDue()).as("a deadline moved by hours: not again").isZero();

		assertThat(recipients(plan, "rsvp-reminder")).containsExactly(people.get(0).email());
		String reminderLink = linkIn(plan, people.get(0), "rsvp-reminder");
		assertThat(reminderLink).as("a new link, not the invitation's").isNotEqualTo(tokens.get(0));
		assertThat(mail(plan, people.get(0), "rsvp-reminder")).contains("【ご回答のお願い】回答締切の近い会", "佐藤 美咲さんがご回答をお待ちしています", "出欠の締め切り",
					"会場");
		for (String link : List.of(reminderLink, tokens.get(0))) {
			this.mvc.perform(get("/rsvp/" + link))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(people.get(0).name())));
		}
		assertThat(this.answers.answer(reminderLink, Answer.ATTENDING, "行きます")).contains(Answer.ATTENDING);
		this.mvc.perform(get("/plans/{id}/invitations", plan).param("lang", "en")
			.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sent to 1 person")))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString().split("Goes out", -1))
				.as("only the attendees' reminder is still to come").hasSize(2));
	}

	@Test
	void remindsThoseAttendingTheDayBeforeOnce() {
		Instant start = Instant.now().plus(2, ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("明日の会 " + System.nanoTime(), 30, start,
				Instant.now().plus(1, ChronoUnit.HOURS));
		List<EmployeeRef> people = people(3);
		List<String> tokens = this.support.invite(plan, people);
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(1), Answer.DECLINED, null);

		assertThat(this.reminders.remindDue()).isEqualTo(1);
		assertThat(this.reminders.remindDue()).isZero();
		assertThat(recipients(plan, "event-tomorrow")).containsExactly(people.get(0).email());
		assertThat(recipients(plan, "rsvp-reminder")).as("invited after the pending reminder's moment").isEmpty();
	}

	@Test
	void anEventMovedByHoursIsNotRemindedTwiceButOneMovedToALaterDayIs() {
		Instant start = Instant.now().plus(2, ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("延期になる会 " + System.nanoTime(), 30, start,
				Instant.now().plus(1, ChronoUnit.HOURS));
		List<EmployeeRef> people = people(1);
		this.answers.answer(this.support.invite(plan, people).get(0), Answer.ATTENDING, null);
		assertThat(this.reminders.remindDue()).isEqualTo(1);

		// Moved by a few hours, the eve is the same: no second reminder.
		this.events.reschedule(plan, start.plus(3, ChronoUnit.HOURS), start.plus(5, ChronoUnit.HOURS),
				Instant.now().plus(1, ChronoUnit.HOURS), "本社 8F 大会議室", null);
		assertThat(this.reminders.remindDue()).isZero();

		assertThat(recipients(plan, "event-tomorrow")).containsExactly(people.get(0).email());

		// An event moved to a later day: the reminder its attendees had for the old date came before the
		// new eve, so they are reminded again then.
		long moved = this.events.anApprovedEvent("翌週に延びた会 " + System.nanoTime(), 30, start,
				Instant.now().plus(1, ChronoUnit.HOURS));
		List<EmployeeRef> others = people(2).subList(1, 2);
		this.answers.answer(this.support.invite(moved, others).get(0), Answer.ATTENDING, null);
		this.jdbc.sql("UPDATE invitations SET eve_reminded_at = now() - interval '8 days' WHERE plan_id = ?")
			.param(moved)
			.update();
		assertThat(this.reminders.remindDue()).isEqualTo(1);
		assertThat(recipients(moved, "event-tomorrow")).containsExactly(others.get(0).email());
	}

	@Test
	void nothingBeforeItsTime() {
		long plan = this.events.anApprovedEvent("まだ先の会 " + System.nanoTime(), 30);
		this.support.invite(plan, people(2));
		invitedDaysAgo(plan, 5);

		this.reminders.remindDue();

		assertThat(recipients(plan, "rsvp-reminder")).isEmpty();
		assertThat(recipients(plan, "event-tomorrow")).isEmpty();
	}

	@Test
	void theOrganiserSwitchesEachOffForTheEvent() throws Exception {
		Instant start = Instant.now().plus(2, ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("リマインダーなしの会 " + System.nanoTime(), 30, start,
				Instant.now().plus(1, ChronoUnit.HOURS));
		List<EmployeeRef> people = people(2);
		List<String> tokens = this.support.invite(plan, people);
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		invitedDaysAgo(plan, 5);

		this.mvc.perform(post("/plans/{id}/invitations/reminders", plan).param("days", "3")
			.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER)))
			.with(csrf())).andExpect(flash().attribute("flash", "invitations.reminders.saved"));

		assertThat(this.reminders.remindDue()).isZero();
		assertThat(this.reminders.scheduleOf(plan).getPendingDays()).isEqualTo(3);
	}

	@Test
	void refusesAnOutOfRangeNumberOfDaysAndChangesNothing() throws Exception {
		long plan = this.events.anApprovedEvent("設定の会 " + System.nanoTime(), 30);
		this.mvc.perform(post("/plans/{id}/invitations/reminders", plan).param("pending", "true")
			.param("days", "30")
			.param("attending", "true")
			.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER)))
			.with(csrf()))
			.andExpect(flash().attribute("flash", "invitations.reminders.refused.days"))
			.andExpect(flash().attribute("flashLevel", "warning"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_reminders WHERE plan_id = ?").param(plan).query(Long.class).single())
			.isZero();

		this.mvc.perform(get("/plans/{id}/invitations", plan).locale(java.util.Locale.JAPANESE)
			.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("未回答の方に、回答期限の前にお知らせする")));
	}

	@Test
	void twoInstancesRunningAtOnceRemindEachInvitationOnce() throws Exception {
		Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("同時に動く会 " + System.nanoTime(), 30, start,
				Instant.now().plus(1, ChronoUnit.DAYS));
		List<EmployeeRef> people = people(8);
		this.support.invite(plan, people);
		invitedDaysAgo(plan, 5);

		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> runs = java.util.stream.IntStream.range(0, 2)
			.mapToObj(n -> CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.reminders.remindDue();
			}))
			.toList();
		go.countDown();

		assertThat(runs.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(8);
		assertThat(recipients(plan, "rsvp-reminder")).hasSize(8)
			.containsExactlyInAnyOrderElementsOf(people.stream().map(EmployeeRef::email).toList());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM invitation_links l JOIN invitations i ON i.id = l.invitation_id WHERE i.plan_id = ?""")
			.param(plan)
			.query(Long.class)
			.single()).as("the invitation's link and one reminder link each").isEqualTo(16);
	}

	private List<EmployeeRef> people(int count) {
		long organiser = this.events.organiser().id();
		return this.jdbc.sql("SELECT email FROM employees WHERE active AND id <> ? AND rank = 'STAFF' ORDER BY id LIMIT ?")
			.params(organiser, count)
			.query(String.class)
			.list()
			.stream()
			.map(email -> this.directory.findByEmail(email).orElseThrow())
			.toList();
	}

	private void invitedDaysAgo(long plan, int days) {
		this.jdbc.sql("UPDATE invitations SET sent_at = sent_at - make_interval(days => ?) WHERE plan_id = ?")
			.params(days, plan)
			.update();
	}

	private List<String> recipients(long plan, String kind) {
		return this.jdbc.sql("SELECT o.recipient FROM mail_outbox o JOIN invitations i "
				+ "ON o.dedupe_key LIKE ? || '-' || i.id || '-%' WHERE i.plan_id = ? ORDER BY o.id")
			.params(kind, plan)
			.query(String.class)
			.list();
	}

	/** The subject and text of the mail of a kind that the person got for the event. */
	private String mail(long plan, EmployeeRef person, String kind) {
		return this.jdbc.sql("SELECT o.subject || o.text_body FROM mail_outbox o JOIN invitations i "
				+ "ON o.dedupe_key LIKE ? || '-' || i.id || '-%' WHERE i.plan_id = ? AND i.employee_id = ?")
			.params(kind, plan, person.id())
			.query(String.class)
			.single();
	}

	private String linkIn(long plan, EmployeeRef person, String kind) {
		Matcher link = LINK.matcher(mail(plan, person, kind));
		assertThat(link.find()).as("an answer link in the reminder").isTrue();
		return link.group(1);
	}

}
