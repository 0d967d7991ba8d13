package org.studentregistry.web.pages;

import jakarta.json.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.studentregistry.web.testing.ApplicationDatabase;
import org.studentregistry.web.testing.BrowserTest;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.RunningServer;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user and book pages in a real headless Chromium against the real WAR on Payara Micro. */
class UserAndBookPagesIT extends BrowserTest {

    private void createUser(String username, String email) {
        HttpResponse<String> response = http.post("api/users",
                Json.createObjectBuilder().add("username", username).add("email", email).build().toString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private void createBook(String title, String author) {
        HttpResponse<String> response = http.post("api/books",
                Json.createObjectBuilder().add("title", title).add("author", author).build().toString());
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void addingAUserWithATakenUsernameSaysSoBesideTheFieldAndKeepsTheInput() {
        String name = unique("ada");
        createUser(name, name + "@example.org");
        pages.open("users");
        pages.clickAndWait("#add-user");

        pages.type("user", "username", name.toUpperCase());
        pages.type("user", "email", "new-" + name + "@example.org");
        pages.clickAndWait(pages.field("user", "save"));

        assertEquals("Username " + name.toUpperCase() + " is already taken.", pages.fieldMessage("user", "username"));
        assertEquals("new-" + name + "@example.org", pages.value("user", "email"));

        pages.type("user", "username", name + "x");
        pages.clickAndWait(pages.field("user", "save"));
        assertTrue(pages.messages().contains("Added user " + name + "x"), pages.messages());
        pages.open("users?q=" + name);
        assertEquals(List.of(name, name + "x"), pages.column("users", 1));
    }

    @Test
    void anEmailTakenInAnotherCaseIsSaidBesideTheEmailField() {
        String name = unique("hedy");
        createUser(name, name + "@example.org");
        pages.open("users/new");

        pages.type("user", "username", name + "2");
        pages.type("user", "email", name.toUpperCase() + "@EXAMPLE.org");
        pages.clickAndWait(pages.field("user", "save"));

        assertEquals("Email " + name.toUpperCase() + "@EXAMPLE.org is already registered.",
                pages.fieldMessage("user", "email"));
        assertEquals("", pages.fieldMessage("user", "username"));
        assertEquals(name + "2", pages.value("user", "username"));
        assertEquals("0", http.get("api/users?q=" + name + "2").headers().firstValue("X-Total-Count").orElseThrow(),
                "the user with the taken email was not stored");
    }

    @Test
    void usersSortByEmailBothWays() {
        String name = unique("sort");
        createUser(name + "a", "c-" + name + "@example.org");
        createUser(name + "b", "a-" + name + "@example.org");
        createUser(name + "c", "b-" + name + "@example.org");
        pages.open("users?q=" + name);

        pages.clickAndWait("#sort-email");
        assertTrue(pages.url().contains("sort=email"), pages.url());
        assertEquals(List.of(name + "b", name + "c", name + "a"), pages.column("users", 1));
        pages.clickAndWait("#sort-email");
        assertEquals(List.of(name + "a", name + "c", name + "b"), pages.column("users", 1));
    }

    @Test
    void anInvalidEmailIsReportedBesideTheField() {
        pages.open("users/new");
        pages.type("user", "username", unique("bad"));
        pages.type("user", "email", "not-an-address");
        pages.clickAndWait(pages.field("user", "save"));

        assertEquals("Email must be a valid address, like ada@example.org.", pages.fieldMessage("user", "email"));
    }

    @Test
    void aUserIsEditedAndDeletedAfterConfirmation() {
        String name = unique("grace");
        createUser(name, name + "@example.org");
        pages.open("users?q=" + name);

        pages.clickAndWait("#users a.edit");
        pages.type("user", "email", name + "@navy.mil");
        pages.clickAndWait(pages.field("user", "save"));
        assertTrue(pages.messages().contains("Saved " + name), pages.messages());
        pages.open("users?q=" + name);
        assertEquals(List.of(name + "@navy.mil"), pages.column("users", 2));

        pages.clickAndWait("#users a.delete");
        assertEquals(name, pages.find("#username").getText());
        pages.clickAndWait("[id='confirm:delete']");
        assertTrue(pages.messages().contains("Deleted user " + name), pages.messages());
        pages.open("users?q=" + name);
        assertEquals("0", pages.find("#total").getText());
    }

    @Test
    void theDeleteConfirmationKeepsNoPasswordHashInTheSession() {
        Assumptions.assumeTrue(RunningServer.url().isEmpty(),
                RunningServer.name() + " runs the WAR as shipped: no servlet there to read a session");
        String name = unique("hashed");
        long id = Http.object(http.post("api/users", Json.createObjectBuilder().add("username", name)
                .add("email", name + "@example.org").add("password", "a long enough secret").build().toString()))
                .getJsonNumber("id").longValue();
        String hash = (String) ApplicationDatabase.row("users", id).get("password_hash");
        assertTrue(hash != null && hash.length() > 20, "a stored hash: " + hash);

        assertEquals(200, http.get("users/delete?id=" + id).statusCode());

        assertEquals("true", http.get("testing/session-size?holds=" + name).body(), "the view holds the account");
        String hashEnd = URLEncoder.encode(hash.substring(hash.length() - 20), StandardCharsets.UTF_8);
        assertEquals("false", http.get("testing/session-size?holds=" + hashEnd).body(), "the view holds the hash");
    }

    @Test
    void clickingAnAuthorShowsAllTheirBooks() {
        String author = unique("Jane Austen ");
        createBook("Emma", author);
        createBook("Persuasion", author.toLowerCase());
        createBook("Dune", unique("Frank Herbert "));
        pages.open("books?q=" + URLEncoder.encode(author, StandardCharsets.UTF_8));

        pages.clickAndWait("#books a.author");

        assertEquals("Books by " + author, pages.find("#heading").getText());
        assertEquals(List.of("Emma", "Persuasion"), pages.column("books", 1));
        assertEquals("2", pages.find("#total").getText());
        pages.clickAndWait("#all-books");
        assertTrue(pages.url().endsWith("/books"), pages.url());
    }

    @Test
    void clickingAnAuthorInTheSideListShowsAllTheirBooks() {
        // "!" sorts before the letters and the other tests' authors, so the author is on the side list's first page.
        String author = unique("!Side Author ");
        createBook("Middlemarch", author);
        createBook("Adam Bede", author);
        pages.open("books");

        pages.clickAndWait(pages.find("#authors").findElement(By.linkText(author)));

        assertTrue(pages.url().contains("author="), pages.url());
        assertEquals("Books by " + author, pages.find("#heading").getText());
        assertEquals(List.of("Adam Bede", "Middlemarch"), pages.column("books", 1));
        assertEquals("2", pages.find("#total").getText());
    }

    @Test
    void theAuthorsListShowsEachAuthorWithTheirBookCount() {
        String author = unique("Aaa Author ");
        createBook("First", author);
        createBook("Second", author.toUpperCase());
        pages.open("books");

        String authors = pages.find("#authors").getText();
        assertTrue(authors.contains(author + " (2)") || authors.contains(author.toUpperCase() + " (2)"), authors);
    }

    @Test
    void aBookIsAddedWithValidationAndDeleted() {
        String title = unique("Villette ");
        pages.open("books/new");
        pages.type("book", "title", title);
        pages.clickAndWait(pages.field("book", "save"));
        assertEquals("Author is required.", pages.fieldMessage("book", "author"));

        pages.type("book", "author", "Charlotte Brontë");
        pages.clickAndWait(pages.field("book", "save"));
        assertTrue(pages.messages().contains("Added book \"" + title + "\" by Charlotte Brontë"), pages.messages());

        pages.open("books?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        pages.clickAndWait("#books a.delete");
        pages.clickAndWait("[id='confirm:delete']");
        assertTrue(pages.messages().contains("Deleted book"), pages.messages());
    }

    @Test
    void everyPageMarksItsSectionInTheNavigationBar() {
        for (String section : List.of("users", "books")) {
            pages.open(section);
            assertEquals(section.substring(0, 1).toUpperCase() + section.substring(1),
                    pages.find("nav a.current").getText());
        }
        pages.open("");
        assertTrue(pages.find("#section-users").getText().contains("Users"));
        assertTrue(pages.find("#section-books").getText().contains("Books"));
    }

    @Test
    void aSessionStaysTheSameSizeHoweverManyFormsItHasOpened() {
        // Measured on Payara Micro, where Arquillian deploys the WAR with a servlet that weighs the session.
        Assumptions.assumeTrue(RunningServer.url().isEmpty(),
                RunningServer.name() + " runs the WAR as shipped: no servlet there to weigh a session");
        openForms(40);
        int settled = sessionSize();
        openForms(80);
        int later = sessionSize();

        // Faces keeps only a session's last views; anything that grows with every form opened is a leak, and a
        // replicated session is read and written whole on every request.
        assertTrue(later <= settled * 1.05, settled + " bytes after 40 forms, " + later + " after 120");
    }

    @Test
    void theLastTenFormsOpenStillSaveAndAnOlderOneSaysThePageExpired() {
        String oldest = unique("Oldest ");
        String tenth = unique("Tenth ");
        String older = http.get("books/new").body();
        String kept = http.get("books/new").body();
        openForms(9);

        HttpResponse<String> expired = FacesForm.post(http, older, "book", "save",
                Map.of("title", "Too old", "author", oldest));
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("id=\"expired\""), "the page-expired page");
        assertEquals("0", http.get("api/books?author=" + URLEncoder.encode(oldest, StandardCharsets.UTF_8))
                .headers().firstValue("X-Total-Count").orElseThrow());

        HttpResponse<String> saved = FacesForm.post(http, kept, "book", "save",
                Map.of("title", "Just in time", "author", tenth));
        assertEquals(302, saved.statusCode(), "saved, and sent on to the list");
        assertEquals("1", http.get("api/books?author=" + URLEncoder.encode(tenth, StandardCharsets.UTF_8))
                .headers().firstValue("X-Total-Count").orElseThrow());
    }

    private void openForms(int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(200, http.get(i % 2 == 0 ? "books/new" : "users/new").statusCode());
        }
    }

    private int sessionSize() {
        HttpResponse<String> size = http.get("testing/session-size");
        assertEquals(200, size.statusCode());
        return Integer.parseInt(size.body());
    }
}
