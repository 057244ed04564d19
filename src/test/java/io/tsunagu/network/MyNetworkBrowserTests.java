package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

/**
 * The demo organiser opens My network in headless Chromium, on a phone and on a desktop, in Japanese and
 * English, and puts a colleague not seen for months on the must-invite list of an event of theirs. The
 * organiser's past events are written here (the demo company's are off in tests), on the network schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.network.record-delay=PT10H" })
@IsolatedDatabase("network")
class MyNetworkBrowserTests extends BrowserTests {

	static final Dimension PHONE = new Dimension(360, 2000);

	static final Dimension DESKTOP = new Dimension(1280, 1600);

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
	TieRecorder recorder;

	@Test
	void theOrganiserPutsSomeoneNotSeenForMonthsOnTheMustInviteListOfTheirEvent() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		SmallCompany company = new SmallCompany(this.jdbc, this.recorder);
		long organiser = events.organiser().id();
		long helper = id("emily.clark@tsunagu.example");
		long coOrganiser = id("manager@tsunagu.example");
		LocalDate today = LocalDate.now(SmallCompany.TOKYO);
		List<Long> mixer = new ArrayList<>(List.of(organiser, id("president@tsunagu.example")));
		for (String department : List.of("SALES", "SALES", "PLAN", "LOG", "PR", "ACCT")) {
			mixer.add(someone(department, mixer));
		}
		List<Long> cohort = new ArrayList<>(List.of(organiser));
		for (String department : List.of("GA", "SALES", "LOG")) {
			cohort.add(someone(department, cohort, mixer));
		}
		long notSeen = cohort.get(1);
		company.held("部署横断 秋の交流会", "CROSS_DEPARTMENT_MIXER", today.minusMonths(2),
				List.of(organiser, coOrganiser, helper), mixer);
		company.held("2019年入社 同期会", "COHORT_MEETUP", today.minusMonths(8), List.of(organiser), cohort);
		String title = "冬の同期会 " + System.nanoTime() % 100000;
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = events.anApprovedEvent(title, 40, start, start.minus(7, ChronoUnit.DAYS));

		this.browser.driver().manage().window().setSize(PHONE);
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/?lang=ja");
		this.browser.driver().findElement(By.cssSelector(".navbar-toggler")).click();
		this.browser.clickAndWaitForPage(By.id("nav-network"));
		this.browser.waitForText(By.id("helpers"), "準備を手伝ってくれた人", "Emily Clark");
		this.browser.waitForText(By.id("not-seen-" + notSeen), "2019年入社 同期会");
		this.browser.waitForText(By.id("privacy"), "他の幹事へのおすすめに自分を表示しない");
		assertThat(this.browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		this.browser.screenshot("network-ja-phone");
		bottomOnAPhone("network-not-seen-ja-phone");

		new Select(this.browser.find(By.id("plan-for-" + notSeen))).selectByValue(String.valueOf(plan));
		this.browser.clickAndWaitForPage(By.id("invite-" + notSeen));
		this.browser.waitForText(By.cssSelector(".alert-dismissible[role=status]"), "招待リストに加えました", title);
		this.browser.screenshot("network-added-ja-phone");
		assertThat(this.jdbc.sql("""
				SELECT w.status FROM invitations i JOIN invitation_waves w ON w.id = i.wave_id
				WHERE i.plan_id = ? AND i.employee_id = ?""").params(plan, notSeen).query(String.class).list())
			.containsExactly("DRAFT");

		this.browser.open("/network?lang=en");
		this.browser.waitForText(By.id("not-seen"), "Not seen for 6 months", "Add to must-invite list");
		this.browser.screenshot("network-en-phone");
		bottomOnAPhone("network-not-seen-en-phone");
		this.browser.open("/network/people/" + helper + "?lang=en");
		this.browser.waitForText(By.id("shared-events"), "部署横断 秋の交流会", "Prepared an event together");
		this.browser.screenshot("network-person-en-phone");

		this.browser.driver().manage().window().setSize(DESKTOP);
		this.browser.open("/network?lang=en");
		this.browser.waitForText(By.id("departments"), "My ties by department");
		this.browser.screenshot("network-en-desktop");
		this.browser.open("/network?lang=ja");
		this.browser.waitForText(By.id("departments"), "部署ごとのつながり");
		this.browser.screenshot("network-ja-desktop");
		this.browser.open("/network/people/" + notSeen + "?lang=ja");
		this.browser.waitForText(By.id("not-seen"), "6か月以上会っていません");
		this.browser.screenshot("network-person-ja-desktop");
	}

	/** The end of the page (those not seen, privacy) as a phone's screen shows it. */
	private void bottomOnAPhone(String name) throws Exception {
		this.browser.driver().manage().window().setSize(new Dimension(360, 1000));
		this.browser.waitUntil("the window to be a phone's screen",
				driver -> ((Number) this.browser.js("return window.innerHeight;")).intValue() < 1000);
		this.browser.js("document.getElementById('privacy').scrollIntoView(false);");
		this.browser.waitUntil("the page to scroll to its end",
				driver -> ((Number) this.browser.js("return window.scrollY;")).intValue() > 0);
		this.browser.screenshot(name);
		this.browser.driver().manage().window().setSize(PHONE);
	}

	private long id(String email) {
		return this.directory.findByEmail(email).orElseThrow().id();
	}

	/** A member of staff of the demo department not among those already chosen. */
	@SafeVarargs
	private long someone(String department, List<Long>... chosen) {
		List<Long> taken = new ArrayList<>();
		for (List<Long> list : chosen) {
			taken.addAll(list);
		}
		return this.jdbc.sql("""
				SELECT e.id FROM employees e JOIN departments d ON d.id = e.department_id
				WHERE d.code = ? AND e.rank = 'STAFF' AND e.active AND NOT e.id = ANY (?)
				ORDER BY e.code LIMIT 1""")
			.param(department)
			.param(taken.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

}
