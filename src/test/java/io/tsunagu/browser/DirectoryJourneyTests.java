package io.tsunagu.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;

class DirectoryJourneyTests extends BrowserTests {

	@Test
	void organiserLogsInAndSearchesTheDirectoryInJapaneseAndEnglish() throws Exception {
		this.browser.logIn("organiser@tsunagu.example", "tsunagu-demo");
		assertThat(this.browser.text(By.tagName("h1"))).contains("佐藤 美咲");

		this.browser.open("/employees");
		this.browser.driver().findElement(By.id("q")).sendKeys("いとう");
		this.browser.driver().findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
		var rows = this.browser.driver().findElements(By.cssSelector("#employees tbody tr"));
		assertThat(rows).isNotEmpty();
		assertThat(rows).extracting(WebElement::getText).allSatisfy(row -> assertThat(row).contains("イトウ"));
		assertThat(rows).extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains("伊藤 大輔"));
		this.browser.screenshot("directory-search-ja");

		this.browser.driver().findElement(By.linkText("伊藤 大輔")).click();
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("伊藤 大輔");
		assertThat(this.browser.text(By.tagName("dl"))).contains("営業部").contains("部長");

		this.browser.driver().findElement(By.linkText("English")).click();
		assertThat(this.browser.text(By.tagName("dl"))).contains("Sales").contains("Reports to");
		this.browser.open("/employees?q=" + java.net.URLEncoder.encode("いとう", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Directory");
		assertThat(this.browser.text(By.cssSelector("#employees thead"))).contains("Department").contains("Join year");
		this.browser.screenshot("directory-search-en");
	}

}
