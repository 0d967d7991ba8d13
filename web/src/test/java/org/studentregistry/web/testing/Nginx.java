package org.studentregistry.web.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * nginx from the operating system's packages, the proxy in front of a cluster ({@code ./cluster}). As a JUnit
 * condition it skips the tests that need it, loudly, where it is not installed, and fails them on a CI server
 * (a non-empty {@code CI}), where it must be.
 */
public final class Nginx implements ExecutionCondition {

    public static final String INSTALL = "sudo apt-get install -y nginx";

    private static final Path NGINX = Path.of(System.getProperty("nginx.path", "/usr/sbin/nginx"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(NGINX)) {
            return ConditionEvaluationResult.enabled("nginx is installed");
        }
        String reason = "CLUSTER TESTS SKIPPED: " + NGINX + " is missing. Install it with: " + INSTALL;
        return ConditionEvaluationResult.disabled(MissingPart.skipLoudly(reason));
    }
}
