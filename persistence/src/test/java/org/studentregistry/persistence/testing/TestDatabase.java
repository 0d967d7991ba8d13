package org.studentregistry.persistence.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.studentregistry.migrations.SchemaMigrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A fresh in-memory Derby database, migrated by the application's own scripts, with the application's own
 * persistence unit on top (switched to local transactions, since no container runs here).
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final String name;

    public TestDatabase() {
        name = "memory:test-" + UUID.randomUUID();
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
        new SchemaMigrator(dataSource).migrate();
        entityManagerFactory = Persistence.createEntityManagerFactory("registry", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "eclipselink.target-server", "None"));
    }

    public EmbeddedDataSource dataSource() {
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
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (SQLState 08006).
        }
    }
}
