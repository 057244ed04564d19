package io.tsunagu.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own chromedriver, so Selenium Manager downloads nothing.
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private final String baseUrl;

	public Browser(int port) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("tsunagu.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--lang=ja");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("tsunagu.chromedriver", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		this.baseUrl = "http://localhost:" + port;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public void logIn(String email, String password) {
		open("/login");
		this.driver.findElement(By.id("email")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	public String text(By by) {
		return this.driver.findElement(by).getText();
	}

	/** Keeps a picture of the page under target/screenshots for a person to look at. */
	public void screenshot(String name) throws IOException {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		Files.write(directory.resolve(name + ".png"), png);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
