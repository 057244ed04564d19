package io.tsunagu.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryJourneyTests extends BrowserTests {

	@Test
	void organiserLogsInAndSearchesTheDirectoryInJapaneseAndEnglish() throws Exception {
		this.browser.logIn("organiser@tsunagu.example", "tsunagu-demo");
		this.browser.waitForText(By.tagName("h1"), "佐藤 美咲");

		this.browser.open("/employees");
		this.browser.type(By.id("q"), "いとう");
		this.browser.clickAndWaitForPage(By.cssSelector("form[role=search] button[type=submit]"));
		var rows = this.browser.findAll(By.cssSelector("#employees tbody tr"));
		assertThat(rows).extracting(WebElement::getText).allSatisfy(row -> assertThat(row).contains("イトウ"));
		assertThat(rows).extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains("伊藤 大輔"));
		this.browser.screenshot("directory-search-ja");

		this.browser.clickAndWaitForPage(By.linkText("伊藤 大輔"));
		this.browser.waitForExactText(By.tagName("h1"), "伊藤 大輔");
		this.browser.waitForText(By.tagName("dl"), "営業部", "部長");

		this.browser.clickAndWaitForPage(By.linkText("English"));
		this.browser.waitForText(By.tagName("dl"), "Sales", "Reports to");
		this.browser.open("/employees?q=" + URLEncoder.encode("いとう", StandardCharsets.UTF_8));
		this.browser.waitForExactText(By.tagName("h1"), "Directory");
		this.browser.waitForText(By.cssSelector("#employees thead"), "Department", "Join year");
		this.browser.screenshot("directory-search-en");
	}

}
