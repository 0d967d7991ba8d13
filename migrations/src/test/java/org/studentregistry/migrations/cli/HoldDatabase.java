package org.studentregistry.migrations.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** Another process that has an embedded database open, as a running application would, until its input closes. */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        try (Connection ignored = DriverManager.getConnection("jdbc:derby:" + args[0])) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the test to close our input.
            }
        }
    }
}
