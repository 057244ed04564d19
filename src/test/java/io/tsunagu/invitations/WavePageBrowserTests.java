package io.tsunagu.invitations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser's invitations page in headless Chromium, on a phone and on a desk, in Japanese and in
 * English: namesakes in the search told apart, an unwritten message left in peace, the sent list with
 * the message and the reply to a decline, and nothing wider than the window.
 */
class WavePageBrowserTests extends BrowserTests {

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	InvitationWaves waves;

	@Autowired
	RsvpAnswers answers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theInvitationsPageReadsOnAPhoneAndOnADeskInBothLanguages() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		long plan = events.anApprovedEvent("新年の部署横断ランチ " + System.nanoTime() % 100000, 30);
		EmployeeRef organiser = events.organiser();
		EmployeeRef david = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		EmployeeRef emily = this.directory.findByEmail("emily.clark@tsunagu.example").orElseThrow();
		String token = new InvitationTestSupport(this.waves, events, this.jdbc).invite(plan, List.of(david)).get(0);
		this.answers.answer(token, Answer.DECLINED, "その週は大阪出張です。");
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, david.id()).query(Long.class).single();
		this.waves.replyToDecline(plan, invitation, organiser.id(), ApprovedEvents.ORGANISER, "デイビッドさん、また今度ランチに行きましょう。");
		this.waves.add(plan, organiser.id(), ApprovedEvents.ORGANISER, emily.id());
		String namesake = this.jdbc.sql("""
				SELECT name FROM employees WHERE active GROUP BY name HAVING count(DISTINCT department_id) > 1
				ORDER BY name LIMIT 1""").query(String.class).single();
		String page = "/plans/" + plan + "/invitations?q=" + namesake;

		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		for (String lang : List.of("ja", "en")) {
			for (int width : new int[] { 360, 1280 }) {
				this.browser.driver().manage().window().setSize(new Dimension(width, 900));
				this.browser.open(page + "&lang=" + lang);
				this.browser.waitForText(By.id("matches"), namesake, lang.equals("ja") ? "年入社" : "joined");
				this.browser.waitForText(By.id("sent"), "デイビッドさん、また今度ランチに行きましょう。");
				assertThat(this.browser.js("return document.querySelectorAll('.draft .finding').length"))
					.as("an unwritten message is not criticised").isEqualTo(0L);
				assertThat(this.browser.findAll(By.cssSelector("#matches li.match"))).hasSizeGreaterThan(1);
				assertThat((Boolean) this.browser.js(
						"return document.documentElement.scrollWidth <= window.innerWidth"))
					.as("nothing wider than %d px in %s", width, lang)
					.isTrue();
				this.browser.screenshot("wave-" + lang + "-" + width);
				this.browser.js("document.getElementById('invitee-search').scrollIntoView({behavior: 'instant'})");
				this.browser.screenshot("wave-" + lang + "-" + width + "-search");
				this.browser.js("document.getElementById('sent').scrollIntoView({behavior: 'instant'})");
				this.browser.screenshot("wave-" + lang + "-" + width + "-sent");
			}
		}
	}

}
