package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.browser.BrowserTests;

/**
 * The president opens the department map of the demo company from the navigation, in Japanese and
 * English, on a desktop and on a phone, where the table scrolls sideways inside its own box and the page
 * does not.
 */
class DepartmentMapBrowserTests extends BrowserTests {

	static final Dimension PHONE = new Dimension(360, 1800);

	static final Dimension DESKTOP = new Dimension(1280, 1200);

	@Autowired
	TieRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePresidentOpensTheDepartmentMap() throws Exception {
		// This year's events of the demo company (its events are off in tests), recorded as the pass would.
		SmallCompany company = new SmallCompany(this.jdbc, this.recorder);
		List<Long> sales = staff("SALES", 16);
		List<Long> plan = staff("PLAN", 16);
		List<Long> ga = staff("GA", 3);
		List<Long> acct = staff("ACCT", 8);
		List<Long> log = staff("LOG", 9);
		List<Long> pr = staff("PR", 2);
		int year = LocalDate.now(SmallCompany.TOKYO).getYear();
		company.held("営業×企画 交流会", "CROSS_DEPARTMENT_MIXER", LocalDate.of(year, 3, 12),
				List.of(sales.get(0), plan.get(0), ga.get(0)), join(sales.subList(0, 10), plan.subList(0, 10), ga));
		company.held("勉強会：経費精算のコツ", "STUDY_SESSION", LocalDate.of(year, 6, 18), List.of(acct.get(0)),
				join(acct, log.subList(0, 4), pr));
		company.held("同期会", "COHORT_MEETUP", LocalDate.of(year, 10, 8), List.of(plan.get(10)),
				join(plan.subList(10, 16), sales.subList(10, 16), log.subList(4, 9)));

		this.browser.driver().manage().window().setSize(DESKTOP);
		this.browser.logIn("president@tsunagu.example", "tsunagu-demo");
		this.browser.open("/?lang=ja");
		this.browser.clickAndWaitForPage(By.id("nav-department-map"));
		this.browser.waitForText(By.cssSelector("h1"), "部署マップ");
		this.browser.waitForText(By.id("heatmap-title"), "行の部署の社員のうち");
		assertThat(this.browser.findAll(By.cssSelector("#heatmap tbody th[scope=row]"))).hasSizeGreaterThan(3);
		this.browser.waitForText(By.id("map-share"), "自部署の外につながりのある社員");
		this.browser.screenshot("department-map-ja-desktop");
		this.browser.open("/network/map?lang=en");
		this.browser.waitForText(By.cssSelector("h1"), "Department map");
		this.browser.screenshot("department-map-en-desktop");

		this.browser.driver().manage().window().setSize(PHONE);
		this.browser.open("/network/map?lang=ja");
		this.browser.waitForText(By.id("heatmap-title"), "行の部署の社員のうち");
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		this.browser.screenshot("department-map-ja-phone");
		this.browser.open("/network/map?lang=en");
		this.browser.waitForText(By.id("heatmap-title"), "People of the row");
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		this.browser.js("document.getElementById('fewest').scrollIntoView({block: 'start', behavior: 'instant'});");
		this.browser.screenshot("department-map-en-phone-below");
		this.browser.js("window.scrollTo(0, 0);");
		this.browser.screenshot("department-map-en-phone");

		// A period that cannot be shown is said so, and the default map shown.
		this.browser.open("/network/map?from=2026Q3&to=2026Q1&lang=ja");
		this.browser.waitForText(By.id("map-problem"), "期間の終わりが始まりより前です");
		this.browser.screenshot("department-map-problem-ja-phone");
	}

	/** Staff of a demo department who take no part in the other journeys. */
	private List<Long> staff(String department, int count) {
		return this.jdbc.sql("""
				SELECT e.id FROM employees e JOIN departments d ON d.id = e.department_id
				WHERE d.code = ? AND e.rank = 'STAFF' AND e.email NOT IN ('organiser@tsunagu.example',
				    'emily.clark@tsunagu.example', 'david.lee@tsunagu.example', 'admin@tsunagu.example')
				ORDER BY e.id DESC LIMIT ?""").params(department, count).query(Long.class).list();
	}

	@SafeVarargs
	private static List<Long> join(List<Long>... groups) {
		return Stream.of(groups).flatMap(List::stream).toList();
	}

}
