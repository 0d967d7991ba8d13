package org.studentregistry.web.pages;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.studentregistry.web.testing.Browser;
import org.studentregistry.web.testing.BrowserPages;
import org.studentregistry.web.testing.TestAccounts;
import org.studentregistry.web.testing.BrowserTest;
import org.studentregistry.web.testing.Http;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * The student pages as a user meets them, in a real headless Chromium against the real WAR on Payara Micro.
 * Data is set up through the REST API, which these tests trust (its own tests prove it).
 */
class StudentPagesIT extends BrowserTest {

    private long createStudent(String first, String last, String subject) {
        HttpResponse<String> response = http.post("api/students", student(first, last, subject));
        assertEquals(201, response.statusCode(), response.body());
        return object(response).getJsonNumber("id").longValue();
    }

    private long total(String collection) {
        return Long.parseLong(http.get(collection + "?size=1").headers().firstValue("X-Total-Count").orElseThrow());
    }

    private List<String> column(int index) {
        return pages.column("students", index);
    }

    @Test
    void addingAStudentRedirectsToTheListWithAConfirmation() {
        String last = unique("Added");
        pages.open("students");
        pages.clickAndWait("#add-student");
        assertTrue(pages.url().endsWith("/students/new"), pages.url());

        pages.type("student", "firstName", "Ada");
        pages.type("student", "lastName", last);
        pages.type("student", "subject", "Mathematics");
        pages.clickAndWait(pages.field("student", "save"));

        assertTrue(pages.url().endsWith("/students"), pages.url());
        assertTrue(pages.messages().contains("Added student Ada " + last), pages.messages());
        pages.open("students?q=" + last);
        assertEquals(List.of(last), column(2));
    }

    @Test
    void missingAndTooLongFieldsShowAMessageBesideEachFieldAndKeepTheRest() {
        long before = total("api/students");
        pages.open("students/new");
        pages.type("student", "firstName", "   ");
        // The field's maxlength would cut the text at 100 in the browser; without it, the server's check answers.
        pages.typeUnlimited("student", "lastName", "L".repeat(100) + "x");
        pages.type("student", "subject", "History");
        pages.clickAndWait(pages.field("student", "save"));

        assertEquals("First name is required.", pages.fieldMessage("student", "firstName"));
        assertEquals("Last name must be at most 100 characters.", pages.fieldMessage("student", "lastName"));
        assertEquals("", pages.fieldMessage("student", "subject"));
        assertTrue(pages.url().contains("/students/new"), pages.url());
        assertEquals("History", pages.value("student", "subject"));
        assertEquals(before, total("api/students"), "nothing stored");
    }

    @Test
    void cancellingAnEditLeavesTheStudentAsItWas() {
        String last = unique("Cancelled");
        long id = createStudent("Barbara", last, "Abstraction");
        pages.open("students/edit?id=" + id);
        pages.type("student", "subject", "Something else");

        pages.clickAndWait("#cancel");

        assertTrue(pages.url().endsWith("/students"), pages.url());
        JsonObject stored = object(http.get("api/students/" + id));
        assertEquals("Abstraction", stored.getString("subject"));
        assertEquals(1, stored.getInt("version"), "nothing was saved");
        pages.open("students?q=" + last);
        assertEquals(List.of("Abstraction"), column(3));
    }

    @Test
    void namesSortIgnoringCaseAndSubjectsSortBothWays() {
        String last = unique("Case");
        // In code-point order "Bob" would come before "ada"; ignoring case it comes between "ada" and "carl".
        createStudent("Bob", last, "beta");
        createStudent("ada", last, "gamma");
        createStudent("carl", last, "alpha");
        pages.open("students?q=" + last);

        pages.clickAndWait("#sort-firstName");
        assertEquals(List.of("ada", "Bob", "carl"), column(1));
        pages.clickAndWait("#sort-firstName");
        assertEquals(List.of("carl", "Bob", "ada"), column(1));

        pages.clickAndWait("#sort-subject");
        assertTrue(pages.url().contains("sort=subject"), pages.url());
        assertEquals(List.of("alpha", "beta", "gamma"), column(3));
        pages.clickAndWait("#sort-subject");
        assertEquals(List.of("gamma", "beta", "alpha"), column(3));
    }

