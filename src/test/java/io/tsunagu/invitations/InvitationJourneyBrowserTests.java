package io.tsunagu.invitations;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal invitation in headless Chromium: the organiser of an approved event writes and sends
 * one, the invitee's mail is opened in the mailbox page, the invitee answers from its link on a phone
 * without logging in, and the organiser sees the answer and the funnel.
 */
class InvitationJourneyBrowserTests extends BrowserTests {

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Test
	void organiserSendsAPersonalInvitationAndTheInviteeAttendsFromTheLinkOnAPhone() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		String title = "部署横断 もちつき大会 " + System.nanoTime() % 100000;
		long plan = events.anApprovedEvent(title, 30);
		EmployeeRef david = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();

		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan);
		this.browser.clickAndWaitForPage(By.id("invitations"));
		this.browser.type(By.id("q"), david.email());
		this.browser.clickAndWaitForPage(By.cssSelector("#invitee-search button"));
		this.browser.clickAndWaitForPage(By.cssSelector("#matches button"));
		this.browser.type(By.cssSelector(".draft textarea"),
				david.name() + "さん、先月の展示会では営業資料の英訳を一晩で仕上げてくださり本当に助かりました。ぜひお話ししたいです。");
		this.browser.clickAndWaitForPage(By.cssSelector(".draft button.btn-outline-primary"));
		this.browser.waitForText(By.cssSelector(".draft"), "指摘はありません");
		this.browser.clickConfirmAndWaitForPage(By.id("send-wave"));
		this.browser.waitForText(By.id("sent"), "未回答", david.name());

		// The invitee's mail, as the mailbox page shows it, and the answer button in it.
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn("admin@tsunagu.example", "tsunagu-demo");
		this.browser.open("/mailbox?recipient=" + david.email());
		this.browser.clickAndWaitForPage(By.xpath("//div[@id='mailbox']/a[contains(., '" + title + "')]"));
		this.browser.driver().switchTo().frame(this.browser.find(By.cssSelector("iframe.mail-frame")));
		URI link = URI.create(this.browser.find(By.cssSelector("a[href*='/rsvp/']")).getAttribute("href"));
		this.browser.driver().switchTo().defaultContent();
		this.browser.driver().manage().deleteAllCookies();
		this.browser.driver().manage().window().setSize(new Dimension(390, 844));
		// The mail links to the configured base address; the test server listens on a port of its own.
		this.browser.open(link.getRawPath() + "?" + link.getRawQuery());
		this.browser.waitForText(By.id("personal-message"), "英訳を一晩で");
		this.browser.screenshot("rsvp-phone");
		this.browser.type(By.id("note"), "楽しみにしています");
		this.browser.clickAndWaitForPage(By.id("attend"));
		// David's own language is English: the page that needs no login speaks it.
		this.browser.waitForText(By.id("current-answer"), "You are attending");
		this.browser.waitForText(By.id("attending"), "Attending so far: 1");
		this.browser.screenshot("rsvp-phone-attending");

		this.browser.driver().manage().window().setSize(new Dimension(1280, 900));
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan + "/invitations");
		this.browser.waitForText(By.id("sent"), david.name(), "参加", "楽しみにしています");
		this.browser.waitForText(By.cssSelector("#funnel tbody tr"), "個別招待", "100%");
	}

}
