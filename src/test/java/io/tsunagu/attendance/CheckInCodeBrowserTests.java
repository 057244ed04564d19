package io.tsunagu.attendance;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in code on a phone: the attendee's answer page shows a QR code the camera reads (read back
 * here from a screenshot), and the organiser's phone opens it, logging in first when needed, names the
 * person and checks them in with one tap; the event's page then counts them. Kept as screenshots at
 * 360 px in Japanese and English.
 */
class CheckInCodeBrowserTests extends BrowserTests {

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
	BeanFactory beans;

	@Test
	void anOrganisersPhoneReadsTheAttendeesCodeAndChecksThemInWithOneTap() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		EventDay day = new EventDay(events, this.jdbc);
		long plan = day.today("2016年入社 同期会 〜 十年目の再会 〜 " + System.nanoTime() % 100000, 40);
		EmployeeRef guest = this.directory.findById(day.someEmployees(3).get(2)).orElseThrow();
		String answerLink = "/rsvp/" + InvitationTestSupport.from(this.beans, events).invite(plan, List.of(guest)).get(0);
		this.browser.driver().manage().window().setSize(new Dimension(360, 1400));

		this.browser.open(answerLink + "?lang=ja");
		this.browser.clickAndWaitForPage(By.id("attend"));
		this.browser.waitForText(By.id("check-in-pass"), "受付用のQRコード");
		this.browser.screenshot("check-in-code-answer-ja-360");
		this.browser.open(answerLink + "?lang=en");
		this.browser.waitForText(By.id("check-in-pass"), "Your check-in code");
		String seen = QrImages.read(this.browser.find(By.cssSelector("#check-in-pass [role=img]")).getScreenshotAs(OutputType.BYTES));
		this.browser.screenshot("check-in-code-answer-en-360");
		String code = URI.create(seen).getPath();
		assertThat(code).matches("/check-in/[A-Za-z0-9_-]{22}");
		this.browser.driver().manage().window().setSize(new Dimension(1280, 1100));
		this.browser.open(answerLink + "?lang=ja");
		this.browser.waitForText(By.id("check-in-pass"), "受付用のQRコード");
		this.browser.screenshot("check-in-code-answer-ja-1280");
		this.browser.driver().manage().window().setSize(new Dimension(360, 1400));

		// The organiser's phone was logged out: the code leads to the login first, then back to the person.
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open(code);
		this.browser.waitUntil("the login page", driver -> driver.getCurrentUrl().contains("/login"));
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.waitForText(By.id("scanned-person"), guest.name());
		assertThat(this.browser.driver().getCurrentUrl()).contains(code);
		this.browser.open(code + "?lang=en");
		this.browser.waitForText(By.id("expected"), "Attending");
		this.browser.screenshot("check-in-code-scan-en-360");
		this.browser.open(code + "?lang=ja");
		this.browser.waitForText(By.id("expected"), "参加予定の方です");
		this.browser.screenshot("check-in-code-scan-ja-360");

		this.browser.clickAndWaitForPage(By.id("check-in"));
		this.browser.waitForText(By.id("checked-in"), "受付済みです");
		this.browser.screenshot("check-in-code-scanned-ja-360");
		this.browser.open(code + "?lang=en");
		this.browser.waitForText(By.id("checked-in"), "Checked in");
		this.browser.screenshot("check-in-code-scanned-en-360");

		this.browser.open("/plans/" + plan + "?lang=ja");
		this.browser.waitForText(By.id("turnout-came"), "来場: 参加予定1人中1人（100%）、当日参加0人");
		this.browser.screenshot("check-in-turnout-ja-360");
		this.browser.open("/plans/" + plan + "?lang=en");
		this.browser.waitForText(By.id("turnout-came"), "Came: 1 of 1 attending (100%), no walk-ins");
		this.browser.screenshot("check-in-turnout-en-360");
		for (int width : List.of(360, 1280)) {
			this.browser.driver().manage().window().setSize(new Dimension(width, 1400));
			for (String lang : List.of("ja", "en")) {
				this.browser.open("/plans/" + plan + "/invitations?lang=" + lang);
				this.browser.waitForText(By.cssSelector("#funnel td.came"), "1");
				this.browser.js("document.getElementById('funnel').scrollIntoView({behavior: 'instant'})");
				this.browser.screenshot("check-in-funnel-" + lang + "-" + width);
			}
		}
		this.browser.open(code + "?lang=ja");
		this.browser.waitForText(By.id("checked-in"), "受付済みです");
		this.browser.screenshot("check-in-code-scanned-ja-1280");
		this.browser.open("/check-in/" + "x".repeat(22) + "?lang=en");
		this.browser.waitForText(By.id("invalid-code"), "This code checks nobody in");
		this.browser.screenshot("check-in-code-nowhere-en-1280");
		day.putAway();
	}

}
