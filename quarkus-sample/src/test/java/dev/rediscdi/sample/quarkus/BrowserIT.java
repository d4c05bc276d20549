package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.rediscdi.testing.RedisServer;

/**
 * A person in a browser: headless Chromium logs in to the packaged sample, fills the cart, and finds it still there
 * after the application was restarted (a new process on the same Redis). Also watches a notification arrive on the
 * index page as a server-sent event.
 */
class BrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // the first run may install chromium
    void shouldKeepTheCartAcrossARestartOfTheApplication() throws Exception {
        Chromium.assumeInstalled(temp.resolve("apt.log"));
        int port = SampleProcess.freePort();
        Path appLog = temp.resolve("app.log");
        try (RedisServer redis = RedisServer.builder().start()) {
            Map<String, String> environment = Map.of("REDIS_HOSTS", redis.uri());
            ChromeDriver browser = Chromium.start(temp.resolve("profile"), temp.resolve("chromedriver.log"));
            try {
                try (SampleProcess first = SampleProcess.start(port, appLog, environment)) {
                    assertThat(first.output()).doesNotContain("Dev Redis: started");
                    browser.get(first.baseUri() + "/shop");
                    browser.findElement(By.id("user")).sendKeys("Ada");
                    browser.findElement(By.id("login")).click();
                    await(browser).until(ExpectedConditions.textToBe(By.id("who"), "Ada"));
                    add(browser, "tea", 2);
                    add(browser, "honey", 1);
                    add(browser, "tea", 1);
                    assertThat(cart(browser)).containsExactly("Green tea 3", "Honey 1");

                    first.stop();
                }
                assertThat(redis.command("EVAL", "return #redis.call('KEYS', 'session:s:*')", "0")).isEqualTo("1");

                try (SampleProcess second = SampleProcess.start(port, appLog, environment)) {
                    browser.navigate().refresh();

                    await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
                    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Ada");
                    assertThat(cart(browser)).containsExactly("Green tea 3", "Honey 1");

                    browser.get(second.baseUri() + "/");
                    WebElement message = browser.findElement(By.id("message"));
                    message.clear();
                    message.sendKeys("Parcel for Ada");
                    browser.findElement(By.cssSelector("#notify button")).click();
                    await(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Parcel for Ada"));
                    second.stop();
                }
            } finally {
                browser.quit();
            }
        }
    }

    private static void add(ChromeDriver browser, String product, int quantity) {
        new Select(browser.findElement(By.id("product"))).selectByValue(product);
        WebElement amount = browser.findElement(By.id("quantity"));
        amount.clear();
        amount.sendKeys(String.valueOf(quantity));
        WebElement before = browser.findElement(By.id("cart"));
        browser.findElement(By.id("add")).click();
        await(browser).until(driver -> replaced(before));
    }

    /**
     * Whether the page that held {@code element} was replaced. Chrome reports an element of a page just replaced
     * either as stale or, when asked in the middle of the swap, as a node that "does not belong to the document":
     * Selenium's stalenessOf knows only the first.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException other) {
            if (other.getMessage() != null && other.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw other;
        }
    }

    /** The rows of the cart as "name quantity". */
    private static List<String> cart(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#cart tr[data-product]")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).reduce((a, b) -> a + " " + b).orElse(""))
                .toList();
    }

    private static WebDriverWait await(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }
}
