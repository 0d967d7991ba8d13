package org.studentregistry.migrations;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The entities as a persistence unit of the command line's own, for nothing but the provider's schema generation: every
 * class of a package and below it (the provider takes the entities, mapped superclasses, embeddables and converters
 * among them), in the class path entry (jar or folder) of an anchor class. The application's unit (persistence.xml, in
 * the persistence module) runs in a container on a data source this tool does not have; the package is the one list of
 * what the domain maps.
 */
record EntitiesUnit(Class<?> anchor, List<String> classNames) implements PersistenceUnitInfo {

    /** The classes of {@code packageName} beside {@code anchor}, by name: none is loaded to find them. */
    static EntitiesUnit ofPackage(Class<?> anchor, String packageName) {
        String packagePath = packageName.replace('.', '/');
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return new EntitiesUnit(anchor, classesIn(location, location.resolve(packagePath)));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                Path root = jar.getPath("/");
                return new EntitiesUnit(anchor, classesIn(root, root.resolve(packagePath)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classesIn(Path root, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                    .map(name -> name.replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
    }

    @Override
    public String getPersistenceUnitName() {
        return "entities";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return null;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return null;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return anchor.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return classNames;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return anchor.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Nothing is woven: no entity is ever loaded through this unit.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return anchor.getClassLoader();
    }
}
