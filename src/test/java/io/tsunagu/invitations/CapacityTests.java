package io.tsunagu.invitations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * Seats and the waitlist against the database: never overbooked under concurrent answers, freed
 * seats and raised capacity go to the waitlist in order.
 */
// Its own schema: the concurrency test adds colleagues to the demo company to reach 200 invitees.
@TsunaguTest
@IsolatedDatabase("capacity")
class CapacityTests extends InvitationTestBase {

	@Autowired
	Seats seats;

	@Autowired
	TransactionTemplate transactions;

	@RepeatedTest(3)
	void twoHundredConcurrentAttendsForFiftySeatsSeatExactlyFiftyAndWaitlistTheRest() throws Exception {
		long plan = this.events.anApprovedEvent("大人気の会 " + System.nanoTime(), 50);
		List<String> tokens = sentInvitations(plan, 200, 50);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Answer>> attends = new ArrayList<>();
		for (String token : tokens) {
			attends.add(() -> {
				start.await();
				return this.answers.answer(token, Answer.ATTENDING, null).orElseThrow();
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<Answer>> futures = new ArrayList<>();
			attends.forEach(a -> futures.add(pool.submit(a)));
			start.countDown();
			List<Answer> outcomes = new ArrayList<>();
			for (Future<Answer> future : futures) {
				outcomes.add(future.get());
			}
			assertThat(outcomes).filteredOn(a -> a == Answer.ATTENDING).hasSize(50);
			assertThat(outcomes).filteredOn(a -> a == Answer.WAITLISTED).hasSize(150);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count(plan, "ATTENDING")).isEqualTo(50);
		assertThat(count(plan, "WAITLISTED")).isEqualTo(150);
		assertThat(this.seats.count(plan).orElseThrow()).isEqualTo(new Seats.Count(50, 50));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM mail_outbox o JOIN invitations i ON o.dedupe_key LIKE 'rsvp-waitlisted-' || i.id || '-%'
				WHERE i.plan_id = ?""").param(plan).query(Long.class).single())
			.as("everyone waiting is told by mail")
			.isEqualTo(150);
	}

	@Test
	void aDeclineFreesTheSeatForTheFirstWaitlistedWhoIsToldByMail() {
		long plan = this.events.anApprovedEvent("一席の会 " + System.nanoTime(), 1);
		List<String> tokens = sentInvitations(plan, 4, 1);
		assertThat(this.answers.answer(tokens.get(0), Answer.ATTENDING, null)).contains(Answer.ATTENDING);
		assertThat(this.answers.answer(tokens.get(1), Answer.ATTENDING, null)).contains(Answer.WAITLISTED);
		assertThat(this.answers.answer(tokens.get(2), Answer.ATTENDING, null)).contains(Answer.WAITLISTED);
		assertThat(this.answers.answer(tokens.get(1), Answer.ATTENDING, "まだ待ちます")).as("waiting again keeps the place")
			.contains(Answer.WAITLISTED);

		assertThat(this.answers.answer(tokens.get(0), Answer.DECLINED, "急用が入りました")).contains(Answer.DECLINED);

		assertThat(answersInOrder(plan)).containsExactly("DECLINED", "ATTENDING", "WAITLISTED", "PENDING");
		assertThat(this.seats.count(plan).orElseThrow()).isEqualTo(new Seats.Count(1, 1));
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE dedupe_key LIKE ?")
			.param("rsvp-promoted-" + invitationIds(plan).get(1) + "-%")
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(this.answers.answer(tokens.get(2), Answer.DECLINED, null)).contains(Answer.DECLINED);
		assertThat(this.seats.count(plan).orElseThrow().taken()).as("a waitlisted decline frees no seat").isEqualTo(1);
	}

	@Test
	void theAnswerPageSaysWhenTheEventIsFull() throws Exception {
		long plan = this.events.anApprovedEvent("満席の会 " + System.nanoTime(), 1);
		List<String> tokens = sentInvitations(plan, 2, 1);
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.mvc.perform(post("/rsvp/{t}", tokens.get(1)).param("answer", "ATTENDING").with(csrf()))
			.andExpect(flash().attribute("flash", "rsvp.recorded.WAITLISTED"));
		this.mvc.perform(get("/rsvp/{t}", tokens.get(1)).param("lang", "en"))
			.andExpect(content().string(containsString("On the waitlist: number 1")))
			.andExpect(content().string(containsString("The event is full, and 1 person is waiting for a seat.")));
	}

	@Test
	void raisingTheCapacityPromotesFromTheWaitlistInOrder() {
		long plan = this.events.anApprovedEvent("増席の会 " + System.nanoTime(), 1);
		List<String> tokens = sentInvitations(plan, 5, 1);
		for (String token : tokens) {
			this.answers.answer(token, Answer.ATTENDING, null);
		}
		assertThat(answersInOrder(plan)).containsExactly("ATTENDING", "WAITLISTED", "WAITLISTED", "WAITLISTED",
				"WAITLISTED");
		long organiser = this.events.organiser().id();

		assertThat(this.waves.changeCapacity(plan, organiser, ApprovedEvents.ORGANISER, 3)).isEqualTo(2);
		assertThat(answersInOrder(plan)).containsExactly("ATTENDING", "ATTENDING", "ATTENDING", "WAITLISTED",
				"WAITLISTED");
		assertThat(this.seats.count(plan).orElseThrow()).isEqualTo(new Seats.Count(3, 3));

		assertThatExceptionOfType(InvitationRefused.class)
			.isThrownBy(() -> this.waves.changeCapacity(plan, organiser, ApprovedEvents.ORGANISER, 2))
			.extracting(InvitationRefused::messageKey)
			.isEqualTo("invitations.refused.capacity");
		assertThat(this.seats.count(plan).orElseThrow().capacity()).isEqualTo(3);
	}

	@Test
	void afterTheDeadlineNobodyTakesOrFreesASeat() {
		Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("締切の会 " + System.nanoTime(), 1, start, start.minus(Duration.ofDays(2)));
		List<String> tokens = sentInvitations(plan, 2, 1);
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		this.jdbc.sql("UPDATE event_plans SET rsvp_deadline = now() - interval '1 second' WHERE id = ?").param(plan).update();

		assertThatExceptionOfType(InvitationRefused.class)
			.isThrownBy(() -> this.answers.answer(tokens.get(0), Answer.DECLINED, null))
			.extracting(InvitationRefused::messageKey)
			.isEqualTo("rsvp.refused.closed");
		assertThat(answersInOrder(plan)).containsExactly("ATTENDING", "WAITLISTED");
		assertThat(this.seats.count(plan).orElseThrow().taken()).isEqualTo(1);
	}

	/** Sent invitations straight in the tables (the wave's own path is tested elsewhere): their tokens, in order. */
	private List<String> sentInvitations(long plan, int people, int capacity) {
		long organiser = this.events.organiser().id();
		this.jdbc.sql("""
				INSERT INTO employees (code, name, email, department_id, rank, join_year)
				SELECT 'CAPTEST-' || n, 'テスト 社員' || n, 'captest' || n || '@tsunagu.example',
				       (SELECT department_id FROM employees WHERE id = ?), 'STAFF', 2020
				FROM generate_series(1, 60) AS n
				ON CONFLICT (code) DO NOTHING""").param(organiser).update();
		List<Long> employees = this.jdbc.sql("SELECT id FROM employees WHERE active AND id <> ? ORDER BY id LIMIT ?")
			.params(organiser, people)
			.query(Long.class)
			.list();
		assertThat(employees).as("the demo company is large enough").hasSize(people);
		List<String> tokens = new ArrayList<>();
		this.transactions.executeWithoutResult(tx -> {
			long wave = this.jdbc.sql("""
					INSERT INTO invitation_waves (plan_id, kind, status, created_by, created_at, sent_at)
					VALUES (?, 'PERSONAL', 'SENT', ?, now(), now()) RETURNING id""")
				.params(plan, organiser)
				.query(Long.class)
				.single();
			for (long employee : employees) {
				RsvpToken token = RsvpToken.generate();
				this.jdbc.sql("""
						WITH invitation AS (
						    INSERT INTO invitations (wave_id, plan_id, employee_id, message, added_at, sent_at)
						    VALUES (?, ?, ?, 'ぜひ来てください', now(), now()) RETURNING id)
						INSERT INTO invitation_links (token_hash, invitation_id, issued_at)
						SELECT ?, id, now() FROM invitation""")
					.params(wave, plan, employee, token.hash())
					.update();
				tokens.add(token.value());
			}
			this.jdbc.sql("UPDATE event_plans SET status = 'INVITING' WHERE id = ?").param(plan).update();
			this.seats.open(plan, capacity);
		});
		return tokens;
	}

	private long count(long plan, String answer) {
		return this.jdbc.sql("SELECT count(*) FROM invitations WHERE plan_id = ? AND answer = ?")
			.params(plan, answer)
			.query(Long.class)
			.single();
	}

	private List<String> answersInOrder(long plan) {
		return this.jdbc.sql("SELECT answer FROM invitations WHERE plan_id = ? ORDER BY id").param(plan).query(String.class).list();
	}

	private List<Long> invitationIds(long plan) {
		return this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? ORDER BY id").param(plan).query(Long.class).list();
	}

}
