package org.studentregistry.web.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for tests: requests relative to the deployment's URL, bodies as strings. */
public final class Http {

    private final HttpClient client;
    private final URI base;
    /* The bearer token sent with every request, or null. */
    private final String token;

    /** An anonymous client: no token, no cookies. */
    public Http(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), client(false), null);
    }

    private Http(URI base, HttpClient client, String token) {
        this.client = client;
        this.base = base;
        this.token = token;
    }

    private static HttpClient client(boolean keepsCookies) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                // Java's client otherwise asks to upgrade to HTTP/2; with a body of a megabyte that upgrade stalled.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (keepsCookies) {
            client.cookieHandler(new CookieManager());
        }
        return client.build();
    }

    /** A fresh client of the same application, anonymous: no token, no cookies. */
    public Http anonymous() {
        return new Http(base, client(false), null);
    }

    /**
     * A fresh client of the same application that keeps the cookies it is sent, as a browser keeps its session;
     * it sends the same bearer token as this one, if any.
     */
    public Http withCookies() {
        return new Http(base, client(true), token);
    }

    /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
    public Http withToken(String token) {
        return new Http(base, client, token);
    }

    /**
     * The same client, with its cookies and token, on another server of the same application: a browser whose
     * requests go to another node of a cluster. Cookies follow the host, not the port, so the session goes along.
     */
    public Http at(URI otherBase) {
        return new Http(URI.create(otherBase.toString().endsWith("/") ? otherBase.toString() : otherBase + "/"),
                client, token);
    }

    /** A path relative to the application ({@code api/students}), or absolute on the server ({@code /health}). */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), headers));
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(withHeaders(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers));
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send(withHeaders(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers));
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(withHeaders(request(path).DELETE(), headers));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** The URI of one relation of a response's RFC 8288 {@code Link} header, or null when it has none. */
    public static String link(HttpResponse<String> response, String rel) {
        for (String header : response.headers().allValues("Link")) {
            for (String value : header.split(",\\s*(?=<)")) {
                if (value.endsWith("rel=\"" + rel + "\"")) {
                    return value.substring(value.indexOf('<') + 1, value.indexOf('>'));
                }
            }
        }
        return null;
    }

    public static JsonObject object(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static JsonArray array(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    /** A student as JSON, for request bodies. */
    public static String student(String firstName, String lastName, String subject) {
        return Json.createObjectBuilder()
                .add("firstName", firstName).add("lastName", lastName).add("subject", subject)
                .build().toString();
    }

    /** A book as JSON, for request bodies. */
    public static String book(String title, String author) {
        return Json.createObjectBuilder().add("title", title).add("author", author).build().toString();
    }

    /** A value for a query string. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
