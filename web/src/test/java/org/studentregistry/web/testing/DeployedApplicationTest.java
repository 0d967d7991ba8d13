package org.studentregistry.web.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.util.UUID;

/**
 * A test class that talks over HTTP to the application's real WAR, deployed by Arquillian on a Payara Micro of its
 * own (one server start per test class, so each class groups many tests), or on the server the build started
 * ({@link RunningServer}: the same classes run against GlassFish). The application's database is one the tests
 * can read as well ({@link ApplicationDatabase}), so a test can check what was really stored. Every test starts
 * as the admin ({@link TestAccounts}); {@link #anonymous} is there for what others may do.
 */
// The test database first: it must be serving before Arquillian starts Payara Micro with its address.
@ExtendWith(ApplicationDatabase.class)
public abstract class DeployedApplicationTest {

    @RegisterExtension
    static final Extension SERVER = RunningServer.extension();

    @ArquillianResource
    private URL base;

    /** The admin: signed in on the pages (its own session per test) and sending an admin token to the API. */
    protected Http http;

    /** A client with no session and no token. */
    protected Http anonymous;

    /** The packaged WAR, and a servlet that tells a test its session's size ({@link SessionSizeServlet}). */
    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.registryWar().addClass(SessionSizeServlet.class);
    }

    @BeforeEach
    void connect() {
        anonymous = new Http(RunningServer.url().orElse(base));
        http = TestAccounts.admin(anonymous);
    }

    /** A name no other test uses, so that searches see only the calling test's records. */
    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
