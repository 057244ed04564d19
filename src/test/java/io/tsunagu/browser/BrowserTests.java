package io.tsunagu.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the running application in headless Chromium: the server on a port of its own, a
 * fresh browser for every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTests {

	@LocalServerPort
	protected int port;

	protected Browser browser;

	@BeforeEach
	protected void openBrowser() {
		this.browser = new Browser(this.port);
	}

	@AfterEach
	protected void closeBrowser() {
		this.browser.close();
	}

	/** Waits for the page after a click, so that no element of the page before it is read. */
	protected void waitForText(By by, String text) {
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

}
