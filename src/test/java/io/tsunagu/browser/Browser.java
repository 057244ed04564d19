package io.tsunagu.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own chromedriver, so Selenium Manager downloads nothing.
 * <p>
 * Every step waits for what a person waits for, never for a fixed time: a click that leaves the page
 * waits for the next page, and text that comes from a server round trip is waited for until it says
 * what is expected. On a busy machine a page can take seconds; reading the page being left (a stale
 * element) or the block before its swap is the race this class exists to close.
 */
public final class Browser implements AutoCloseable {

	/** How long a step may take on a loaded two-core machine before the test gives up. */
	static final Duration PATIENCE = Duration.ofSeconds(30);

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
		// Explicit waits only: an implicit wait mixed with them makes timings unpredictable.
		this.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		this.baseUrl = "http://localhost:" + port;
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Opens a page of the application; returns when it has loaded. */
	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public void logIn(String email, String password) {
		open("/login");
		type(By.id("email"), email);
		type(By.id("password"), password);
		clickAndWaitForPage(By.cssSelector("form button[type=submit]"));
		waitUntil("to leave the login page", driver -> !driver.getCurrentUrl().contains("/login"));
	}

	/** The element once it is shown. */
	public WebElement find(By by) {
		return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** The elements now on the page, after waiting for at least one. */
	public List<WebElement> findAll(By by) {
		return waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(by, 0));
	}

	/** Clicks an element that changes the page in place (a script, an htmx swap, a dialog). */
	public void click(By by) {
		waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
			WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
			if (element == null) {
				return false;
			}
			// Bootstrap scrolls smoothly; bring the element into view at once so the click lands on it.
			js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
			element.click();
			return true;
		});
	}

	/**
	 * Clicks a link or a submit button and waits for the page it leads to: the page being left has to
	 * go (its root element goes stale) and the next one has to finish loading.
	 */
	public void clickAndWaitForPage(By by) {
		WebElement leaving = this.driver.findElement(By.tagName("html"));
		click(by);
		waitForNextPage(leaving);
	}

	/** Waits, after an action that navigates (an accepted confirm, say), for the next page. */
	public void waitForNextPage(WebElement leaving) {
		waitUntil("the page being left to go", driver -> gone(leaving));
		waitUntil("the page to load",
				driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	// Chromium reports an element of a page being replaced either as stale or, in the middle of the swap,
	// as a node that "does not belong to the document": both mean the page has gone.
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException stale) {
			return true;
		}
		catch (WebDriverException swapping) {
			if (swapping.getMessage() != null && swapping.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw swapping;
		}
	}

	/** The root of the page shown now, to wait for it to go with {@link #waitForNextPage}. */
	public WebElement page() {
		return this.driver.findElement(By.tagName("html"));
	}

	public void type(By by, CharSequence text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	/** Sets a field's value by script, for inputs (date and time) whose typing depends on the locale. */
	public void setValue(String id, String value) {
		js("document.getElementById(arguments[0]).value = arguments[1];", id, value);
	}

	/** The element's text as it is once the element is there; read again if the element was replaced. */
	public String text(By by) {
		return waiting().ignoring(StaleElementReferenceException.class)
			.until(driver -> ExpectedConditions.visibilityOfElementLocated(by).apply(driver).getText());
	}

	/** Waits until the element's text contains every one of the parts, and returns it. */
	public String waitForText(By by, String... parts) {
		return waitForText(by, "containing " + String.join(", ", parts), text -> {
			for (String part : parts) {
				if (!text.contains(part)) {
					return false;
				}
			}
			return true;
		});
	}

	/** Waits until the element's text is exactly the expected one. */
	public String waitForExactText(By by, String expected) {
		return waitForText(by, "equal to '" + expected + "'", expected::equals);
	}

	/** Waits until the element's text satisfies the condition, and returns it. */
	public String waitForText(By by, String description, Predicate<String> condition) {
		String[] last = { "(no such element)" };
		try {
			return waiting().ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class).until(driver -> {
				last[0] = driver.findElement(by).getText();
				return condition.test(last[0]) ? last[0] : null;
			});
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for the text of " + by + " " + description
					+ ", but it was: " + last[0], ex);
		}
	}

	/** Waits until the condition holds, and says what was awaited if it never does. */
	public void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
		try {
			waiting().ignoring(StaleElementReferenceException.class).until(condition::apply);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; the page is "
					+ this.driver.getCurrentUrl(), ex);
		}
	}

	/** The browser's confirm or alert dialog, once it is shown. */
	public Alert alert() {
		return waiting().until(ExpectedConditions.alertIsPresent());
	}

	/** Clicks a button whose form asks for confirmation, says yes, and waits for the page it leads to. */
	public void clickConfirmAndWaitForPage(By by) {
		WebElement leaving = page();
		click(by);
		alert().accept();
		waitForNextPage(leaving);
	}

	public Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Keeps a picture of the page under target/screenshots for a person to look at. */
	public void screenshot(String name) throws IOException {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		Files.write(directory.resolve(name + ".png"), png);
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(this.driver, PATIENCE);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