    @Test
    void editingAStudentSavesTheChanges() {
        String last = unique("Edited");
        createStudent("Grace", last, "Navy");
        pages.open("students?q=" + last);
        pages.clickAndWait("#students a.edit");

        assertEquals("Grace", pages.value("student", "firstName"));
        pages.type("student", "subject", "Computing");
        pages.clickAndWait(pages.field("student", "save"));

        assertTrue(pages.messages().contains("Saved Grace " + last), pages.messages());
        pages.open("students?q=" + last);
        assertEquals(List.of("Computing"), column(3));
    }

    @Test
    void aStaleEditSaysSomeoneElseSavedAndKeepsWhatTheUserTyped() {
        String last = unique("Stale");
        long id = createStudent("Alan", last, "Logic");
        pages.open("students/edit?id=" + id);

        assertEquals(200, http.put("api/students/" + id, student("Alan", last, "Cryptography")).statusCode());
        pages.type("student", "subject", "Computing");
        pages.clickAndWait(pages.field("student", "save"));

        assertTrue(pages.messages().contains("Someone else saved this student"), pages.messages());
        assertTrue(pages.messages().contains("Cryptography"), "shows what the other user saved: " + pages.messages());
        assertEquals("Computing", pages.value("student", "subject"));
        assertEquals("Cryptography", object(http.get("api/students/" + id)).getString("subject"));

        pages.clickAndWait(pages.field("student", "save"));
        assertTrue(pages.messages().contains("Saved Alan " + last), pages.messages());
        assertEquals("Computing", object(http.get("api/students/" + id)).getString("subject"));
    }

    @Test
    void twoBrowserSessionsEditingOneStudentCannotOverwriteEachOther() {
        String last = unique("Twice");
        long id = createStudent("Grace", last, "Compilers");
        WebDriver secondBrowser = Browser.start();
        try {
            BrowserPages other = new BrowserPages(secondBrowser, http);
            other.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
            pages.open("students/edit?id=" + id);
            other.open("students/edit?id=" + id);

            pages.type("student", "subject", "Navy");
            pages.clickAndWait(pages.field("student", "save"));
            other.type("student", "subject", "COBOL");
            other.clickAndWait(other.field("student", "save"));

            assertTrue(pages.messages().contains("Saved Grace " + last), pages.messages());
            assertTrue(other.messages().contains("Someone else saved this student"), other.messages());
            assertTrue(other.messages().contains("Navy"), "shows the first session's change: " + other.messages());
            assertEquals("COBOL", other.value("student", "subject"));
            assertEquals("Navy", object(http.get("api/students/" + id)).getString("subject"));

            other.clickAndWait(other.field("student", "save"));
            assertTrue(other.messages().contains("Saved Grace " + last), other.messages());
            JsonObject stored = object(http.get("api/students/" + id));
            assertEquals("COBOL", stored.getString("subject"));
            assertEquals(3, stored.getInt("version"), "each session's save counted once");
        } finally {
            secondBrowser.quit();
        }
    }

    @Test
    void deletingAsksForConfirmationAndCancelKeepsTheStudent() {
        String last = unique("Deleted");
        createStudent("Linus", last, "Kernels");
        pages.open("students?q=" + last);

        pages.clickAndWait("#students a.delete");
        assertEquals(last, pages.find("#lastName").getText());
        pages.clickAndWait("#cancel");
        pages.open("students?q=" + last);
        assertEquals(List.of(last), column(2));

        pages.clickAndWait("#students a.delete");
        pages.clickAndWait("[id='confirm:delete']");

        assertTrue(pages.messages().contains("Deleted student Linus " + last), pages.messages());
        pages.open("students?q=" + last);
        assertEquals("0", pages.find("#total").getText());
    }

