package io.tsunagu.invitations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A double tap on the answer button, or the same link answered on two devices at once: every POST gets
 * the answer page back with the answer recorded (never an error), and the seat is taken once.
 */
@TsunaguTest
class DoubleTapTests extends InvitationTestBase {

	static final int TAPS = 8;

	@Test
	void answersPostedAtTheSameMomentAreRecordedOneAfterTheOther() throws Exception {
		long plan = this.events.anApprovedEvent("連打の会 " + System.nanoTime(), 30);
		EmployeeRef invitee = this.directory.findByEmail("manager@tsunagu.example").orElseThrow();
		String token = this.support.invite(plan, List.of(invitee)).get(0);
		ExecutorService threads = Executors.newFixedThreadPool(TAPS);
		try {
			for (Answer answer : List.of(Answer.ATTENDING, Answer.DECLINED, Answer.ATTENDING, Answer.DECLINED, Answer.ATTENDING)) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<MvcResult>> taps = new ArrayList<>();
				for (int i = 0; i < TAPS; i++) {
					Callable<MvcResult> tap = () -> {
						start.await();
						return this.mvc.perform(post("/rsvp/{t}", token).param("answer", answer.name()).with(csrf()))
							.andReturn();
					};
					taps.add(threads.submit(tap));
				}
				start.countDown();
				for (Future<MvcResult> tap : taps) {
					MvcResult result = tap.get();
					assertThat(result.getResponse().getStatus()).as(answer + " tapped " + TAPS + " times at once").isEqualTo(302);
					FlashMap flash = result.getFlashMap();
					assertThat(flash.get("flash")).isEqualTo("rsvp.recorded." + answer.name());
				}
				assertThat(this.jdbc.sql("SELECT seats_taken FROM event_seats WHERE plan_id = ?").param(plan).query(Integer.class).single())
					.as("seats taken after " + answer)
					.isEqualTo(answer == Answer.ATTENDING ? 1 : 0);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
