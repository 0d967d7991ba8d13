package org.studentregistry.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.studentregistry.migrations.SchemaMigrator;

import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The modules depend on each other one way, as the README draws them: web → service → persistence → domain, and
 * web → migrations to bring the schema up to date at start. The web layer reaches data only through the services,
 * so a change of the persistence layer stays behind them. Checked on the production classes of every module,
 * which this module's test class path holds (the command line's too, though the WAR does not carry it).
 */
@AnalyzeClasses(packages = "org.studentregistry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /* What the WAR carries of the migrations module's classes (its plain jar): SchemaMigrator and its callback. */
    private static final String SCHEMA_MIGRATOR = "(" + Pattern.quote(SchemaMigrator.class.getName()) + "|"
            + Pattern.quote(SchemaMigrator.class.getPackageName() + ".DerbyTriggerPlans") + ")(\\$.*)?";

    @ArchTest
    static final ArchRule dependenciesPointOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("web").definedBy("org.studentregistry.web..")
            .layer("service").definedBy("org.studentregistry.service..")
            .layer("persistence").definedBy("org.studentregistry.persistence..")
            .layer("migrations").definedBy("org.studentregistry.migrations..")
            .layer("domain").definedBy("org.studentregistry.domain..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("web")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("service")
            .whereLayer("migrations").mayOnlyBeAccessedByLayers("web")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("persistence", "service", "web", "migrations");

    @ArchTest
    static final ArchRule schemaMigratorNeedsOnlyFlyway = classes()
            .that().haveNameMatching(SCHEMA_MIGRATOR)
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax.sql..", "org.flywaydb..")
                    // each other and their nested types, and arrays of them (an enum's values())
                    .or(nameMatching(SCHEMA_MIGRATOR)).or(nameMatching("\\[L" + SCHEMA_MIGRATOR + ";")))
            .because("the WAR carries only SchemaMigrator and the scripts of the migrations module (its plain jar)");

    @ArchTest
    static final ArchRule theWebUsesOnlySchemaMigratorOfMigrations = noClasses()
            .that().resideInAPackage("org.studentregistry.web..")
            .should().dependOnClassesThat(resideInAPackage("org.studentregistry.migrations..")
                    .and(not(nameMatching(SCHEMA_MIGRATOR))))
            .because("the rest of the migrations module is the command line's, which the WAR does not carry");

    /** The rules above would pass on a class path that lacks a module; this says each one was read. */
    @ArchTest
    static void everyModuleIsChecked(JavaClasses classes) {
        for (String name : List.of("domain.student.Student", "persistence.EntityRepository", "service.RecordService",
                "web.rest.RecordResource", "migrations.SchemaMigrator", "migrations.cli.RegistryDb")) {
            assertTrue(classes.contain("org.studentregistry." + name), name + " was not imported");
        }
    }
}
