package org.studentregistry.web.pages.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenIssueViewTest {

    @Test
    void theServicesExpiryIsShownBesideTheDays() {
        assertEquals("token:name", TokenIssueView.clientId("name"));
        assertEquals("token:role", TokenIssueView.clientId("role"));
        assertEquals("token:days", TokenIssueView.clientId("days"));
        assertEquals("token:days", TokenIssueView.clientId("expiresAt"));
        assertNull(TokenIssueView.clientId("body"));
    }

    @Test
    void timesAreShownInUtcToTheMinute() {
        assertEquals("2027-02-01 13:04 UTC", TokenDates.format(Instant.parse("2027-02-01T13:04:59.9Z"), "never"));
        assertEquals("never", new TokenDates().lastUsed(null));
        assertEquals("", new TokenDates().at(null));
    }
}
