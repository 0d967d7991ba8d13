package org.studentregistry.web.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The application's real WAR, as the build packaged it: tests deploy what users deploy. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive registryWar() {
        File war = new File(System.getProperty("registry.war", "target/student-registry.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with mvn verify, which packages it first");
        }
        return ShrinkWrap.create(ZipImporter.class, "student-registry.war").importFrom(war).as(WebArchive.class);
    }
}
