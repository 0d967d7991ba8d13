package org.studentregistry.persistence.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;

/**
 * A fresh database, migrated by the application's own scripts, with the application's own persistence unit on top
 * (switched to local transactions, since no container runs here): in-memory Derby, or, when the tests run with
 * {@code registry.test.database=postgresql} (the build's second run of them), a fresh schema on the PostgreSQL
 * server the tests are given (skipped, loudly, without one; failed on CI).
 */
public final class TestDatabase implements AutoCloseable {

    private final org.studentregistry.migrations.testing.TestDatabase database;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    public TestDatabase() {
        Vendor vendor = "postgresql".equals(System.getProperty("registry.test.database"))
                ? Vendor.POSTGRESQL : Vendor.DERBY;
        database = org.studentregistry.migrations.testing.TestDatabase.createOrSkip(vendor);
        dataSource = database.dataSource();
        new SchemaMigrator(dataSource).migrate();
        entityManagerFactory = Persistence.createEntityManagerFactory("registry", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "eclipselink.target-server", "None"));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManager createEntityManager() {
        return entityManagerFactory.createEntityManager();
    }

    /** Runs the work in one transaction of its own EntityManager, committing it, as a container would. */
    public <R> R inTransaction(Function<EntityManager, R> work) {
        EntityManager em = createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every column of one row, by lower-case column name, as stored (committed); empty when there is none. */
    public Map<String, Object> row(String table, long id) {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            s.setLong(1, id);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        database.close();
    }
}
