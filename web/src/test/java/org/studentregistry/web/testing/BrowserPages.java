package org.studentregistry.web.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/** What the page tests do in the browser, in the words of a user: open, type, click, read. */
public final class BrowserPages {

    private final WebDriver browser;
    private final Http http;

    public BrowserPages(WebDriver browser, Http http) {
        this.browser = browser;
        this.http = http;
    }

    public void open(String path) {
        browser.get(http.uri(path).toString());
    }

    /** Signs in on the sign-in page and waits for the page it leads to. */
    public void signIn(String username, String password) {
        open("sign-in");
        type("signin", "username", username);
        type("signin", "password", password);
        clickAndWait("[id='signin:submit']");
    }

    public String url() {
        return browser.getCurrentUrl();
    }

    public WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    public boolean exists(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    /** A field of a Faces form, by the form's id and the field's. */
    public WebElement field(String form, String name) {
        return browser.findElement(By.id(form + ":" + name));
    }

    public void type(String form, String name, String text) {
        WebElement input = field(form, name);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Types into a field after taking its {@code maxlength} away, as a client without the page's limits (an old
     * browser, a script) would send it: so that the server's own check is what a test meets.
     */
    public void typeUnlimited(String form, String name, String text) {
        WebElement input = field(form, name);
        ((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('maxlength')", input);
        type(form, name, text);
        if (!text.equals(value(form, name))) {
            throw new AssertionError("the browser did not take the whole text into " + name);
        }
    }

    public String value(String form, String name) {
        return field(form, name).getAttribute("value");
    }

    /** The message shown beside a field of a form. */
    public String fieldMessage(String form, String name) {
        return find("[id='" + form + ":" + name + "-message']").getText();
    }

    /**
     * Clicks and waits until the browser has left the current page and loaded the next. While the old document
     * is being replaced, ChromeDriver may answer with errors other than "stale element"; those mean "not yet".
     */
    public void clickAndWait(WebElement element) {
        WebElement html = browser.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> {
            try {
                html.getTagName();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException notYet) {
                return false;
            }
        });
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    public void clickAndWait(String css) {
        clickAndWait(find(css));
    }

    /** The page's global messages (confirmations, warnings). */
    public String messages() {
        List<WebElement> messages = browser.findElements(By.id("messages"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    /** The texts of one column (from 1) of a list table. */
    public List<String> column(String table, int index) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr td:nth-child(" + index + ")"))
                .stream().map(WebElement::getText).toList();
    }

    public String title() {
        return browser.getTitle();
    }
}
