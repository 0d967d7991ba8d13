package org.studentregistry.web.pages;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.studentregistry.web.testing.Browser;
import org.studentregistry.web.testing.Deployments;
import org.studentregistry.web.testing.Http;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * The student pages as a user meets them, in a real headless Chromium against the real WAR on Payara Micro.
 * Data is set up through the REST API, which these tests trust (its own tests prove it).
 */
@ExtendWith(Browser.class)
@ExtendWith(ArquillianExtension.class)
class StudentPagesIT {

    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.registryWar();
    }

    @ArquillianResource
    private URL base;

    private Http http;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void client() {
        http = new Http(base);
        browser.manage().deleteAllCookies();
    }

    private static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private long createStudent(String first, String last, String subject) {
        HttpResponse<String> response = http.post("api/students", student(first, last, subject));
        assertEquals(201, response.statusCode(), response.body());
        return object(response).getJsonNumber("id").longValue();
    }

    private void open(String path) {
        browser.get(http.uri(path).toString());
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static WebElement field(String name) {
        return browser.findElement(By.id("student:" + name));
    }

    private static void type(String name, String text) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
    }

    private static void clickAndWaitForNewPage(WebElement element) {
        WebElement html = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(html));
    }

    private static String messages() {
        List<WebElement> messages = browser.findElements(By.id("messages"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    private static List<String> column(int index) {
        return browser.findElements(By.cssSelector("#students tbody tr td:nth-child(" + index + ")"))
                .stream().map(WebElement::getText).toList();
    }

    @Test
    void addingAStudentRedirectsToTheListWithAConfirmation() {
        String last = uniqueName("Added");
        open("students");
        clickAndWaitForNewPage(find("#add-student"));
        assertTrue(browser.getCurrentUrl().endsWith("/students/new"), browser.getCurrentUrl());

        type("firstName", "Ada");
        type("lastName", last);
        type("subject", "Mathematics");
        clickAndWaitForNewPage(field("save"));

        assertTrue(browser.getCurrentUrl().endsWith("/students"), browser.getCurrentUrl());
        assertTrue(messages().contains("Added student Ada " + last), messages());
        open("students?q=" + last);
        assertEquals(List.of(last), column(2));
    }

    @Test
    void missingAndTooLongFieldsShowAMessageBesideEachFieldAndKeepTheRest() {
        open("students/new");
        type("firstName", "   ");
        type("lastName", "L".repeat(100) + "x");
        type("subject", "History");
        clickAndWaitForNewPage(field("save"));

        assertEquals("First name is required.", find("[id='student:firstName-message']").getText());
        assertTrue(browser.getCurrentUrl().contains("/students/new"), browser.getCurrentUrl());
        assertEquals("History", field("subject").getAttribute("value"));
    }

    @Test
    void editingAStudentSavesTheChanges() {
        String last = uniqueName("Edited");
        createStudent("Grace", last, "Navy");
        open("students?q=" + last);
        clickAndWaitForNewPage(find("#students a.edit"));

        assertEquals("Grace", field("firstName").getAttribute("value"));
        type("subject", "Computing");
        clickAndWaitForNewPage(field("save"));

        assertTrue(messages().contains("Saved Grace " + last), messages());
        open("students?q=" + last);
        assertEquals(List.of("Computing"), column(3));
    }

    @Test
    void aStaleEditSaysSomeoneElseSavedAndKeepsWhatTheUserTyped() {
        String last = uniqueName("Stale");
        long id = createStudent("Alan", last, "Logic");
        open("students/edit?id=" + id);

        assertEquals(200, http.put("api/students/" + id, student("Alan", last, "Cryptography")).statusCode());
        type("subject", "Computing");
        clickAndWaitForNewPage(field("save"));

        assertTrue(messages().contains("Someone else saved this student"), messages());
        assertTrue(messages().contains("Cryptography"), "shows what the other user saved: " + messages());
        assertEquals("Computing", field("subject").getAttribute("value"));
        assertEquals("Cryptography", object(http.get("api/students/" + id)).getString("subject"));

        clickAndWaitForNewPage(field("save"));
        assertTrue(messages().contains("Saved Alan " + last), messages());
        assertEquals("Computing", object(http.get("api/students/" + id)).getString("subject"));
    }

    @Test
    void deletingAsksForConfirmationAndCancelKeepsTheStudent() {
        String last = uniqueName("Deleted");
        createStudent("Linus", last, "Kernels");
        open("students?q=" + last);

        clickAndWaitForNewPage(find("#students a.delete"));
        assertEquals(last, find("#lastName").getText());
        clickAndWaitForNewPage(find("#cancel"));
        open("students?q=" + last);
        assertEquals(List.of(last), column(2));

        clickAndWaitForNewPage(find("#students a.delete"));
        clickAndWaitForNewPage(find("[id='confirm:delete']"));

        assertTrue(messages().contains("Deleted student Linus " + last), messages());
        open("students?q=" + last);
        assertEquals("0", find("#total").getText());
    }

    @Test
    void theListShowsTwentyAPageWithNavigationSortingAndSearchInTheUrl() {
        String last = uniqueName("Paging");
        for (int i = 0; i < 25; i++) {
            createStudent(String.format("F%02d", i), last, "Subject");
        }
        open("students?q=" + last.toLowerCase());

        assertEquals(20, column(1).size());
        assertTrue(find("#page-status").getText().contains("Page 1 of 2"), find("#page-status").getText());
        assertEquals("25", find("#total").getText());

        clickAndWaitForNewPage(find("#next-page"));
        assertTrue(browser.getCurrentUrl().contains("page=1"), browser.getCurrentUrl());
        assertEquals(5, column(1).size());

        clickAndWaitForNewPage(find("#sort-firstName"));
        assertTrue(browser.getCurrentUrl().contains("sort=firstName"), browser.getCurrentUrl());
        assertEquals("F00", column(1).get(0));
        clickAndWaitForNewPage(find("#sort-firstName"));
        assertEquals("F24", column(1).get(0));

        open("students?q=" + last + "&page=1&sort=firstName");
        assertEquals(List.of("F20", "F21", "F22", "F23", "F24"), column(1));
    }

    @Test
    void anUnknownStudentGetsAFriendlyNotFoundPageWithStatus404() {
        for (String path : List.of("students/edit?id=987654321", "students/delete?id=987654321",
                "students/edit?id=abc", "no-such-page")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("id=\"not-found\""), path + ": " + response.body());
            assertFalse(response.body().contains("Exception"), path);
        }
        open("students/edit?id=987654321");
        assertEquals("Not found", find("h1").getText());
        assertTrue(find("main").getText().contains("Student 987654321 was not found."));
    }

    @Test
    void textIsShownAsTypedAndHtmlIsEscaped() {
        String last = uniqueName("Escaped");
        createStudent("<script>document.title='owned'</script>", last, "Zoë 😀");
        open("students?q=" + last);

        assertEquals("<script>document.title='owned'</script>", column(1).get(0));
        assertEquals("Zoë 😀", column(3).get(0));
        assertFalse(browser.getTitle().contains("owned"));
    }

    @Test
    void theHomePageLinksToTheSectionsWithTheirCounts() {
        open("");
        assertTrue(find("#section-students").getText().contains("Students"));
        clickAndWaitForNewPage(find("#section-students"));
        assertTrue(browser.getCurrentUrl().endsWith("/students"), browser.getCurrentUrl());
        assertEquals("current", find("nav a.current").getAttribute("class"));
    }
}
