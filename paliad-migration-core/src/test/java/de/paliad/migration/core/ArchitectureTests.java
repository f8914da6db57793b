package de.paliad.migration.core;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core could become its own artifact tomorrow: it depends on the JDK, JDBC, SLF4J and
 * the PostgreSQL driver only, takes part in no package cycle, and its public API is a
 * deliberate list.
 */
class ArchitectureTests {

	/**
	 * What a user of the core calls, gets back, implements or catches. A new public type
	 * is an API decision: add it here, in the same change, on purpose.
	 */
	private static final List<String> PUBLIC_API = List.of("AppliedMigration", "ChecksumPolicy", "CompatPolicy",
			"DatabaseUnavailableException", "GateReport", "GateReport$Format", "GateReport$Target", "DryRunResult",
			"DryRunResult$Kind", "DryRunResult$Outcome", "DryRunResult$Sizes", "DryRunResult$Step", "ExitCode",
			"Finding", "InvalidConfigurationException", "JsonText", "LegacyTrackerType", "MigrateResult", "Migration",
			"MigrationConfiguration", "MigrationConfiguration$Builder", "MigrationException",
			"MigrationCancelledException", "MigrationFailedException", "MigrationGate", "MigrationIndex",
			"MigrationListener", "MigrationPlan", "MigrationPlan$ChecksumMismatch", "MigrationPlan$NameMismatch",
			"MigrationSet", "MigrationState", "MigrationValidationException", "Migrator", "NameMismatchException",
			"Rule", "SessionInfo", "Severity", "TableSize", "TransactionMode", "VerificationFailedException");

	private static final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("de.paliad.migration.core");

	private static final JavaClasses withTests = new ClassFileImporter().importPackages("de.paliad.migration");

	@Test
	void coreDoesNotDependOnSpring() {
		noClasses().that()
			.resideInAPackage("de.paliad.migration.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "jakarta..")
			.check(core);
	}

	@Test
	void coreDependsOnNoOtherPaliadArtifact() {
		noClasses().that()
			.resideInAPackage("de.paliad.migration.core..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("de.paliad.migration..")
				.and(JavaClass.Predicates.resideOutsideOfPackage("de.paliad.migration.core..")))
			.check(core);
	}

	@Test
	void noPackageTakesPartInACycle() {
		slices().matching("de.paliad.migration.(**)").should().beFreeOfCycles().check(withTests);
	}

	@Test
	void onlyTheListedTypesArePublic() {
		classes().that()
			.resideInAPackage("de.paliad.migration.core..")
			.and()
			.arePublic()
			.should(beListedIn(PUBLIC_API))
			.check(core);
	}

	@Test
	void everyListedTypeIsPublic() {
		Set<String> publicTypes = new TreeSet<>();
		core.stream()
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.forEach((type) -> publicTypes.add(simpleBinaryName(type)));
		assertThat(publicTypes).as("public types of the core").containsExactlyInAnyOrderElementsOf(PUBLIC_API);
	}

	private static ArchCondition<JavaClass> beListedIn(List<String> api) {
		return new ArchCondition<>("be listed in ArchitectureTests.PUBLIC_API") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean listed = api.contains(simpleBinaryName(type));
				events.add(new SimpleConditionEvent(type, listed, type.getName()
						+ " is public but not part of the deliberate API: make it package-private, or add it to PUBLIC_API"));
			}

		};
	}

	private static String simpleBinaryName(JavaClass type) {
		return type.getName().substring(type.getPackageName().length() + 1);
	}

}
