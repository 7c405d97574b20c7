package org.planbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the console's pages: Debian's {@code chromium} driven through its own
 * {@code chromium-driver}, both named explicitly (Selenium Manager never downloads anything). Without them the
 * browser tests are skipped with a message saying so ({@code apt-get install chromium chromium-driver}), never
 * passed. Every page a test names is saved under {@code target/screenshots/}; {@link #close()} fails the test if the
 * browser reported a Content-Security-Policy violation on any page.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String base;
  private final List<String> violations = new ArrayList<>();

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser for the server at {@code server}; skips the test (with the reason) when there is none here. */
  public static Browser open(URL server) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      System.err.println("BROWSER TESTS SKIPPED: no " + CHROMIUM + " or " + DRIVER
          + " (apt-get install chromium chromium-driver)");
    }
    assumeTrue(present, "no browser here: apt-get install chromium chromium-driver (" + CHROMIUM + ", " + DRIVER + ")");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // CI runs as root, where Chromium's sandbox cannot start.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
        "--lang=en");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver, server.toString().replaceAll("/+$", ""));
  }

  /** Loads {@code path} of the server. */
  public Browser go(String path) {
    driver.get(base + path);
    collectViolations();
    return this;
  }

  public WebElement find(String id) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  public boolean has(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /**
   * Types {@code text} into field {@code id}, again if the page replaced the field meanwhile (a page still running
   * its scripts after loading), until the field holds it.
   */
  public Browser type(String id, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(browser -> {
      WebElement field = browser.findElement(By.id(id));
      field.clear();
      field.sendKeys(text);
      return text.equals(field.getDomProperty("value"));
    });
    return this;
  }

  /** Clicks {@code id} (found again if the page replaced it before the click) and waits for the page it loads. */
  public Browser click(String id) {
    WebElement element = new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
        .until(browser -> {
          WebElement button = browser.findElement(By.id(id));
          if (!button.isDisplayed()) {
            return null;
          }
          button.click();
          return button;
        });
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(browser -> gone(element));
    collectViolations();
    return this;
  }

  /** Whether the page that held {@code element} has been replaced (Chromium says so in two ways). */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Clicks the button whose id ends with {@code :button} in the table row that shows {@code rowText}. */
  public Browser clickInRow(String rowText, String button) {
    WebElement row = new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
        .visibilityOfElementLocated(By.xpath("//tr[td[normalize-space(.)='" + rowText + "']]")));
    String id = row.findElement(By.cssSelector("[id$=':" + button + "']")).getAttribute("id");
    return click(id);
  }

  /**
   * Expands the table row that shows {@code rowText} (its row toggler, an ajax request) and answers the text of the
   * expansion once it is there.
   */
  public String expandRow(String rowText) {
    WebElement row = new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
        .visibilityOfElementLocated(By.xpath("//tr[td[normalize-space(.)='" + rowText + "']]")));
    row.findElement(By.cssSelector(".ui-row-toggler")).click();
    WebElement expansion = new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector("tr.ui-expanded-row-content")));
    collectViolations();
    return expansion.getText();
  }

  /** Clicks the element whose id ends with {@code :suffix} (one in a table row) and waits for the page it loads. */
  public Browser clickEndingWith(String suffix) {
    return click(new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector("[id$=':" + suffix + "']"))).getAttribute("id"));
  }

  public String text(String id) {
    return find(id).getText();
  }

  /** The page's DOM as HTML (text escaped as the browser holds it). */
  public String source() {
    return driver.getPageSource();
  }

  /**
   * The data of the Chart.js chart PrimeFaces drew for {@code p:chart} {@code id}, once it is drawn: per dataset
   * label, the sum of its values. Fails when no chart is drawn (a script that did not run, a CSP that blocked it).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Long> chartTotals(String id) {
    String script = "var canvas = document.querySelector('[id=\"' + arguments[0] + '\"] canvas');"
        + "var chart = canvas && window.Chart && Chart.getChart(canvas); if (!chart) { return null; }"
        + "var totals = {}; chart.data.datasets.forEach(function (d) { totals[d.label] = d.data.reduce("
        + "function (a, b) { return a + b; }, 0); }); return totals;";
    Map<String, Object> totals = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(browser -> (Map<String, Object>) driver.executeScript(script, id));
    Map<String, Long> sums = new java.util.TreeMap<>();
    totals.forEach((label, sum) -> sums.put(label, ((Number) sum).longValue()));
    return sums;
  }

  /** Whether a script opened an alert (and closes it). */
  public boolean alertShown() {
    try {
      driver.switchTo().alert().dismiss();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  /** Saves what the browser shows as target/screenshots/{@code name}.png. */
  public Browser screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private void collectViolations() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Content-Security")) {
        violations.add(entry.getMessage());
      }
    }
  }

  @Override
  public void close() {
    try {
      collectViolations();
    } finally {
      driver.quit();
    }
    assertEquals(List.of(), violations, "the browser reported Content-Security-Policy violations");
  }
}
