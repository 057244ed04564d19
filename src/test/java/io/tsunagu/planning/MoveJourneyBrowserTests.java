package io.tsunagu.planning;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.InvitationTestSupport;

/**
 * Moving an event on a phone: the organiser gives a new place and a reason, chooses to tell those who
 * declined too, sees how many will be mailed, goes back to edit once, and confirms.
 */
class MoveJourneyBrowserTests extends BrowserTests {

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	BeanFactory beans;

	@Test
	void theOrganiserSeesHowManyAreMailedBeforeTheMoveIsMade() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		long plan = events.anApprovedEvent("部署横断 花見 " + System.nanoTime() % 100000, 30);
		InvitationTestSupport.from(this.beans, events)
			.invite(plan, List.of(this.directory.findByEmail("manager@tsunagu.example").orElseThrow(),
					this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow()));
		this.browser.driver().manage().window().setSize(new Dimension(360, 1400));
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan);
		this.browser.click(By.cssSelector("#reschedule summary"));
		this.browser.type(By.id("venue"), "別館 3F ホール");
		this.browser.type(By.id("reason"), "本館の改装のため、会場が変わります。");
		this.browser.click(By.id("alsoDeclined1"));
		this.browser.clickAndWaitForPage(By.id("reschedule-plan"));
		this.browser.waitForText(By.id("move-recipients"), "2人にメールでお知らせします");
		this.browser.waitForText(By.id("move-reason"), "本館の改装のため");
		this.browser.screenshot("move-confirm-ja-360");

		this.browser.clickAndWaitForPage(By.id("edit-reschedule"));
		this.browser.waitForText(By.id("reason"), "本館の改装のため");
		// In English, from a fresh form: the language switch of this address leads back to the plan.
		this.browser.open("/plans/" + plan + "/reschedule?lang=en");
		this.browser.click(By.cssSelector("#reschedule summary"));
		this.browser.type(By.id("venue"), "Annex 3F hall");
		this.browser.clickAndWaitForPage(By.id("reschedule-plan"));
		this.browser.waitForText(By.id("move-recipients"), "Saving this change mails 2 people");
		this.browser.driver().manage().window().setSize(new Dimension(1280, 1000));
		this.browser.screenshot("move-confirm-en-1280");
		this.browser.clickAndWaitForPage(By.id("confirm-reschedule"));
		this.browser.waitForText(By.cssSelector(".alert-dismissible[role=status]"), "The time and place were changed.");
	}

}
