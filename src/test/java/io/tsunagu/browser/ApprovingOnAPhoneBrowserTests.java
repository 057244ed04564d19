package io.tsunagu.browser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approver on a phone: the mail's button leads through the login to the decision page, which shows the
 * whole plan above the decision; the home page shows what waits for them. At 360 px and at desktop width, in
 * Japanese and English, with nothing wider than the screen.
 */
class ApprovingOnAPhoneBrowserTests extends BrowserTests {

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
	ApplicationContext context;

	@Test
	void anOfficerReadsThePlanAndDecidesOnAPhoneThenSeesWhatElseWaitsAtHome() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		EmployeeRef officer = this.orgChart.approversFor(events.organiser().departmentCode()).officer();
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String title = "部署をまたぐ秋のボウリング大会 " + System.nanoTime() % 100000;
		long plan = events.aDraft(title, 60, start, start.minus(7, ChronoUnit.DAYS));
		events.approveUpTo(plan, 1);
		events.approveUpTo(events.aDraft("新人と先輩のランチ会 " + System.nanoTime() % 100000, 20, start,
				start.minus(7, ChronoUnit.DAYS)), 1);
		long step = this.approvals.inbox(officer.id()).stream().filter(item -> item.planId() == plan).findFirst()
			.orElseThrow().stepId();
		// Invitations waiting for the officer's answer, and one event they attend.
		InvitationTestSupport invitations = InvitationTestSupport.from(this.context, events);
		invitations.invite(events.anApprovedEvent("全社 夏祭り " + System.nanoTime() % 100000, 200), List.of(officer));
		String attending = "広報部との勉強会 " + System.nanoTime() % 100000;
		String token = invitations.invite(events.anApprovedEvent(attending, 30), List.of(officer)).get(0);

		phone();
		this.browser.open("/approvals/steps/" + step);
		this.browser.find(By.id("email")).sendKeys(officer.email());
		this.browser.find(By.id("password")).sendKeys("tsunagu-demo");
		this.browser.clickAndWaitForPage(By.cssSelector("form button[type=submit]"));
		this.browser.waitForText(By.id("plan-summary"), "部署を越えて顔見知りになる", "本社 8F 大会議室", "60人", "120,000円");
		assertFitsTheScreen();
		this.browser.screenshot("decision-phone-ja");
		this.browser.open("/approvals/steps/" + step + "?lang=en");
		this.browser.waitForText(By.id("plan-summary"), "60 people", "Budget");
		assertFitsTheScreen();
		this.browser.screenshot("decision-phone-en");
		desktop();
		this.browser.open("/approvals/steps/" + step + "?lang=en");
		this.browser.waitForText(By.id("plan-summary"), "60 people");
		this.browser.screenshot("decision-desktop-en");
		this.browser.open("/approvals/steps/" + step + "?lang=ja");
		this.browser.waitForText(By.id("plan-summary"), "60人");
		this.browser.screenshot("decision-desktop-ja");

		phone();
		this.browser.click(By.cssSelector("input[name=kind][value=APPROVE]"));
		this.browser.clickAndWaitForPage(By.id("record-decision"));
		this.browser.find(By.cssSelector(".alert[role=status]"));

		// Answer one invitation from home: a link of the officer's own opens the answer page.
		this.browser.open("/");
		this.browser.waitForText(By.id("home-invitations"), attending);
		this.browser.clickAndWaitForPage(By.xpath("//div[@id='home-invitations']//li[contains(.,'" + attending + "')]//button"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/rsvp/").doesNotContain(token);
		this.browser.clickAndWaitForPage(By.cssSelector("button[name=answer][value=ATTENDING]"));
		this.browser.open("/");
		this.browser.waitForText(By.id("home-attending"), attending);
		// The card lists the oldest of what waits (other tests on this database leave plans for the officer too).
		this.browser.waitForText(By.id("home-approvals"),
				this.approvals.waitingFor(officer.id(), 5).getContent().get(0).planTitle());
		assertFitsTheScreen();
		this.browser.screenshot("home-phone-ja");
		this.browser.open("/?lang=en");
		this.browser.waitForText(By.id("home-approvals"), "Plans waiting for your decision");
		assertFitsTheScreen();
		this.browser.screenshot("home-phone-en");
		desktop();
		this.browser.open("/?lang=en");
		this.browser.waitForText(By.id("home-attending"), attending);
		this.browser.screenshot("home-desktop-en");
		this.browser.open("/?lang=ja");
		this.browser.waitForText(By.id("home-attending"), attending);
		this.browser.screenshot("home-desktop-ja");
	}

	private void phone() {
		this.browser.driver().manage().window().setSize(new Dimension(360, 2200));
	}

	private void desktop() {
		this.browser.driver().manage().window().setSize(new Dimension(1280, 1400));
	}

	private void assertFitsTheScreen() {
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as("nothing wider than the screen").isEqualTo(true);
	}

}
