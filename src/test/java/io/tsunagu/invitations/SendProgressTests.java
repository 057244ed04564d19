package io.tsunagu.invitations;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.browser.Browser;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailDispatcherAccess;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organiser watches a wave go out: N of M sent, who could not be reached, and what is retried, in a
 * block that polls itself while mail waits and stops once all is sent or given up. The dispatcher's
 * background loop is off, so each test decides when mail is delivered; one test watches the block
 * update itself in headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tsunagu.mail.dispatcher-enabled=false")
@AutoConfigureMockMvc
@IsolatedDatabase("sendprogress")
class SendProgressTests extends InvitationTestBase {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	MailDispatcherAccess dispatcher;

	EmployeeRef david;

	EmployeeRef yoko;

	EmployeeRef officer;

	@BeforeEach
	void fixtures() {
		this.dispatcher = new MailDispatcherAccess(this.context);
		this.dispatcher.dispatchDue();
		this.david = person("david.lee@tsunagu.example");
		this.yoko = person("yoko.nakamura@tsunagu.example");
		this.officer = person("officer@tsunagu.example");
	}

	@Test
	void pollsWhileMailWaitsAndStopsOnceAllIsSentOrGivenUp() throws Exception {
		long plan = this.events.anApprovedEvent("送信を見守る会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david, this.yoko, this.officer));
		long wave = sentWave(plan);
		long other = this.events.anApprovedEvent("別の会 " + System.nanoTime(), 30);
		this.support.invite(other, List.of(this.david));
		String fragment = "/plans/" + plan + "/invitations/waves/" + wave + "/progress";

		this.mvc.perform(get("/plans/{id}/invitations", plan).param("lang", "en").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sending progress")))
			.andExpect(content().string(containsString("aria-live=\"polite\"")))
			.andExpect(content().string(containsString("0 of 3 sent")))
			.andExpect(content().string(containsString("max=\"3\" value=\"0\"")))
			.andExpect(content().string(containsString("hx-get=\"" + fragment + "?shown=0-0-0-3\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
			.andExpect(content().string(containsString("hx-swap=\"outerHTML\"")));

		// David's server refuses him for good; Yoko's is down for now and is tried again in an hour.
		outcome(this.david, "FAILED", "550 5.1.1 No such user here", "now()");
		outcome(this.yoko, "QUEUED", "421 4.3.0 Try again later", "now() + interval '1 hour'");
		this.dispatcher.dispatchDue();

		this.mvc.perform(get(fragment).param("lang", "en").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 of 3 sent")))
			.andExpect(content().string(containsString("1 could not be delivered:")))
			.andExpect(content().string(containsString(this.david.name())))
			.andExpect(content().string(containsString(this.david.email())))
			.andExpect(content().string(containsString("1 not delivered yet: Tsunagu keeps trying automatically.")))
			.andExpect(content().string(not(containsString(this.yoko.name()))))
			.andExpect(content().string(containsString("hx-get=\"" + fragment + "?shown=1-1-1-0\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
		this.mvc.perform(get(fragment).param("shown", "1-1-1-0").with(organiser()))
			.andExpect(status().isNoContent())
			.andExpect(content().string(emptyString()));

		this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'QUEUED'").update();
		this.dispatcher.dispatchDue();

		this.mvc.perform(get(fragment).param("shown", "1-1-1-0").param("lang", "en").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 of 3 sent")))
			.andExpect(content().string(containsString("Done")))
			.andExpect(content().string(containsString("1 could not be delivered:")))
			.andExpect(content().string(not(containsString("not delivered yet"))))
			.andExpect(content().string(not(containsString("hx-get"))))
			.andExpect(content().string(not(containsString("hx-trigger"))));
		this.mvc.perform(get("/plans/{id}/invitations", plan).param("lang", "ja").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("送信状況")))
			.andExpect(content().string(containsString("3 件中 2 件を送信しました")))
			.andExpect(content().string(containsString("1 件は届けられませんでした")))
			.andExpect(content().string(containsString("送信完了")))
			.andExpect(content().string(not(containsString("hx-trigger=\"every"))));
	}

	@Test
	void theBlockUpdatesItselfInTheBrowserWhileTheWaveGoesOutAndThenStopsAsking() throws Exception {
		long plan = this.events.anApprovedEvent("見守られる会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david, this.yoko, this.officer));
		outcome(this.yoko, "FAILED", "550 5.1.1 No such user here", "now()");
		outcome(this.david, "QUEUED", "421 4.3.0 Try again later", "now() + interval '1 hour'");
		By block = By.id("wave-progress-" + sentWave(plan));
		try (Browser browser = new Browser(this.port)) {
			browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
			browser.open("/plans/" + plan + "/invitations");
			browser.waitForText(block, "3 件中 0 件を送信しました", "送信中", "1 件は届けられませんでした", this.yoko.name(),
					"1 件はまだ届いていません");
			browser.screenshot("send-progress-sending-ja");

			this.dispatcher.dispatchDue();
			browser.waitForText(block, "3 件中 1 件を送信しました");
			this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'QUEUED'").update();
			this.dispatcher.dispatchDue();
			String done = browser.waitForText(block, "3 件中 2 件を送信しました", "送信完了", this.yoko.name());
			assertThat(done).doesNotContain("まだ届いていません");
			browser.waitUntil("the block to stop polling", driver -> driver.findElement(block).getAttribute("hx-trigger") == null);
			browser.screenshot("send-progress-done-ja");

			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.open("/plans/" + plan + "/invitations?lang=en");
			browser.waitForText(block, "2 of 3 sent", "Done", "1 could not be delivered:");
			browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find(block));
			browser.screenshot("send-progress-done-en-phone");
		}
	}

	@Test
	void queuesTheWavesMailAsItsOwnBatch() {
		long plan = this.events.anApprovedEvent("束ねる会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david, this.yoko));
		long wave = sentWave(plan);

		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'invitation-' || i.id
				WHERE i.wave_id = ? AND o.batch = ?""").params(wave, "wave-" + wave).query(Long.class).single())
			.isEqualTo(2);
		WaveProgress progress = this.waves.progress(plan, wave, this.events.organiser().id());
		assertThat(progress.mail().total()).isEqualTo(2);
		assertThat(progress.mail().waiting()).isEqualTo(2);
		this.dispatcher.dispatchDue();
		assertThat(this.waves.progress(plan, wave, this.events.organiser().id()).mail().isDone()).isTrue();
	}

	@Test
	void onlyTheOrganisersFollowTheSendingOfTheirOwnPlansWaves() throws Exception {
		long plan = this.events.anApprovedEvent("見せない会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david));
		long wave = sentWave(plan);
		long other = this.events.anApprovedEvent("もう一つの会 " + System.nanoTime(), 30);
		this.waves.add(other, this.events.organiser().id(), ApprovedEvents.ORGANISER, this.yoko.id());
		long draft = this.jdbc.sql("SELECT id FROM invitation_waves WHERE plan_id = ?").param(other).query(Long.class).single();

		this.mvc.perform(get("/plans/{id}/invitations/waves/{w}/progress", plan, wave)
				.with(user(this.users.loadUserByUsername(this.david.email()))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/{id}/invitations/waves/{w}/progress", other, wave).with(organiser()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/{id}/invitations/waves/{w}/progress", other, draft).with(organiser()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/{id}/invitations/waves/{w}/progress", plan, wave + 1_000_000).with(organiser()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/{id}/invitations", other).with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"send-progress\""))));
	}

	@Test
	void saysWhenAServerThatWasSendingStoppedAndKeepsAsking() throws Exception {
		long plan = this.events.anApprovedEvent("止まった送信の会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david, this.yoko));
		long wave = sentWave(plan);
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', attempts = 1, claimed_by = 'a stopped server',
				       lease_until = now() - interval '1 second'
				WHERE recipient = ? AND kind = 'invitation' AND status = 'QUEUED'""")
			.param(this.david.email())
			.update();

		this.mvc.perform(get("/plans/{id}/invitations/waves/{w}/progress", plan, wave).param("lang", "en").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 of 2 sent")))
			.andExpect(content().string(
					containsString("1 not sent yet: the server sending them stopped, and another takes them over within a minute.")))
			.andExpect(content().string(containsString("shown=0-0-0-1-1")))
			.andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
	}

	private long sentWave(long planId) {
		return this.jdbc.sql("SELECT id FROM invitation_waves WHERE plan_id = ? AND status = 'SENT'")
			.param(planId)
			.query(Long.class)
			.single();
	}

	/** What the dispatcher records for an invitation it could not deliver. */
	private void outcome(EmployeeRef invitee, String status, String error, String nextAttempt) {
		this.jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = 1, last_error = ?, next_attempt_at = " + nextAttempt
				+ " WHERE recipient = ? AND kind = 'invitation' AND status = 'QUEUED'")
			.params(status, error, invitee.email())
			.update();
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	private RequestPostProcessor organiser() {
		return user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER));
	}

}
