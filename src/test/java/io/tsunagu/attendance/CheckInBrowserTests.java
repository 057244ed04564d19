package io.tsunagu.attendance;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Colleague;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Organisers at the door with their phones: the list found by reading, a check-in and its undo, the
 * co-organiser's check-ins appearing, a walk-in over the capacity; and taps made without a connection,
 * kept on the phone and sent once when it is back.
 */
class CheckInBrowserTests extends BrowserTests {

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

	ApprovedEvents events;

	EventDay day;

	@AfterEach
	void putAwayTheDaysEvents() {
		this.day.putAway();
	}

	@BeforeEach
	void fixtures() {
		this.events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		this.day = new EventDay(this.events, this.jdbc);
	}

	@Test
	void anOrganiserOnAPhoneFindsSomeoneByReadingChecksThemInUndoesAndSeesTheOthersCheckIns() throws Exception {
		long plan = this.day.today("駅前の居酒屋で懇親会 " + System.nanoTime() % 100000, 6);
		List<Long> people = this.day.someEmployees(7);
		List<Long> expected = people.subList(0, 6);
		this.day.answered(plan, expected, "ATTENDING");
		Map<Long, Colleague> colleagues = this.directory.colleagues(people);
		Colleague target = colleagues.get(expected.get(3));
		Colleague walkIn = colleagues.get(people.get(6));
		String family = target.reading().split("[\\s　]+")[0];
		List<Long> matching = expected.stream().filter(id -> colleagues.get(id).reading().replaceAll("[\\s　]", "").contains(family)).toList();
		assertThat(matching).as("the reading narrows the list").contains(target.id()).hasSizeLessThan(expected.size());

		phone();
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan);
		this.browser.clickAndWaitForPage(By.id("check-in-link"));
		ready();
		this.browser.waitForExactText(By.id("check-in-count"), "0 / 6 人 受付済み");

		// Typed in katakana, found in the reading all the same.
		this.browser.type(By.id("check-in-search"), katakana(family));
		this.browser.waitUntil("the list to show only who matches " + family, driver -> shown().equals(matching));
		this.browser.click(By.cssSelector("#person-" + target.id() + " button"));
		this.browser.waitForExactText(By.id("check-in-count"), "1 / 6 人 受付済み");
		await().atMost(Duration.ofSeconds(30)).until(() -> in(plan), List.of(target.id())::equals);
		this.browser.click(By.cssSelector("#person-" + target.id() + " button"));
		this.browser.waitForExactText(By.id("check-in-count"), "0 / 6 人 受付済み");
		await().atMost(Duration.ofSeconds(30)).until(() -> in(plan), List::isEmpty);
		this.browser.click(By.cssSelector("#person-" + target.id() + " button"));
		this.browser.waitForExactText(By.id("check-in-count"), "1 / 6 人 受付済み");
		this.browser.type(By.id("check-in-search"), "");

		// The co-organiser's phone checks the others in: this page sees it within a few seconds.
		long co = this.directory.findByEmail(EventDay.CO_ORGANISER).orElseThrow().id();
		expected.stream().filter(id -> id != target.id()).forEach(id -> this.checkIns.checkIn(plan, id, co, UUID.randomUUID()));
		this.browser.waitForExactText(By.id("check-in-count"), "6 / 6 人 受付済み");

