package io.tsunagu.invitations;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.approval.Approvals;
import io.tsunagu.browser.BrowserTests;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcement in headless Chromium: after the personal wave, the organiser picks departments,
 * previews who it reaches, confirms the count (and can still say no), sends, and a recipient's answer
 * page says how many are coming from their department.
 */
class BroadcastJourneyBrowserTests extends BrowserTests {

	private static final Pattern COUNT = Pattern.compile("対象：(\\d+)人");

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	InvitationWaves waves;

	@Autowired
	RsvpAnswers answers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void organiserPreviewsConfirmsTheCountAndSendsAndARecipientSeesWhoFromTheirDepartmentIsComing() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		long plan = events.anApprovedEvent("部署横断 夏の交流会 " + System.nanoTime() % 100000, 100);
		EmployeeRef manager = this.directory.findByEmail("manager@tsunagu.example").orElseThrow();
		EmployeeRef david = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		List<String> tokens = new InvitationTestSupport(this.waves, events, this.jdbc).invite(plan, List.of(manager, david));
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);

		// Tall enough that a screenshot holds the form, the preview and the buttons.
		this.browser.driver().manage().window().setSize(new Dimension(1280, 1500));
		this.browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo");
		this.browser.open("/plans/" + plan + "/invitations");
		this.browser.clickAndWaitForPage(By.cssSelector("#broadcast a"));
		this.browser.waitForText(By.tagName("h1"), "全体案内");
		this.browser.screenshot("broadcast-form-ja");
		this.browser.click(By.cssSelector("label[for=department-SALES]"));
		this.browser.click(By.cssSelector("label[for=department-PR]"));
		this.browser.type(By.id("message"), "夏の交流会を開きます。営業部と広報部の皆さん、初対面の方とも気軽に話せる会です。");
		this.browser.clickAndWaitForPage(By.id("preview-broadcast"));
		Matcher count = COUNT.matcher(this.browser.waitForText(By.id("preview"), "対象："));
		this.browser.screenshot("broadcast-preview-ja");
		assertThat(count.find()).isTrue();
		String audience = count.group(1);

		this.browser.click(By.id("send-broadcast"));
		Alert confirm = this.browser.alert();
		assertThat(confirm.getText()).startsWith(audience + "人に全体案内を送ります。");
		confirm.dismiss();
		assertThat(broadcasts(plan)).as("saying no to the confirm sends nothing").isZero();
		this.browser.clickConfirmAndWaitForPage(By.id("send-broadcast"));
		this.browser.waitForText(By.cssSelector("main"), audience + "人に全体案内を送りました。");
		this.browser.waitForText(By.cssSelector(".broadcast-sent"), "広報部、営業部", "夏の交流会を開きます");
		this.browser.screenshot("broadcast-sent-ja");
		assertThat(broadcasts(plan)).isEqualTo(1);
		this.browser.open("/plans/" + plan + "/invitations");
		assertThat(this.browser.findAll(By.cssSelector("#funnel tbody tr"))).extracting(e -> e.getText())
			.satisfiesExactly(personal -> assertThat(personal).startsWith("個別招待").contains("50%"),
					broadcast -> assertThat(broadcast).startsWith("全体案内").contains(" " + audience + " "));
		this.browser.screenshot("invitations-funnel-ja");

		this.browser.open("/plans/" + plan + "/invitations/broadcast?lang=en");
		this.browser.click(By.cssSelector("label[for=department-GA]"));
		this.browser.clickAndWaitForPage(By.id("preview-broadcast"));
		this.browser.waitForText(By.id("preview"), "Audience:", "Write the announcement first");
		this.browser.screenshot("broadcast-preview-en");

		EmployeeRef recipient = this.jdbc.sql("""
				SELECT i.employee_id FROM invitations i JOIN invitation_waves w ON w.id = i.wave_id
				WHERE i.plan_id = ? AND w.kind = 'BROADCAST' ORDER BY i.id""")
			.param(plan)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> this.directory.findById(id).orElseThrow())
			.filter(e -> e.departmentCode().equals("SALES"))
			.findFirst()
			.orElseThrow();
		String mail = this.jdbc.sql("""
				SELECT o.text_body FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'announcement-' || i.id
				WHERE i.plan_id = ? AND i.employee_id = ?""").params(plan, recipient.id()).query(String.class).single();
		assertThat(mail).contains("すでに1人が参加を表明しています（うち営業部から1人）");
		Matcher link = Pattern.compile("/rsvp/([A-Za-z0-9_-]{43})").matcher(mail);
		assertThat(link.find()).isTrue();
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/rsvp/" + link.group(1));
		this.browser.waitForExactText(By.id("attending"), "現在の参加者：1人（うち営業部から1人）");
		this.browser.screenshot("announcement-answer-ja");
		this.browser.open("/rsvp/" + link.group(1) + "?lang=en");
		this.browser.waitForExactText(By.id("attending"), "Attending so far: 1 (1 of them from Sales)");
		this.browser.screenshot("announcement-answer-en");
	}

	private long broadcasts(long plan) {
		return this.jdbc.sql("SELECT count(*) FROM invitation_waves WHERE plan_id = ? AND kind = 'BROADCAST'")
			.param(plan)
			.query(Long.class)
			.single();
	}

}
