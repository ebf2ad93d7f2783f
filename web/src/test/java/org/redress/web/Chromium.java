package org.redress.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium as the browser tests start it: one profile folder, fixed window. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** The options every browser test uses, with its own profile under {@code dir}. */
  static ChromeOptions options(Path dir) throws IOException {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(BINARY.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    return o;
  }

  /** A driver on {@code options}, with the page-load and script timeouts given. */
  static ChromeDriver start(ChromeOptions options, Duration pageLoad, Duration script) {
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
    driver.manage().timeouts().pageLoadTimeout(pageLoad);
    driver.manage().timeouts().scriptTimeout(script);
    return driver;
  }

  /**
   * Clicks what {@code target} finds and waits until the browser has left the page and loaded the
   * next one. Reading right after a navigating click can otherwise find the old page's elements,
   * which go stale under the test.
   */
  static void clickAndWait(WebDriver driver, By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    waitFor(
        () ->
            isStale(page)
                && "complete"
                    .equals(
                        ((JavascriptExecutor) driver).executeScript("return document.readyState")),
        Duration.ofSeconds(60));
  }

  /**
   * Waits up to four minutes for {@code condition}; see {@link #waitFor(BooleanSupplier,
   * Duration)}.
   */
  static void waitFor(BooleanSupplier condition) {
    waitFor(condition, Duration.ofSeconds(240));
  }

  /**
   * Polls {@code condition} every 100 ms until it holds; a page that changes while it is read
   * throws, and is looked at again. Fails with the last such exception when {@code limit} passes.
   */
  static void waitFor(BooleanSupplier condition, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < end) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException changing) {
        last = changing;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out after " + limit + " waiting for the page", last);
  }

  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    }
  }
}
