package de.paliad.migration.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core could become its own artifact tomorrow: it depends on the JDK, JDBC, SLF4J and
 * the PostgreSQL driver only.
 */
class ArchitectureTests {

	private final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("de.paliad.migration.core");

	@Test
	void coreDoesNotDependOnSpring() {
		noClasses().that()
			.resideInAPackage("de.paliad.migration.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "jakarta..")
			.check(this.core);
	}

	@Test
	void coreDoesNotDependOnTheRestOfTheStarter() {
		noClasses().that()
			.resideInAPackage("de.paliad.migration.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("de.paliad.migration.autoconfigure..", "de.paliad.migration.health..",
					"de.paliad.migration.metrics..", "de.paliad.migration.endpoint..")
			.check(this.core);
	}

}