    @Test
    void aDeleteConfirmedAfterSomeoneElseChangedTheStudentShowsTheChangeAndAsksAgain() {
        String last = unique("Changed");
        long id = createStudent("Edsger", last, "Algorithms");
        pages.open("students/delete?id=" + id);

        assertEquals(200, http.put("api/students/" + id, student("Edsger", last, "Semaphores")).statusCode());
        pages.clickAndWait("[id='confirm:delete']");

        assertTrue(pages.messages().contains("Someone else changed this student meanwhile"), pages.messages());
        assertEquals("Semaphores", pages.find("#subject").getText());
        assertEquals(200, http.get("api/students/" + id).statusCode(), "not deleted");

        pages.clickAndWait("[id='confirm:delete']");
        assertTrue(pages.messages().contains("Deleted student Edsger " + last), pages.messages());
        assertEquals(404, http.get("api/students/" + id).statusCode());
    }

    @Test
    void theListShowsTwentyAPageWithNavigationSortingAndSearchInTheUrl() {
        String last = unique("Paging");
        for (int i = 0; i < 25; i++) {
            createStudent(String.format("F%02d", i), last, "Subject");
        }
        pages.open("students?q=" + last.toLowerCase());

        assertEquals(20, column(1).size());
        assertTrue(pages.find("#page-status").getText().contains("Page 1 of 2"), pages.find("#page-status").getText());
        assertEquals("25", pages.find("#total").getText());

        pages.clickAndWait("#next-page");
        assertTrue(pages.url().contains("page=1") && pages.url().contains("after="), pages.url());
        assertEquals(5, column(1).size());
        assertTrue(pages.find("#page-status").getText().contains("Page 2 of 2"), pages.find("#page-status").getText());
        pages.clickAndWait("#previous-page");
        assertTrue(pages.url().contains("before="), pages.url());
        assertEquals(20, column(1).size());
        assertTrue(pages.find("#page-status").getText().contains("Page 1 of 2"), pages.find("#page-status").getText());

        pages.clickAndWait("#sort-firstName");
        assertTrue(pages.url().contains("sort=firstName"), pages.url());
        assertEquals("F00", column(1).get(0));
        pages.clickAndWait("#sort-firstName");
        assertEquals("F24", column(1).get(0));

        pages.open("students?q=" + last + "&page=1&sort=firstName");
        assertEquals(List.of("F20", "F21", "F22", "F23", "F24"), column(1));
    }

    @Test
    void anUnknownStudentGetsAFriendlyNotFoundPage() {
        // Its status, 404, and the other unknown addresses are checked over HTTP in RestApiIT.
        pages.open("students/edit?id=987654321");
        assertEquals("Not found", pages.find("h1").getText());
        assertTrue(pages.find("main").getText().contains("Student 987654321 was not found."));
    }

    @Test
    void textIsShownAsTypedAndHtmlIsEscaped() {
        String last = unique("Escaped");
        createStudent("<script>document.title='owned'</script>", last, "Zoë 😀");
        pages.open("students?q=" + last);

        assertEquals("<script>document.title='owned'</script>", column(1).get(0));
        assertEquals("Zoë 😀", column(3).get(0));
        assertFalse(pages.title().contains("owned"));
    }

    @Test
    void theHomePageLinksToTheSectionsWithTheirCounts() {
        createStudent("Counted", unique("Home"), "Arithmetic");
        pages.open("");
        for (String section : List.of("students", "users", "books")) {
            assertEquals(String.valueOf(total("api/" + section)), pages.find("#section-" + section + " .count").getText(),
                    "the home page's count of " + section);
        }
        long students = total("api/students");
        createStudent("Counted", unique("Home"), "Arithmetic");
        pages.open("");
        assertEquals(String.valueOf(students + 1), pages.find("#section-students .count").getText(),
                "a new student is counted at once");

        assertTrue(pages.find("#section-students").getText().contains("Students"));
        pages.clickAndWait("#section-students");
        assertTrue(pages.url().endsWith("/students"), pages.url());
        assertEquals("current", pages.find("nav a.current").getAttribute("class"));
    }
}
