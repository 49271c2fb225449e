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

    /** Fails at once, naming the address and the message, when the application answered with its error page or a missing key. */
    void noErrorPage(String title) {
        String h1 = waitFor(By.cssSelector("main h1")).getText();
        org.assertj.core.api.Assertions.assertThat(h1).as("error page at %s: %s", driver.getCurrentUrl(), text())
                .isNotIn("出错了", "无权执行此操作", "未找到该记录，或您无权查看。").isEqualTo(title);
        org.assertj.core.api.Assertions.assertThat(text()).as("no missing message keys at %s", driver.getCurrentUrl()).doesNotContain("??");
    }

    /** Fetches the PDF a link points to with this browser's session: it must end with {@code pathEnding} and be a PDF. */
    void assertPdf(By link, String pathEnding) throws Exception {
        String href = driver.findElement(link).getAttribute("href");
        org.assertj.core.api.Assertions.assertThat(href).endsWith(pathEnding);
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        var pdf = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).header("Cookie", cookies).header("Accept-Language", "zh-CN").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        org.assertj.core.api.Assertions.assertThat(pdf.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        org.assertj.core.api.Assertions.assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
