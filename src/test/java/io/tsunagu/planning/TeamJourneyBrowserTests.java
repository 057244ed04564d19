package io.tsunagu.planning;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Co-organising in headless Chromium on a phone-sized window: the organiser asks a colleague, who
 * finds the request on their home page, opens the plan and joins the team; the demo says it is one.
 */
class TeamJourneyBrowserTests extends BrowserTests {

	@Autowired
	Plans plans;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Test
	void aColleagueAskedToCoOrganiseFindsTheRequestAtHomeAndJoinsTheTeamOnlyByAccepting() throws Exception {
		PlanFixtures fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
		String title = "部署横断 ボウリング大会 " + System.nanoTime() % 100000;
		long plan = fixtures.aDraftBy(PlanFixtures.ORGANISER, title).getId();
		this.browser.driver().manage().window().setSize(new Dimension(360, 1200));

		this.browser.logIn(PlanFixtures.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan);
		this.browser.waitForText(By.id("demo-banner"), "デモ");
		this.browser.type(By.id("organiser-email"), PlanFixtures.STRANGER);
		this.browser.clickAndWaitForPage(By.cssSelector("#add-organiser button[type=submit]"));
		this.browser.waitForText(By.cssSelector(".alert-dismissible[role=status]"), "David Lee さんに幹事をお願いしました");
		this.browser.waitForText(By.cssSelector(".team-proposed"), "David Lee", "返事待ち");
		this.browser.screenshot("team-asked-ja-phone");

		// David reads English: his home page lists the request, and the plan lets him answer it.
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(PlanFixtures.STRANGER, "tsunagu-demo");
		// The mail that asks him, as a phone shows it: in his language, nothing wider than the screen.
		this.browser.open("/mailbox?recipient=" + PlanFixtures.STRANGER);
		this.browser.clickAndWaitForPage(By.xpath("//div[@id='mailbox']/a[contains(., '" + title + "')]"));
		this.browser.driver().switchTo().frame(this.browser.find(By.cssSelector("iframe.mail-frame")));
		this.browser.waitForText(By.tagName("body"), "佐藤 美咲 asks you to join the organiser team of “" + title + "”.");
		assertThat(this.browser.find(By.cssSelector("a[href$='/plans/" + plan + "']")).getText()).isNotBlank();
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		this.browser.driver().switchTo().defaultContent();
		this.browser.screenshot("mail-team-proposal-en-phone");
		this.browser.open("/");
		this.browser.waitForText(By.id("team-proposals"), "Asked to join an organiser team", title, "asked by 佐藤 美咲");
		this.browser.screenshot("home-team-proposal-en-phone");
		this.browser.clickAndWaitForPage(By.linkText(title));
		this.browser.waitForText(By.id("team-proposal"), "佐藤 美咲 asks you to join the organiser team");
		this.browser.screenshot("plan-team-proposal-en-phone");
		this.browser.clickAndWaitForPage(By.id("accept-team"));
		this.browser.waitForText(By.cssSelector(".alert-dismissible[role=status]"), "You joined the organiser team of “" + title + "”.",
				"We told 佐藤 美咲, who leads it.");
		this.browser.screenshot("plan-team-joined-en-phone");

		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(PlanFixtures.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan);
		this.browser.waitUntil("David on the team and no longer waiting for his answer",
				driver -> driver.findElements(By.cssSelector(".team-proposed")).isEmpty()
						&& driver.findElement(By.id("team")).getText().contains("David Lee"));
	}

	@Test
	void anAdministratorSeesWhatLeavingTheDemoRemovesBeforeDoingIt() throws Exception {
		this.browser.logIn("admin@tsunagu.example", "tsunagu-demo");
		this.browser.open("/admin/demo");
		this.browser.waitForText(By.id("demo-removes"), "デモ会社", "メールボックス");
		this.browser.screenshot("leave-demo-ja");
		this.browser.driver().manage().window().setSize(new Dimension(360, 1200));
		this.browser.open("/admin/demo?lang=en");
		this.browser.waitForText(By.id("demo-removes"), "the demo company", "all mail");
		this.browser.screenshot("leave-demo-en-phone");
	}

}
