package org.studentregistry.web.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Chromium from the operating system's packages ({@code chromium}, {@code chromium-driver}), driven by
 * Selenium through {@code /usr/bin/chromedriver}; nothing is downloaded.
 *
 * <p>As a JUnit condition it skips browser tests, loudly, where Chromium is not installed, and fails them on a CI
 * server, where it must be: any non-empty {@code CI} variable ({@code true}, {@code 1}, {@code yes}...) says so.
 */
public final class Browser implements ExecutionCondition {

    public static final String INSTALL = "sudo apt-get install -y chromium chromium-driver";

    private static final Path DRIVER = Path.of(System.getProperty("chromedriver.path", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM)) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        String reason = "BROWSER TESTS SKIPPED: " + DRIVER + " or " + CHROMIUM + " is missing. Install them with: "
                + INSTALL;
        return ConditionEvaluationResult.disabled(MissingPart.skipLoudly(reason));
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1024");
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("registry-chromium"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
