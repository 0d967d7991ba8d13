package org.studentregistry.persistence;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.shared.VersionedEntity;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application's persistence unit lists its classes by hand (a unit in a WAR's library jar finds no others),
 * while {@code registry-db check} and {@code generate} take every mapped class of the domain package: the two lists
 * must be the same, or the check would pass on a schema the application cannot use.
 */
class PersistenceUnitTest {

    @Test
    void theUnitListsEveryMappedClassOfTheDomainAndNothingElse() throws Exception {
        assertEquals(mappedClassesOfTheDomain(), listedClasses());
    }

    private static Set<String> listedClasses() throws Exception {
        try (InputStream xml = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            var classes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
                    .getElementsByTagName("class");
            Set<String> names = new TreeSet<>();
            for (int i = 0; i < classes.getLength(); i++) {
                names.add(classes.item(i).getTextContent().strip());
            }
            return names;
        }
    }

    private static Set<String> mappedClassesOfTheDomain() throws Exception {
        Path location = Path.of(VersionedEntity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return mappedClassesIn(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return mappedClassesIn(jar.getPath("/"));
        }
    }

    private static Set<String> mappedClassesIn(Path root) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/studentregistry/domain"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PersistenceUnitTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(MappedSuperclass.class)
                        || type.isAnnotationPresent(Embeddable.class) || type.isAnnotationPresent(Converter.class)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
