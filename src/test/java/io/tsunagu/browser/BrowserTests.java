package io.tsunagu.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the running application in headless Chromium: the server on a port of its own, a
 * fresh browser for every test. Steps go through {@link Browser}, which waits for each page and each
 * answer from the server instead of reading what is on the screen at the moment.
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

}
