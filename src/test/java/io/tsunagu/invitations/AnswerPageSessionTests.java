package io.tsunagu.invitations;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Mail scanners and link checkers open answer links by the thousand: looking at the answer page, with
 * GET or HEAD, in any language, with a good link or a bad one, leaves no session in the database.
 * (That the invitee still answers from such a page, its CSRF token in a cookie, is shown in a real
 * browser by InvitationJourneyBrowserTests: MockMvc's csrf() swaps the token store of the filter.)
 */
@TsunaguTest
class AnswerPageSessionTests extends InvitationTestBase {

	@Test
	void lookingAtTheAnswerPageOpensNoSession() throws Exception {
		long plan = this.events.anApprovedEvent("覗かれる会 " + System.nanoTime(), 30);
		EmployeeRef english = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		String token = this.support.invite(plan, List.of(english)).get(0);
		long before = sessions();

		for (MvcResult result : new MvcResult[] { this.mvc.perform(get("/rsvp/{t}", token)).andReturn(),
				this.mvc.perform(head("/rsvp/{t}", token)).andReturn(),
				this.mvc.perform(get("/rsvp/{t}", token).param("lang", "ja")).andReturn(),
				this.mvc.perform(head("/rsvp/{t}", token).param("lang", "en")).andReturn(),
				this.mvc.perform(get("/rsvp/{t}", "B".repeat(43))).andReturn() }) {
			assertThat(result.getResponse().getCookie("SESSION")).as(result.getRequest().getRequestURI()).isNull();
		}
		assertThat(sessions()).as("rows in spring_session").isEqualTo(before);
	}

	@Test
	void answeringOpensNoSessionAndTheConfirmationTravelsInACookie() throws Exception {
		long plan = this.events.anApprovedEvent("答える会 " + System.nanoTime(), 30);
		EmployeeRef invitee = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		String token = this.support.invite(plan, List.of(invitee)).get(0);
		long before = sessions();

		MvcResult answered = this.mvc.perform(post("/rsvp/{t}", token).param("answer", "ATTENDING").with(csrf()))
			.andReturn();

		assertThat(answered.getResponse().getStatus()).isEqualTo(302);
		assertThat(answered.getResponse().getCookie("SESSION")).isNull();
		assertThat(answered.getRequest().getSession(false)).as("a session for the flash message").isNull();
		assertThat(answered.getResponse().getCookie("FLASH")).as("the confirmation, for the next page").isNotNull();
		assertThat(sessions()).as("rows in spring_session").isEqualTo(before);
	}

	private long sessions() {
		return this.jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
	}

}
