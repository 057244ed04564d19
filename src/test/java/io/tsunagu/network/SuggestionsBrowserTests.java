package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

/**
 * The demo organiser sees whom to invite on the invitations page and whom to ask to help in the plan's
 * team section, on a phone and on a desk, in Japanese and in English, and adds a suggested person to the
 * must-invite list in one click.
 */
class SuggestionsBrowserTests extends BrowserTests {

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TieRecorder recorder;

	@Test
	void theOrganiserSeesSuggestionsWithTheirReasonsAndAddsOneInOneClick() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		EmployeeRef organiser = events.organiser();
		SmallCompany company = new SmallCompany(this.jdbc, this.recorder);
		long logistics = company.department("LOGI", "物流部", "Logistics");
		long pr = company.department("PRX", "広報部", "Public Relations");
		long helper = company.person("Haruka Mori", logistics, 2012);
		long guest = company.person("Kenta Ishii", pr, organiser.joinYear());
		company.person("Yui Sato", pr, organiser.joinYear() + 1);
		company.held("春の同期会", "COHORT_MEETUP", LocalDate.now(SmallCompany.TOKYO).minusMonths(8),
				List.of(organiser.id(), helper), List.of(organiser.id(), guest));
		company.held("物流フェア", "STUDY_SESSION", LocalDate.now(SmallCompany.TOKYO).minusMonths(3),
				List.of(company.person("Daiki Kato", pr, 2008), helper), List.of(guest));
		long event = events.anApprovedEvent("秋の同期会 " + System.nanoTime() % 100000, 40);
		this.jdbc.sql("UPDATE event_plans SET kind = 'COHORT_MEETUP' WHERE id = ?").param(event).update();
		Instant start = Instant.now().plus(50, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long draft = events.aDraft("部署横断の懇親会 " + System.nanoTime() % 100000, 60, start, start.minus(7, ChronoUnit.DAYS));

		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		for (String lang : List.of("ja", "en")) {
			for (int width : new int[] { 360, 1280 }) {
				this.browser.driver().manage().window().setSize(new Dimension(width, 900));
				this.browser.open("/plans/" + event + "/invitations?lang=" + lang);
				this.browser.waitForText(By.id("invitee-suggestion-list"),
						lang.equals("ja") ? "あなたがまだつながっていない部署" : "a department you are not connected with yet");
				this.browser.js("document.getElementById('invitee-suggestions').scrollIntoView({behavior: 'instant'}); window.scrollBy(0, -70)");
				assertThat((Boolean) this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
					.as("nothing wider than %d px in %s", width, lang)
					.isTrue();
				this.browser.screenshot("suggestions-invitees-" + lang + "-" + width);

				this.browser.open("/plans/" + draft + "?lang=" + lang);
				this.browser.waitForText(By.id("helper-suggestion-list"), "Haruka Mori",
						lang.equals("ja") ? "チームにまだいない部署" : "a department the team does not reach yet");
				this.browser.js("document.getElementById('helper-suggestions').scrollIntoView({behavior: 'instant'}); window.scrollBy(0, -70)");
				assertThat((Boolean) this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
					.as("nothing wider than %d px in %s", width, lang)
					.isTrue();
				this.browser.screenshot("suggestions-helpers-" + lang + "-" + width);
			}
		}

		this.browser.open("/plans/" + event + "/invitations?lang=ja");
		this.browser.waitForText(By.id("invitee-suggestion-list"), "あなたがまだつながっていない部署");
		String first = this.browser.find(By.cssSelector("#invitee-suggestion-list .suggestion")).getAttribute("data-employee-id");
		String name = this.browser.text(By.cssSelector("#invitee-suggestion-list .suggestion .suggestion-name"));
		this.browser.clickAndWaitForPage(By.cssSelector("[data-employee-id='" + first + "'] button"));
		this.browser.waitForText(By.cssSelector(".alert-dismissible"), name + "さんを必ず招待するリストに追加しました");
		this.browser.waitForText(By.cssSelector(".draft"), name);
		this.browser.waitForText(By.id("invitee-suggestion-list"), "リストに追加");
		assertThat(this.browser.js("return document.querySelectorAll(arguments[0]).length",
				"#invitee-suggestion-list [data-employee-id='" + first + "']"))
			.as("someone on the list is no longer suggested")
			.isEqualTo(0L);
		this.browser.screenshot("suggestions-invitees-added-ja");
	}

}
