package io.tsunagu.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org chart import's choice that a file lists everyone, as an administrator sees it on a desktop and on
 * a phone, in Japanese and in English. Looked at only: importing here would deactivate the demo company.
 */
class LeaversImportBrowserTests extends BrowserTests {

	@Test
	void theBoxThatDeactivatesWhoIsNotListedIsOffByDefaultAndSaysWhatFollows() throws Exception {
		this.browser.logIn("admin@tsunagu.example", "tsunagu-demo");
		this.browser.open("/admin/directory?lang=ja");
		String help = this.browser.waitForText(By.id("everyone-help"), "180日後", "匿名化");
		assertThat(help).contains("ログインできず");
		assertThat(this.browser.find(By.id("everyone")).isSelected()).isFalse();
		this.browser.screenshot("leavers-import-ja");
		this.browser.driver().manage().window().setSize(new Dimension(360, 800));
		this.browser.js("document.getElementById('everyone').scrollIntoView({block: 'center', behavior: 'instant'})");
		this.browser.screenshot("leavers-import-ja-360");

		this.browser.open("/admin/directory?lang=en");
		this.browser.waitForText(By.cssSelector("label[for=everyone]"), "lists everyone");
		this.browser.js("document.getElementById('everyone').scrollIntoView({block: 'center', behavior: 'instant'})");
		this.browser.screenshot("leavers-import-en-360");
		this.browser.driver().manage().window().setSize(new Dimension(1280, 900));
		this.browser.js("document.getElementById('everyone').scrollIntoView({block: 'center', behavior: 'instant'})");
		this.browser.screenshot("leavers-import-en");
	}

}
