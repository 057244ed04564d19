package io.tsunagu.browser;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
		js("window.notReloaded = true;");
		type(By.cssSelector("#task-form input[name=title]"), "バスの手配");
		type(By.cssSelector("#task-form input[name=assignee]"), "david.lee@tsunagu.example");
		click(By.cssSelector("#task-form button[type=submit]"));
		waitFor(By.xpath("//li[contains(@class,'task')]//div[contains(.,'バスの手配')]"));
		assertThat(this.browser.text(By.id("coverage"))).contains("物流部");
		assertThat(js("return window.notReloaded === true;")).isEqualTo(true);

		click(By.id("submit-plan"));
		assertThat(this.browser.text(By.id("plan-status"))).isEqualTo("承認待ち");
		assertThat(this.browser.text(By.id("approval"))).contains(this.chain.executive().name()).contains("判断待ち");

		decide(this.chain.executive().email(), plan, "APPROVE", "ご家族も楽しめる会にしてください");
		decide(this.chain.officer().email(), plan, "APPROVE", null);
		decide(this.chain.manager().email(), plan, "APPROVE", null);

		logInAs(ORGANISER);
		this.browser.open(plan);
		assertThat(this.browser.text(By.id("plan-status"))).isEqualTo("承認済み");
		assertThat(this.browser.text(By.id("direction"))).contains("ご家族も楽しめる会にしてください")
			.contains(this.chain.executive().name());
		this.browser.screenshot("plan-approved-ja");

		this.browser.open(plan + "?lang=en");
		assertThat(this.browser.text(By.id("plan-status"))).isEqualTo("Approved");
		assertThat(this.browser.text(By.id("approval"))).contains("Executive").contains("Officer in charge")
			.contains("Department manager");
		this.browser.screenshot("plan-approved-en");
		this.browser.driver().manage().window().setSize(new Dimension(390, 1400));
		this.browser.open(plan + "?lang=ja");
		this.browser.screenshot("plan-approved-phone-ja");
	}

	@Test
	void theOfficerAsksForChangesAndTheResubmittedPlanGoesThroughANewRound() throws Exception {
		String title = "同期会 " + System.nanoTime() % 100000;
		logInAs(ORGANISER);
		String plan = draft(title);
		click(By.id("submit-plan"));

		decide(this.chain.executive().email(), plan, "APPROVE", null);
		decide(this.chain.officer().email(), plan, "REQUEST_CHANGES", "会費の目安を書いてください");

		logInAs(ORGANISER);
		this.browser.open(plan);
		assertThat(this.browser.text(By.id("plan-status"))).isEqualTo("修正依頼あり");
		assertThat(this.browser.text(By.id("approval"))).contains("会費の目安を書いてください");
		click(By.id("edit-plan"));
		WebElement purpose = this.browser.driver().findElement(By.id("purpose"));
		purpose.sendKeys("（会費は一人 3,000 円の見込み）");
		click(By.id("save-plan"));
		click(By.id("submit-plan"));
		assertThat(this.browser.text(By.id("plan-status"))).isEqualTo("承認待ち");
		assertThat(this.browser.text(By.id("round-2"))).contains("第2回（第2版）").contains("判断待ち");
		assertThat(this.browser.text(By.id("round-1"))).contains("修正依頼");
		this.browser.screenshot("plan-second-round-ja");

		logInAs(this.chain.executive().email());
		this.browser.open("/approvals");
		assertThat(this.browser.text(By.id("inbox"))).contains(title);
		assertThat(this.browser.text(By.id("nav-approvals"))).matches("(?s).*\\d+.*");
		this.browser.screenshot("approval-inbox-ja");
		decide(this.chain.executive().email(), plan, "APPROVE", null);
		decide(this.chain.officer().email(), plan, "APPROVE", null);
		decide(this.chain.manager().email(), plan, "APPROVE", null);
		logInAs(ORGANISER);
		this.browser.open(plan);
		assertThat(this.browser.text(By.id("plan-status"))).isEqualTo("承認済み");
	}

	private String draft(String title) throws Exception {
		this.browser.open("/plans");
		click(By.id("new-plan"));
		type(By.id("title"), title);
		new org.openqa.selenium.support.ui.Select(this.browser.driver().findElement(By.id("kind")))
			.selectByValue("CROSS_DEPARTMENT_MIXER");
		type(By.id("purpose"), "普段話さない部署の人と顔見知りになる");
		type(By.id("audience"), "全社員");
		setValue("startsAt", "2027-07-20T18:30");
		setValue("endsAt", "2027-07-20T21:00");
		setValue("rsvpDeadline", "2027-07-10T18:00");
		type(By.id("venue"), "本社屋上テラス");
		type(By.id("capacity"), "80");
		this.browser.screenshot("plan-form-ja");
		click(By.id("save-plan"));
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo(title);
		return new java.net.URI(this.browser.driver().getCurrentUrl()).getPath();
	}

	private void decide(String approver, String plan, String kind, String comment) throws Exception {
		logInAs(approver);
		this.browser.open(plan);
		click(By.id("decide"));
		click(By.cssSelector("input[name=kind][value=" + kind + "]"));
		if (comment != null) {
			type(By.id("comment"), comment);
		}
		click(By.id("record-decision"));
		waitFor(By.cssSelector(".alert[role=status]"));
	}

	private void logInAs(String email) {
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(email, PASSWORD);
	}

	private void click(By by) {
		WebElement element = this.browser.driver().findElement(by);
		js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private void type(By by, String text) {
		WebElement field = this.browser.driver().findElement(by);
		field.clear();
		field.sendKeys(text);
	}

	private void setValue(String id, String value) {
		js("document.getElementById(arguments[0]).value = arguments[1];", id, value);
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.browser.driver()).executeScript(script, args);
	}

	private void waitFor(By by) {
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

}
