package io.tsunagu.browser;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.OrgChart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser's and the approvers' journey in headless Chromium: draft, team up, submit, and the
 * plan signed off from the top down.
 */
class ApprovalJourneyBrowserTests extends BrowserTests {

	static final String PASSWORD = "tsunagu-demo";

	static final String ORGANISER = "organiser@tsunagu.example";

	@Autowired
	OrgChart orgChart;

	Approvers chain;

	@BeforeEach
	void chain() {
		this.chain = this.orgChart.approversFor("PLAN");
	}

	@Test
	void organiserDraftsAndSubmitsAndThePlanIsSignedOffFromTheTopDown() throws Exception {
		String title = "部署横断 納涼会 " + System.nanoTime() % 100000;
		logInAs(ORGANISER);
		String plan = draft(title);
		this.browser.screenshot("plan-draft-ja");

		// A task for a helper from Logistics: the list and the department count change without a reload.
		this.browser.js("window.notReloaded = true;");
		this.browser.type(By.cssSelector("#task-form input[name=title]"), "バスの手配");
		this.browser.type(By.cssSelector("#task-form input[name=assignee]"), "david.lee@tsunagu.example");
		this.browser.click(By.cssSelector("#task-form button[type=submit]"));
		this.browser.find(By.xpath("//li[contains(@class,'task')]//div[contains(.,'バスの手配')]"));
		this.browser.waitForText(By.id("coverage"), "物流部");
		assertThat(this.browser.js("return window.notReloaded === true;")).isEqualTo(true);

		this.browser.clickAndWaitForPage(By.id("submit-plan"));
		this.browser.waitForExactText(By.id("plan-status"), "承認待ち");
		this.browser.waitForText(By.id("approval"), this.chain.executive().name(), "判断待ち");

		decide(this.chain.executive().email(), plan, "APPROVE", "ご家族も楽しめる会にしてください");
		decide(this.chain.officer().email(), plan, "APPROVE", null);
		decide(this.chain.manager().email(), plan, "APPROVE", null);

		logInAs(ORGANISER);
		this.browser.open(plan);
		this.browser.waitForExactText(By.id("plan-status"), "承認済み");
		this.browser.waitForText(By.id("direction"), "ご家族も楽しめる会にしてください", this.chain.executive().name());
		this.browser.screenshot("plan-approved-ja");

		this.browser.open(plan + "?lang=en");
		this.browser.waitForExactText(By.id("plan-status"), "Approved");
		this.browser.waitForText(By.id("approval"), "Executive", "Officer in charge", "Department manager");
		this.browser.screenshot("plan-approved-en");
		this.browser.driver().manage().window().setSize(new Dimension(390, 1400));
		this.browser.open(plan + "?lang=ja");
		this.browser.waitForExactText(By.id("plan-status"), "承認済み");
		this.browser.screenshot("plan-approved-phone-ja");
	}

	@Test
	void theOfficerAsksForChangesAndTheResubmittedPlanGoesThroughANewRound() throws Exception {
		String title = "同期会 " + System.nanoTime() % 100000;
		logInAs(ORGANISER);
		String plan = draft(title);
		this.browser.clickAndWaitForPage(By.id("submit-plan"));
		this.browser.waitForExactText(By.id("plan-status"), "承認待ち");

		decide(this.chain.executive().email(), plan, "APPROVE", null);
		decide(this.chain.officer().email(), plan, "REQUEST_CHANGES", "会費の目安を書いてください");

		logInAs(ORGANISER);
		this.browser.open(plan);
		this.browser.waitForExactText(By.id("plan-status"), "修正依頼あり");
		this.browser.waitForText(By.id("approval"), "会費の目安を書いてください");
		this.browser.clickAndWaitForPage(By.id("edit-plan"));
		this.browser.find(By.id("purpose")).sendKeys("（会費は一人 3,000 円の見込み）");
		this.browser.clickAndWaitForPage(By.id("save-plan"));
		this.browser.clickAndWaitForPage(By.id("submit-plan"));
		this.browser.waitForExactText(By.id("plan-status"), "承認待ち");
		this.browser.waitForText(By.id("round-2"), "第2回（第2版）", "判断待ち");
		this.browser.waitForText(By.id("round-1"), "修正依頼");
		this.browser.screenshot("plan-second-round-ja");

		logInAs(this.chain.executive().email());
		this.browser.open("/approvals");
		this.browser.waitForText(By.id("inbox"), title);
		this.browser.waitForText(By.id("nav-approvals"), "a count", text -> text.matches("(?s).*\\d+.*"));
		this.browser.screenshot("approval-inbox-ja");
		decide(this.chain.executive().email(), plan, "APPROVE", null);
		decide(this.chain.officer().email(), plan, "APPROVE", null);
		decide(this.chain.manager().email(), plan, "APPROVE", null);
		logInAs(ORGANISER);
		this.browser.open(plan);
		this.browser.waitForExactText(By.id("plan-status"), "承認済み");
	}

	private String draft(String title) throws Exception {
		this.browser.open("/plans");
		this.browser.clickAndWaitForPage(By.id("new-plan"));
		this.browser.type(By.id("title"), title);
		new Select(this.browser.find(By.id("kind"))).selectByValue("CROSS_DEPARTMENT_MIXER");
		this.browser.type(By.id("purpose"), "普段話さない部署の人と顔見知りになる");
		this.browser.type(By.id("audience"), "全社員");
		// Some months ahead of whenever the test runs, so that it never plans an event in the past.
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(7);
		this.browser.setValue("startsAt", day + "T18:30");
		this.browser.setValue("endsAt", day + "T21:00");
		this.browser.setValue("rsvpDeadline", day.minusDays(10) + "T18:00");
		this.browser.type(By.id("venue"), "本社屋上テラス");
		this.browser.type(By.id("capacity"), "80");
		this.browser.screenshot("plan-form-ja");
		this.browser.clickAndWaitForPage(By.id("save-plan"));
		this.browser.waitForExactText(By.tagName("h1"), title);
		return new URI(this.browser.driver().getCurrentUrl()).getPath();
	}

	private void decide(String approver, String plan, String kind, String comment) throws Exception {
		logInAs(approver);
		this.browser.open(plan);
		this.browser.clickAndWaitForPage(By.id("decide"));
		this.browser.click(By.cssSelector("input[name=kind][value=" + kind + "]"));
		if (comment != null) {
			this.browser.type(By.id("comment"), comment);
		}
		this.browser.clickAndWaitForPage(By.id("record-decision"));
		this.browser.find(By.cssSelector(".alert[role=status]"));
	}

	private void logInAs(String email) {
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(email, PASSWORD);
	}

}
