package org.studentregistry.migrations.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import java.util.List;
import java.util.stream.Stream;

/** The runs of an {@link OnEachDatabase} test: one per {@link Vendor}, each with a fresh database of its own. */
final class EachDatabase implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Vendor.values()).map(Run::new);
    }

    private record Run(Vendor vendor) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "on " + vendor.folder();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new FreshDatabase(vendor));
        }
    }

    /**
     * Skips (or on CI fails) the run when its database is not at hand, and gives the run's database to every
     * parameter that asks for one; the store closes it, dropping the database, when the run ends.
     */
    private record FreshDatabase(Vendor vendor) implements ExecutionCondition, ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (vendor == Vendor.POSTGRESQL && PostgresSettings.fromEnvironment().isEmpty()) {
                return ConditionEvaluationResult.disabled(PostgresSettings.missing());
            }
            return ConditionEvaluationResult.enabled("the database is at hand");
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(TestDatabase.class, type -> new Dropped(TestDatabase.create(vendor)), Dropped.class)
                    .database();
        }
    }

    private record Dropped(TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }
}
