package io.tsunagu.invitations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer page of an event with one seat, on a phone and on a desktop, in Japanese and English: the
 * last seat said before answering, the answer first once given (changing it folded away), the full event
 * and the place on the waitlist, and the calendar file behind "Add to calendar".
 */
class AnswerPageBrowserTests extends BrowserTests {

	private static final List<Integer> WIDTHS = List.of(360, 1280);

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
	void theAnswerPageSaysTheSeatsLeftShowsTheAnswerFirstAndThePlaceOnTheWaitlist() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		long plan = events.anApprovedEvent("部署横断 餅つき大会と新年のごあいさつ " + System.nanoTime() % 100000, 1);
		List<String> links = InvitationTestSupport.from(this.beans, events)
			.invite(plan, List.of(person("manager@tsunagu.example"), person("yoko.nakamura@tsunagu.example"),
					person("officer@tsunagu.example")))
			.stream()
			.map(token -> "/rsvp/" + token)
			.toList();
		shoot("before", links.get(0), By.id("seats"), "残り1席です。", "Only 1 seat left.");

		size(360);
		this.browser.open(links.get(0) + "?lang=ja");
		this.browser.clickAndWaitForPage(By.id("attend"));
		this.browser.waitForText(By.id("answer-status"), "参加で回答済みです");
		assertThat(this.browser.driver().findElement(By.id("attend")).isDisplayed())
			.as("changing the answer is folded away").isFalse();
		this.browser.click(By.cssSelector("#change-answer summary"));
		this.browser.waitUntil("the folded form to open", driver -> driver.findElement(By.id("decline")).isDisplayed());
		String ics = (String) ((JavascriptExecutor) this.browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(document.getElementById('add-to-calendar').href).then(r => r.text()).then(done)""");
		assertThat(ics).contains("BEGIN:VCALENDAR", "METHOD:PUBLISH", "UID:tsunagu-event-" + plan + "@");
		shoot("attending", links.get(0), By.id("answer-status"), "参加で回答済みです", "You are attending");
		shoot("full", links.get(1), By.id("seats"), "満席です。参加を押すとキャンセル待ちになります（待っている人はまだいません）。",
				"The event is full. Attend puts you on the waitlist (nobody is waiting yet).");

		size(360);
		this.browser.open(links.get(1) + "?lang=ja");
		this.browser.clickAndWaitForPage(By.id("attend"));
		this.browser.waitForText(By.id("answer-status"), "キャンセル待ち 1番目");
		shoot("waitlisted", links.get(1), By.id("answer-status"), "キャンセル待ち 1番目", "On the waitlist: number 1");
		this.browser.open(links.get(2) + "?lang=ja");
		this.browser.waitForText(By.id("seats"), "現在1人待ち");
	}

	/** The page at each width and in each language, once it says what is expected, kept as screenshots. */
	private void shoot(String state, String link, By by, String japanese, String english) throws Exception {
		for (int width : WIDTHS) {
			size(width);
			this.browser.open(link + "?lang=ja");
			this.browser.waitForText(by, japanese);
			this.browser.screenshot("rsvp-" + state + "-ja-" + width);
			this.browser.open(link + "?lang=en");
			this.browser.waitForText(by, english);
			this.browser.screenshot("rsvp-" + state + "-en-" + width);
		}
	}

	private void size(int width) {
		this.browser.driver().manage().window().setSize(new Dimension(width, width < 600 ? 1400 : 1100));
	}

	private io.tsunagu.directory.EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

}
