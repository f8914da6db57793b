package de.paliad.migration.test;

import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.test.MigratedDatabase.CopyPer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link MigratedDatabase}: copies the set's template before the
 * class (or each method), resolves {@link DatabaseCopy} and {@link DataSource}
 * parameters, and drops the copy afterwards. Safe under parallel execution: every copy
 * has its own name and template creation is locked. In a Spring test it stands aside; the
 * Spring integration ({@code de.paliad.migration.test.spring}) does the work there.
 */
public final class MigratedDatabaseExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(MigratedDatabaseExtension.class);

	private static final String COPY = "copy";

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	@Override
	public void beforeAll(ExtensionContext context) {
		settings(context).filter((settings) -> settings.copyPer() == CopyPer.CLASS)
			.ifPresent((settings) -> context.getStore(NAMESPACE).put(COPY, copy(settings)));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		settings(context).filter((settings) -> settings.copyPer() == CopyPer.METHOD)
			.ifPresent((settings) -> context.getStore(NAMESPACE).put(COPY, copy(settings)));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		drop(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		drop(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return (type == DatabaseCopy.class || type == DataSource.class) && settings(context).isPresent();
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		DatabaseCopy copy = current(context);
		if (copy == null) {
			throw new ParameterResolutionException("No database copy for " + parameter.getDeclaringExecutable()
					+ ": with copyPer = METHOD, ask for it in a test or @BeforeEach method, not in @BeforeAll"
					+ " or the constructor");
		}
		return (parameter.getParameter().getType() == DataSource.class) ? copy.dataSource() : copy;
	}

	private static @Nullable DatabaseCopy current(ExtensionContext context) {
		// The method's store first (copyPer = METHOD), then the class's, found through
		// the
		// parent contexts.
		for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
			DatabaseCopy copy = at.get().getStore(NAMESPACE).get(COPY, DatabaseCopy.class);
			if (copy != null) {
				return copy;
			}
		}
		return null;
	}

	private static void drop(ExtensionContext context) {
		DatabaseCopy copy = context.getStore(NAMESPACE).remove(COPY, DatabaseCopy.class);
		if (copy != null) {
			copy.close();
		}
	}

	private static DatabaseCopy copy(MigratedDatabase settings) {
		return DatabaseTemplates.fromEnvironment().copy(configuration(settings));
	}

	static MigrationConfiguration configuration(MigratedDatabase settings) {
		MigrationConfiguration.Builder builder = MigrationConfiguration.builder();
		if (settings.locations().length > 0) {
			builder.locations(Arrays.asList(settings.locations()));
		}
		if (!settings.schema().isEmpty()) {
			builder.schema(settings.schema());
		}
		if (!settings.table().isEmpty()) {
			builder.table(settings.table());
		}
		return builder.build();
	}

	private static Optional<MigratedDatabase> settings(ExtensionContext context) {
		Optional<Class<?>> testClass = context.getTestClass();
		if (testClass.isEmpty() || isSpringTest(testClass.get())) {
			return Optional.empty();
		}
		return AnnotationSupport.findAnnotation(testClass.get(), MigratedDatabase.class);
	}

	private static boolean isSpringTest(Class<?> testClass) {
		return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
			.stream()
			.flatMap((extendWith) -> Arrays.stream(extendWith.value()))
			.anyMatch((extension) -> extension.getName().equals(SPRING_EXTENSION));
	}

}
