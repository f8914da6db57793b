package de.paliad.migration.test;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Stream;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationGate;
import de.paliad.migration.core.Severity;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test-support assertions against a real gate run: the checked-in production snapshot
 * of the core's tests ({@code gate/prod-schema.sql}), dry-run as the production migration
 * role.
 */
class DryRunResultAssertTests {

	@TempDir
	Path prod;

	@TempDir
	Path pendingDir;

	private MigrationDirectory pending;

	private TestDatabase db;

	@BeforeEach
	void copyProdMigrations() throws IOException, URISyntaxException {
		Path source = resource("/gate/prod-migrations");
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.prod.resolve(file.getFileName().toString()));
			}
		}
		this.pending = new MigrationDirectory(this.pendingDir);
		this.db = TestDatabases.create();
	}

	/**
	 * A fixture of the core's test jar. Under {@code verify} Maven hands this module the
	 * packaged jar (under {@code test} the directory), so open it as a zip file system.
	 */
	private static Path resource(String name) throws IOException, URISyntaxException {
		URI uri = DryRunResultAssertTests.class.getResource(name).toURI();
		if ("jar".equals(uri.getScheme())) {
			try {
				FileSystems.getFileSystem(uri);
			}
			catch (FileSystemNotFoundException ex) {
				FileSystems.newFileSystem(uri, Map.of());
			}
		}
		return Paths.get(uri);
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	private DryRunResult gate() throws IOException, URISyntaxException {
		Path snapshot = resource("/gate/prod-schema.sql");
		return MigrationGate.check(this.db.dataSource(), snapshot,
				MigrationConfiguration.builder()
					.locations("filesystem:" + this.prod, this.pending.location())
					.role("app_owner")
					.compatPolicy(CompatPolicy.FAIL)
					.build());
	}

	@Test
	void theTestSupportAssertionsReadLikeTheGate() throws Exception {
		this.pending.write("124_expand.up.sql", "ALTER TABLE documents ADD COLUMN summary text;");

		DryRunResultAssert.assertThat(gate()).passesTheGate().hasFinding(Severity.INFO, "public.documents.summary");
	}

	@Test
	void theTestSupportAssertionsFailOnABreakingChange() throws Exception {
		this.pending.write("124_drop_display_name.up.sql", "ALTER TABLE users DROP COLUMN display_name;");
		DryRunResult result = gate();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> DryRunResultAssert.assertThat(result).passesTheGate())
			.withMessageContaining("Expected the migrations not to break the running version")
			// Findings carry their rule ID since the rule catalogue: BREAKING
			// [drop-column] …
			.withMessageContaining("BREAKING [drop-column] 124_drop_display_name.up.sql line 1:"
					+ " column public.users.display_name is dropped");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> DryRunResultAssert.assertThat(result).failedAt(124, "42703"))
			.withMessageContaining("but every migration ran");
	}

}
