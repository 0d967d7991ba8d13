package org.studentregistry.web.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * A test class that drives the deployed application's pages in one headless Chromium, started once for the class;
 * each test starts without cookies, and signs in as the admin on the sign-in page.
 */
@ExtendWith(Browser.class)
public abstract class BrowserTest extends DeployedApplicationTest {

    private static WebDriver browser;

    protected BrowserPages pages;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
        pages = new BrowserPages(browser, http);
        pages.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    }
}
