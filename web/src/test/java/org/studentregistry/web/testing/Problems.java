package org.studentregistry.web.testing;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Checks that an error answer is an RFC 9457 problem of the expected status, with nothing internal in it. */
public final class Problems {

    private Problems() {
    }

    public static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Http.object(response);
        assertEquals(status, problem.getInt("status"));
        assertFalse(response.body().contains("Exception"), "no exception text in " + response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace in " + response.body());
        return problem;
    }
}
