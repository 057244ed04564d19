package io.tsunagu.invitations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answer page behind the link, without login: looking changes nothing, a POST with the CSRF token
 * answers, the deadline closes it, and every bad link looks the same.
 */
@TsunaguTest
class AnswerPageTests extends InvitationTestBase {

	// A Japanese-speaking invitee: the page speaks the invitee's language (see opensInTheInviteesOwnLanguage).
	EmployeeRef invitee;

	// Every test comes from its own address, so that one test's bad links never throttle another's.
	String client = "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256)
			+ "." + ThreadLocalRandom.current().nextInt(256);

	@BeforeEach
	void fixtures() {
		this.invitee = this.directory.findByEmail("manager@tsunagu.example").orElseThrow();
		this.jdbc.sql("DELETE FROM rsvp_misses WHERE client_key = ?").param(this.client).update();
	}

	@Test
	void showsTheInvitationWithoutLoginAndLookingChangesNothing() throws Exception {
		long plan = this.events.anApprovedEvent("見るだけの会 " + System.nanoTime(), 30);
		String token = this.support.invite(plan, List.of(this.invitee)).get(0);
		Object before = state(plan);

		this.mvc.perform(head("/rsvp/{t}", token).with(from(this.client))).andExpect(status().isOk());
		assertThat(opened(plan)).as("HEAD is not a look at the page").isNull();
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/rsvp/{t}", token).with(from(this.client)))
				.andExpect(status().isOk())
				.andExpect(header().string("Referrer-Policy", "no-referrer"))
				.andExpect(content().string(containsString("先日の新人研修")))
				.andExpect(content().string(containsString("見るだけの会")))
				.andExpect(content().string(containsString("現在の参加者：0人")))
				.andExpect(content().string(containsString("name=\"_csrf\"")))
				.andExpect(content().string(containsString("id=\"attend\"")));
		}
		assertThat(state(plan)).as("answer, note and version untouched by GET and HEAD").isEqualTo(before);
		Instant firstOpened = opened(plan);
		assertThat(firstOpened).as("the funnel learns the page was opened").isNotNull();
		this.mvc.perform(get("/rsvp/{t}", token).with(from(this.client))).andExpect(status().isOk());
		assertThat(opened(plan)).as("only the first opening is kept").isEqualTo(firstOpened);
	}

	@Test
	void opensInTheInviteesOwnLanguageUnlessTheyChooseAnother() throws Exception {
		long plan = this.events.anApprovedEvent("言葉の会 " + System.nanoTime(), 30);
		EmployeeRef english = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		String token = this.support.invite(plan, List.of(english)).get(0);
		this.mvc.perform(get("/rsvp/{t}", token).with(from(this.client)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Attending so far: 0")));
		this.mvc.perform(get("/rsvp/{t}", token).param("lang", "ja").with(from(this.client)))
			.andExpect(content().string(containsString("現在の参加者：0人")));
	}

	@Test
	void countsWhoSaidYesAndHowManyFromTheInviteesOwnDepartmentAsAnswersComeIn() throws Exception {
		long plan = this.events.anApprovedEvent("数の見える会 " + System.nanoTime(), 100);
		EmployeeRef english = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		List<String> tokens = this.support.invite(plan, List.of(english, this.invitee));
		this.mvc.perform(get("/rsvp/{t}", tokens.get(1)).with(from(this.client)))
			.andExpect(content().string(containsString("現在の参加者：0人（営業部からはまだいません）")));

		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		this.mvc.perform(get("/rsvp/{t}", tokens.get(1)).with(from(this.client)))
			.andExpect(content().string(containsString("現在の参加者：1人（うち営業部から1人）")));
		this.mvc.perform(get("/rsvp/{t}", tokens.get(0)).with(from(this.client)))
			.andExpect(content().string(containsString("Attending so far: 1 (nobody from Logistics yet)")));

		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.mvc.perform(get("/rsvp/{t}", tokens.get(0)).with(from(this.client)))
			.andExpect(content().string(containsString("Attending so far: 2 (1 of them from Logistics)")));
	}

	@Test
	void aPostWithTheCsrfTokenRecordsTheAnswerAndItCanChangeUntilTheDeadline() throws Exception {
		long plan = this.events.anApprovedEvent("答える会 " + System.nanoTime(), 30);
		String token = this.support.invite(plan, List.of(this.invitee)).get(0);

		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").with(from(this.client)))
			.andExpect(status().isForbidden());
		assertThat(answer(plan)).as("no answer without the CSRF token").isEqualTo("PENDING");

		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").param("note", "少し遅れます")
				.with(from(this.client)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/rsvp/" + token))
			.andExpect(flash().attribute("flash", "rsvp.recorded.ATTENDING"));
		assertThat(answer(plan)).isEqualTo("ATTENDING");
		this.mvc.perform(get("/rsvp/{t}", token).param("lang", "en").with(from(this.client)))
			.andExpect(content().string(containsString("You are attending")))
			.andExpect(content().string(containsString("Attending so far: 1")))
			.andExpect(content().string(containsString("少し遅れます")));

		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "DECLINED").with(from(this.client)).with(csrf()))
			.andExpect(flash().attribute("flash", "rsvp.recorded.DECLINED"));
		assertThat(answer(plan)).isEqualTo("DECLINED");
	}

	@Test
	void afterTheDeadlineThePageIsReadOnlyAndTheAnswerCannotChange() throws Exception {
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("締切後の会 " + System.nanoTime(), 30, start, start.minus(Duration.ofDays(1)));
		String token = this.support.invite(plan, List.of(this.invitee)).get(0);
		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").with(from(this.client)).with(csrf()))
			.andExpect(flash().attribute("flash", "rsvp.recorded.ATTENDING"));

		this.jdbc.sql("UPDATE event_plans SET rsvp_deadline = now() - interval '1 minute' WHERE id = ?").param(plan).update();

		this.mvc.perform(get("/rsvp/{t}", token).with(from(this.client)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("回答期限を過ぎたため")))
			.andExpect(content().string(not(containsString("id=\"attend\""))));
		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "DECLINED").with(from(this.client)).with(csrf()))
			.andExpect(flash().attribute("flash", "rsvp.refused.closed"));
		assertThat(answer(plan)).isEqualTo("ATTENDING");
	}

	@Test
	void unknownMalformedExpiredAndCancelledLinksAllGetTheSameInvalidPage() throws Exception {
		long ended = this.events.anApprovedEvent("終わった会 " + System.nanoTime(), 30);
		String endedToken = this.support.invite(ended, List.of(this.invitee)).get(0);
		this.jdbc.sql("""
				UPDATE event_plans SET rsvp_deadline = now() - interval '3 days', starts_at = now() - interval '2 days',
				       ends_at = now() - interval '1 day' WHERE id = ?""").param(ended).update();
		long cancelled = this.events.anApprovedEvent("中止の会 " + System.nanoTime(), 30);
		String cancelledToken = this.support.invite(cancelled, List.of(this.invitee)).get(0);
		this.jdbc.sql("UPDATE event_plans SET status = 'CANCELLED' WHERE id = ?").param(cancelled).update();

		String unknown = RsvpToken.generate().value();
		String body = null;
		for (String link : List.of(unknown, "not-a-token", unknown.substring(1), endedToken, cancelledToken)) {
			String page = this.mvc.perform(get("/rsvp/{t}", link).with(from(this.client)))
				.andExpect(status().isNotFound())
				.andExpect(header().string("Referrer-Policy", "no-referrer"))
				.andExpect(content().string(containsString("このリンクは無効です")))
				.andReturn()
				.getResponse()
				.getContentAsString()
				// The language links repeat the address; the page itself must not differ.
				.replace("/rsvp/" + link, "/rsvp/LINK")
				.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "");
			if (body != null) {
				assertThat(page)
					.as("no hint whether the link existed")
					.isEqualTo(body);
			}
			body = page;
		}
		this.mvc.perform(post("/rsvp/{t}", cancelledToken).param("answer", "ATTENDING").with(from(this.client)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(answer(cancelled)).isEqualTo("PENDING");
	}

	@Test
	void manyBadLinksFromOneClientGet429ButAValidLinkFromThatClientStillOpens() throws Exception {
		long plan = this.events.anApprovedEvent("総当たりされる会 " + System.nanoTime(), 30);
		String token = this.support.invite(plan, List.of(this.invitee)).get(0);
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(get("/rsvp/{t}", RsvpToken.generate().value()).with(from(this.client)))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/rsvp/{t}", RsvpToken.generate().value()).with(from(this.client)))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(post("/rsvp/{t}", RsvpToken.generate().value()).param("answer", "ATTENDING")
				.with(from(this.client)).with(csrf()))
			.andExpect(status().isTooManyRequests());
		// Behind a proxy the whole office shares this address: a colleague's valid link still works.
		this.mvc.perform(get("/rsvp/{t}", token).with(from(this.client)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"attend\"")));
		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").with(from(this.client)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "rsvp.recorded.ATTENDING"));
		assertThat(answer(plan)).isEqualTo("ATTENDING");
		this.mvc.perform(get("/rsvp/{t}", RsvpToken.generate().value()).with(from(this.client)))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void aNoteTooLongSaysSoAndANoteWithControlCharactersIsRefusedChangingNothing() throws Exception {
		long plan = this.events.anApprovedEvent("長いメモの会 " + System.nanoTime(), 30);
		String token = this.support.invite(plan, List.of(this.invitee)).get(0);
		Object before = state(plan);
		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").param("note", "あ".repeat(1001))
				.with(from(this.client)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "rsvp.refused.noteTooLong"));
		var refused = this.mvc.perform(post("/rsvp/{t}", token).param("answer", "DECLINED").param("note", "遅れます\u0000")
				.with(from(this.client)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "typeMismatch.java.lang.String"))
			.andReturn();
		// The message travels in a cookie (no session is opened for it): follow the redirect with it.
		this.mvc.perform(get("/rsvp/{t}", token).cookie(refused.getResponse().getCookie("FLASH")).with(from(this.client)))
			.andExpect(content().string(containsString("保存できない制御文字")));
		assertThat(state(plan)).as("nothing recorded").isEqualTo(before);
		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "MAYBE").with(from(this.client)).with(csrf()))
			.andExpect(flash().attribute("flash", "rsvp.refused.choice"));
		this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").param("note", "一行目\n二行目 🎉")
				.with(from(this.client)).with(csrf()))
			.andExpect(flash().attribute("flash", "rsvp.recorded.ATTENDING"));
		assertThat(this.jdbc.sql("SELECT note FROM invitations WHERE plan_id = ?").param(plan).query(String.class).single())
			.isEqualTo("一行目\n二行目 🎉");
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private Object state(long plan) {
		return this.jdbc.sql("SELECT answer, note, answered_at, version FROM invitations WHERE plan_id = ?")
			.param(plan)
			.query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)), String.valueOf(rs.getTimestamp(3)),
					rs.getLong(4)))
			.single();
	}

	private String answer(long plan) {
		return this.jdbc.sql("SELECT answer FROM invitations WHERE plan_id = ?").param(plan).query(String.class).single();
	}

	private Instant opened(long plan) {
		return this.jdbc.sql("SELECT first_opened_at FROM invitations WHERE plan_id = ?")
			.param(plan)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
			.single()
			.orElse(null);
	}

}