		this.browser.type(By.id("walk-in-search"), walkIn.name());
		this.browser.waitForText(By.cssSelector("#walk-in-results button"), walkIn.name(), walkIn.reading());
		this.browser.screenshot("check-in-walk-in-search-phone-ja");
		this.browser.click(By.cssSelector("#walk-in-results button"));
		this.browser.waitForText(By.id("walk-in-count"), "飛び入り: 1 人");
		this.browser.waitForText(By.id("over-capacity"), "7 人", "定員 6 人");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.checkIns.whoCame(plan).stream().filter(Came::walkIn).map(Came::employeeId).toList(),
				List.of(walkIn.id())::equals);
		assertFitsTheScreen();
		this.browser.screenshot("check-in-phone-ja");

		this.browser.open("/plans/" + plan + "/check-in?lang=en");
		ready();
		this.browser.waitForText(By.id("over-capacity"), "7 people are in for 6 seats");
		assertFitsTheScreen();
		this.browser.screenshot("check-in-phone-en");
		desktop();
		this.browser.screenshot("check-in-desktop-en");
		this.browser.open("/plans/" + plan + "/check-in?lang=ja");
		ready();
		this.browser.waitForExactText(By.id("check-in-count"), "6 / 6 人 受付済み");
		this.browser.screenshot("check-in-desktop-ja");
	}

	@Test
	void tapsMadeWithoutAConnectionWaitOnThePhoneAndAreStoredOnceWhenItIsBack() throws Exception {
		long plan = this.day.today("地下の店で同期会 " + System.nanoTime() % 100000, 10);
		List<Long> people = this.day.someEmployees(5);
		this.day.answered(plan, people, "ATTENDING");

		phone();
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan + "/check-in");
		ready();
		this.browser.waitUntil("the page to be kept for offline use",
				driver -> "true".equals(this.browser.js("return document.getElementById('check-in').dataset.offlineReady;")));
		assertThat(((JavascriptExecutor) this.browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				caches.open('tsunagu-check-in-v1')
				  .then(cache => Promise.all([location.pathname, document.querySelector('script[src*="check-in"]').src].map(url => cache.match(url))))
				  .then(kept => done(kept.every(response => response !== undefined)));"""))
			.as("the page and its script kept for the service worker").isEqualTo(true);
		HasNetworkConditions network = (HasNetworkConditions) this.browser.driver();
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		network.setNetworkConditions(offline);

		for (long person : people.subList(0, 3)) {
			this.browser.click(By.cssSelector("#person-" + person + " button"));
		}
		this.browser.waitForText(By.id("waiting"), "送信待ち: 3 件");
		this.browser.waitForExactText(By.id("check-in-count"), "3 / 5 人 受付済み");
		this.browser.screenshot("check-in-offline-phone-ja");
		assertThat(in(plan)).as("nothing reached the server").isEmpty();
		// Opened again without a connection: the page from the phone, the taps still waiting.
		this.browser.driver().navigate().refresh();
		ready();
		this.browser.waitForText(By.id("waiting"), "送信待ち: 3 件");
		this.browser.waitForExactText(By.id("check-in-count"), "3 / 5 人 受付済み");
		assertThat(this.browser.js("return navigator.serviceWorker.controller !== null;")).as("the service worker answers").isEqualTo(true);

		network.deleteNetworkConditions();
		this.browser.waitUntil("the waiting taps to be sent",
				driver -> Boolean.TRUE.equals(this.browser.js("return document.getElementById('waiting').hidden;")));
		assertThat(in(plan)).containsExactlyInAnyOrderElementsOf(people.subList(0, 3));
		assertThat(this.jdbc.sql("SELECT count(*) FROM check_in_taps WHERE plan_id = ?").param(plan).query(Long.class).single())
			.isEqualTo(3);
		this.browser.waitForExactText(By.id("check-in-count"), "3 / 5 人 受付済み");
	}

	private void ready() {
		this.browser.waitUntil("the check-in page's script to be ready",
				driver -> "true".equals(this.browser.js("return document.getElementById('check-in').dataset.ready;")));
	}

	@SuppressWarnings("unchecked")
	private List<Long> shown() {
		return ((List<Object>) this.browser.js("""
				return Array.from(document.querySelectorAll('.check-in-group:not(#walk-ins) .check-in-person[id]'))
				  .filter(row => !row.hidden && !row.closest('.check-in-group').hidden).map(row => row.id.substring('person-'.length));"""))
			.stream()
			.map(id -> Long.valueOf(id.toString()))
			.sorted()
			.toList();
	}

	private List<Long> in(long plan) {
		return this.checkIns.whoCame(plan).stream().map(Came::employeeId).toList();
	}

	private static String katakana(String hiragana) {
		StringBuilder out = new StringBuilder();
		hiragana.codePoints().forEach(c -> out.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
		return out.toString().toUpperCase(Locale.ROOT);
	}

	private void phone() {
		this.browser.driver().manage().window().setSize(new Dimension(360, 1400));
	}

	private void desktop() {
		this.browser.driver().manage().window().setSize(new Dimension(1280, 1000));
	}

	private void assertFitsTheScreen() {
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as("nothing wider than the screen").isEqualTo(true);
	}

}
