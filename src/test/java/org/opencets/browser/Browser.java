package org.opencets.browser;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser).
 * Without Chromium the browser tests are skipped locally but fail in CI.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    static Browser open(int port) {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("CI") != null) {
            Assertions.assertTrue(installed, "CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "Debian chromium + chromium-driver not installed");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    void login(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        // the login page has a main h1 too: wait for the next page, or a later go() races the redirect to /home
        clickAndWaitForNextPage(By.cssSelector("form.form button[type=submit]"));
        waitFor(By.cssSelector("main h1"));
    }

    void logout() {
        clickAndWaitForNextPage(By.cssSelector(".who form button"));
        waitFor(By.id("username"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks a button that posts a form and waits until the next page has loaded. A marker on the old page's
     * window tells the pages apart; Chromium sometimes answers a query on a replaced node with an "unknown
     * error" rather than a stale-element one, so errors while the page changes count as "not yet".
     */
    void clickAndWaitForNextPage(By button) {
        waitFor(button);
        ((JavascriptExecutor) driver).executeScript("window.__ocOldPage = true;");
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.__ocOldPage === undefined && document.readyState === 'complete';")));
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
