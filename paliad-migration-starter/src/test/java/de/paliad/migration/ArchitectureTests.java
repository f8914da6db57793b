package de.paliad.migration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's packages by concern, as Spring Boot's own modules are laid out: the
 * auto-configuration wires the others and nothing depends on it, no package takes part in
 * a cycle (the core included), and the status the others read is Spring-free.
 */
class ArchitectureTests {

	/** The starter's and the core's production classes: no tests, no test jars. */
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("de.paliad.migration");

	@Test
	void noPackageTakesPartInACycle() {
		// Every package is its own slice, the core's included.
		slices().matching("de.paliad.migration.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void noOtherPackageDependsOnTheAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("de.paliad.migration.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("de.paliad.migration.autoconfigure..")
			.check(classes);
	}

	@Test
	void theStatusDoesNotDependOnSpring() {
		noClasses().that()
			.resideInAPackage("de.paliad.migration.status..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "jakarta..")
			.check(classes);
	}

	@Test
	void healthMetricsAndEndpointReadOnlyTheCoreAndTheStatus() {
		classes().that()
			.resideInAnyPackage("de.paliad.migration.health..", "de.paliad.migration.metrics..",
					"de.paliad.migration.endpoint..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("de.paliad.migration.health..", "de.paliad.migration.metrics..",
					"de.paliad.migration.endpoint..", "de.paliad.migration.core..", "de.paliad.migration.status..",
					"org.springframework..", "io.micrometer..", "java..", "org.jspecify..", "org.slf4j..")
			.check(classes);
	}

}
