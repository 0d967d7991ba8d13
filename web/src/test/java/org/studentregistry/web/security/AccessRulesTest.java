package org.studentregistry.web.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.security.AccessRules.Rule;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table of {@link AccessRules} names every page and endpoint the application has, read from the compiled
 * resources and the page files: one added without a rule fails the build here, before any server starts.
 */
class AccessRulesTest {

    @Test
    void everyEndpointOfTheApiHasARule() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/studentregistry/web/rest"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        endpoints.add(verb + " /api/" + root.value() + (sub == null ? "" : "/" + sub.value()));
                    }
                }
            }
        }
        assertTrue(endpoints.size() > 15, "found the resources: " + endpoints);
        assertEquals(Set.of(), minus(endpoints, routes()), "endpoints without a rule in AccessRules");
    }

    @Test
    void everyPageHasARule() throws IOException {
        Path webapp = Path.of("src", "main", "webapp");
        Set<String> pages;
        try (Stream<Path> files = Files.walk(webapp)) {
            pages = files.map(webapp::relativize).map(Path::toString)
                    .filter(page -> page.endsWith(".xhtml") && !page.startsWith("WEB-INF") && !page.startsWith("errors"))
                    .map(page -> "GET /" + page.replaceAll("\\.xhtml$", "").replaceAll("^index$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(pages.contains("GET /students/new"), pages.toString());
        assertEquals(Set.of(), minus(pages, routes()), "pages without a rule in AccessRules");
    }

    private static Set<String> routes() {
        return AccessRules.RULES.stream().map(Rule::route).collect(Collectors.toSet());
    }

    private static Set<String> minus(Set<String> all, Set<String> named) {
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(named);
        return missing;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }
}
