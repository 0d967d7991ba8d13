package org.studentregistry.web.testing;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Faces form filled in without a browser, as a browser would send it: the page is opened in the client's session,
 * and the form is posted back to its action with its view state and the pressed button.
 */
public final class FacesForm {

    private FacesForm() {
    }

    /**
     * Opens {@code page} and submits its form {@code form} with the given fields (by their ids within the form)
     * and the button {@code button}.
     */
    public static HttpResponse<String> submit(Http session, String page, String form, String button,
                                              Map<String, String> fields) {
        HttpResponse<String> shown = session.get(page);
        assertEquals(200, shown.statusCode(), page + " is shown");
        return post(session, shown.body(), form, button, fields);
    }

    /**
     * Posts back a form of a page already shown (its HTML), as the button {@code button} would, with the given
     * headers (name, value, ...) besides.
     */
    public static HttpResponse<String> post(Http session, String html, String form, String button,
                                            Map<String, String> fields, String... headers) {
        String viewState = match("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"", html);
        String action = match("<form id=\"" + form + "\"[^>]*action=\"([^\"]+)\"", html);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(form, form);
        fields.forEach((name, value) -> values.put(form + ":" + name, value));
        values.put(form + ":" + button, button);
        values.put("jakarta.faces.ViewState", viewState.replace("&#58;", ":"));
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = session.request(action.replace("&amp;", "&"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return session.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The first group of the pattern in the HTML; fails the test if it is not there. */
    public static String match(String pattern, String html) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertTrue(matcher.find(), "no match for " + pattern);
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
