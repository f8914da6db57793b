package de.paliad.migration.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database and an empty migration folder for each test, and migrators on them:
 * the setup the core's database tests share. Lives beside the tests rather than in
 * {@code de.paliad.migration.testing}, which knows nothing of the core (no package
 * cycle).
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * final MigratorFixture fixture = new MigratorFixture();
 * }</pre>
 */
final class MigratorFixture implements BeforeEachCallback, AfterEachCallback {

	private @Nullable TestDatabase db;

	private @Nullable MigrationDirectory files;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.files = new MigrationDirectory(Files.createTempDirectory("paliad-migrations-"));
		this.db = TestDatabases.create();
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try {
			if (this.db != null) {
				this.db.close();
			}
		}
		finally {
			if (this.files != null) {
				deleteRecursively(this.files.root());
			}
		}
	}

	/** The test's database, dropped after the test. */
	TestDatabase db() {
		if (this.db == null) {
			throw new IllegalStateException("The fixture is set up before each test only");
		}
		return this.db;
	}

	/** The test's migration folder, deleted after the test. */
	MigrationDirectory files() {
		if (this.files == null) {
			throw new IllegalStateException("The fixture is set up before each test only");
		}
		return this.files;
	}

	/** A configuration of the migration folder, to customise and build. */
	MigrationConfiguration.Builder configuration() {
		return MigrationConfiguration.builder().locations(files().location());
	}

	/** A migrator of the migration folder on the test's database. */
	Migrator migrator() {
		return migrator(configuration());
	}

	/** A migrator with {@code configuration} on the test's database. */
	Migrator migrator(MigrationConfiguration.Builder configuration) {
		return new Migrator(db().dataSource(), configuration.build());
	}

	private static void deleteRecursively(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
