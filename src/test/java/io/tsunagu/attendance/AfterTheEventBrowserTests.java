package io.tsunagu.attendance;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the event, in headless Chromium on a phone and on a desktop, in Japanese and English: the
 * organiser thanks the team (a copied message is sent back with the reason, the rest go out), sends the
 * note to those who came, hosts the event again and opens the series.
 */
class AfterTheEventBrowserTests extends BrowserTests {

	static final Dimension PHONE = new Dimension(360, 1800);

	static final Dimension DESKTOP = new Dimension(1280, 1200);

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	CheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOrganiserThanksTheTeamWritesToThoseWhoCameAndHostsTheEventAgain() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		EventDay day = new EventDay(events, this.jdbc);
		String title = "2019年入社 同期会 " + System.nanoTime() % 100000;
		long plan = day.today(title, 10);
		events.aTaskHandedTo(plan, "emily.clark@tsunagu.example", "会場の下見と予約（二次会の候補も）");
		List<Long> people = day.someEmployees(4);
		day.answered(plan, people.subList(0, 3), "ATTENDING");
		for (long person : List.of(people.get(0), people.get(1), people.get(3))) {
			this.checkIns.checkIn(plan, person, events.organiser().id(), UUID.randomUUID());
		}
		day.movedToThePast(plan, 26);
		long co = this.directory.findByEmail(EventDay.CO_ORGANISER).orElseThrow().id();
		long helper = this.directory.findByEmail("emily.clark@tsunagu.example").orElseThrow().id();

		this.browser.driver().manage().window().setSize(PHONE);
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan + "?lang=ja");
		this.browser.clickAndWaitForPage(By.id("thank-team"));
		this.browser.waitForText(By.id("thanks-" + helper), "会場の下見と予約");
		this.browser.type(By.id("to-" + co), "伊藤さん、ありがとう！");
		this.browser.clickAndWaitForPage(By.id("send-thanks"));
		this.browser.waitForText(By.id("refusal"), "どれも送っていません");
		this.browser.waitForText(By.cssSelector("#thanks-" + co + " .finding"), "短すぎます");
		this.browser.screenshot("thanks-refused-ja-phone");

		this.browser.setValue("to-" + co, "伊藤さん、当日の受付を一手に引き受けてくださって本当に助かりました。営業部の皆さんにも声をかけてくれてありがとう。");
		this.browser.clickAndWaitForPage(By.id("send-thanks"));
		this.browser.waitForText(By.cssSelector(".alert-dismissible[role=status]"), "お礼を1人に送りました");
		this.browser.type(By.id("note"), "当日の写真をここに置きました: https://photos.tsunagu.example/albums/2019-cohort");
		this.browser.clickAndWaitForPage(By.id("send-note"));
		this.browser.waitForText(By.id("note-sent"), "3人へ送信済み");
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		this.browser.screenshot("thanks-ja-phone");
		this.browser.open("/plans/" + plan + "/thanks?lang=en");
		this.browser.waitForText(By.id("came-note"), "A note to those who came (3)");
		this.browser.screenshot("thanks-en-phone");
		this.browser.driver().manage().window().setSize(DESKTOP);
		this.browser.open("/plans/" + plan + "/thanks?lang=en");
		this.browser.waitForText(By.id("came-note"), "Sent");
		this.browser.screenshot("thanks-en-desktop");
		this.browser.open("/plans/" + plan + "/thanks?lang=ja");
		this.browser.waitForText(By.id("came-note"), "送信済み");
		this.browser.screenshot("thanks-ja-desktop");

		this.browser.driver().manage().window().setSize(PHONE);
		this.browser.open("/plans/" + plan);
		this.browser.clickAndWaitForPage(By.id("host-again"));
		this.browser.waitForText(By.id("next-edition"), "日付を選んでください");
		this.browser.waitForText(By.id("plan-edition"), "第2回");
		this.browser.screenshot("plan-next-edition-ja-phone");
		this.browser.clickAndWaitForPage(By.id("plan-edition"));
		this.browser.waitForText(By.id("edition-1"), title + " 第1回", "3");
		this.browser.waitForText(By.id("edition-2"), title + " 第2回");
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		this.browser.screenshot("series-ja-phone");
		String series = this.browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
		this.browser.open(series.substring(series.indexOf("/plans")) + "?lang=en");
		this.browser.waitForText(By.id("edition-2"), title + ", no. 2");
		this.browser.screenshot("series-en-phone");
		this.browser.driver().manage().window().setSize(DESKTOP);
		this.browser.open(series.substring(series.indexOf("/plans")) + "?lang=en");
		this.browser.waitForText(By.id("edition-1"), "Came");
		this.browser.screenshot("series-en-desktop");
		this.browser.open(series.substring(series.indexOf("/plans")) + "?lang=ja");
		this.browser.waitForText(By.id("edition-1"), "来た人");
		this.browser.screenshot("series-ja-desktop");

		// Once approved, the next edition's personal invitations start with last time's people.
		long next = Long.parseLong(series.replaceAll(".*/plans/(\\d+)/series.*", "$1"));
		events.pickDate(next, java.time.Instant.now().plus(40, java.time.temporal.ChronoUnit.DAYS),
				java.time.Instant.now().plus(33, java.time.temporal.ChronoUnit.DAYS));
		events.approve(next);
		this.browser.driver().manage().window().setSize(PHONE);
		this.browser.open("/plans/" + next + "/invitations?lang=ja");
		this.browser.waitForText(By.id("prefilled"), "3人");
		this.browser.waitForText(By.cssSelector(".draft .last-time"), "前回: ");
		this.browser.screenshot("invitations-prefilled-ja-phone");
	}

}
