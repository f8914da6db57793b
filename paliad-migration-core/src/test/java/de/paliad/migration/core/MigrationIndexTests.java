package de.paliad.migration.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The build-time index beside a {@code classpath:} location in a jar: a boot that trusts
 * it for applied migrations applies and verifies exactly as one without it, and an index
 * that disagrees with the files it was packaged with stops the run, naming the file.
 */
class MigrationIndexTests {

	private static final String LOCATION = "classpath:db/migration";

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@TempDir
	Path classes;

	@TempDir
	Path jars;

	private int builds;

	private MigrationDirectory files;

	@BeforeEach
	void writeMigrations() {
		this.files = new MigrationDirectory(this.classes.resolve("db/migration"))
			.write("1_create_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);")
			.write("1_create_accounts.down.sql", "DROP TABLE accounts;")
			.write("2024/2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email text;")
			.write("3_index_email.up.sql",
					"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n")
			.write("README.md", "not indexed, not a migration");
	}

	@Test
	void theIndexRecordsEveryMigrationFileComputedFromItsBytes() {
		MigrationIndex index = index();

		assertThat(index.size()).isEqualTo(4);
		assertThat(index.staticCheckFailures()).isZero();
		assertThat(index.format()).contains(
				"2\tup\tadd_email\t43\t" + Checksums.sha256("ALTER TABLE accounts ADD COLUMN email text;".getBytes())
						+ "\ttrue\t2024/2_add_email.up.sql\tok",
				"3\tup\tindex_email\t", "\tfalse\t3_index_email.up.sql\tok", "1\tdown\tcreate_accounts\t")
			.doesNotContain("README");
	}

	@Test
	void aStaticCheckProblemIsIndexedNotThrown() {
		this.files.write("4_commit.up.sql", "CREATE TABLE t (id int);\nCOMMIT;\n");

		MigrationIndex index = index();

		assertThat(index.staticCheckFailures()).isEqualTo(1);
		assertThat(index.format()).contains("4_commit.up.sql line 2: top-level COMMIT");
	}

	@Test
	void aMalformedAllowDirectiveIsIndexedAsAStaticCheckProblem() {
		this.files.write("4_drop_email.up.sql",
				"-- paliad:allow drop-colum gone\nALTER TABLE accounts DROP COLUMN email;\n");

		MigrationIndex index = index();

		assertThat(index.staticCheckFailures()).isEqualTo(1);
		assertThat(index.format()).contains("4_drop_email.up.sql line 1: -- paliad:allow names no rule 'drop-colum'");
	}

	/**
	 * The index keeps no directives, and needs none: only an applied migration is taken
	 * from it unread, and the gate analyses pending migrations, which are always read and
	 * lexed.
	 */
	@Test
	void aPendingMigrationsAllowDirectiveCountsWhenBootingFromAnIndexedJar() throws IOException {
		writeIndex();
		try (URLClassLoader loader = jarLoader()) {
			assertThat(migrator(loader).migrate().applied()).hasSize(3);
		}
		this.files.write("4_drop_email.up.sql",
				"-- paliad:allow drop-column v2 reads accounts.email no more\nALTER TABLE accounts DROP COLUMN email;\n");
		writeIndex();
		try (URLClassLoader loader = jarLoader()) {
			DryRunResult result = migrator(loader).dryRun();

			assertThat(result.gateFailures()).isEmpty();
			assertThat(result.findings()).filteredOn((f) -> f.rule() == Rule.DROP_COLUMN)
				.singleElement()
				.satisfies((f) -> assertThat(f.allowedBecause()).isEqualTo("v2 reads accounts.email no more"));
		}
	}

	@Test
	void aRunWithACorrectIndexAppliesAndVerifiesExactlyAsWithout() throws IOException {
		writeIndex();
		try (URLClassLoader loader = jarLoader()) {
			MigrateResult result = migrator(loader).migrate();

			assertThat(result.applied()).extracting(Migration::version).containsExactly(1L, 2L, 3L);
			assertThat(checksums()).isEqualTo(expectedChecksums());
			// Applied now: the second run takes their checksums from the index.
			assertThat(migrator(loader).migrate().applied()).isEmpty();
			assertThat(migrator(loader).verify().isUpToDate()).isTrue();
		}
	}

	@Test
	void anIndexInAFolderOnTheClassPathIsIgnored() throws IOException {
		writeIndex();
		// Edited without a rebuild, as in an IDE: the stale index must not get in the
		// way.
		this.files.write("4_add_name.up.sql", "ALTER TABLE accounts ADD COLUMN name text;");
		try (URLClassLoader loader = loader(this.classes)) {
			assertThat(migrator(loader).migrate().applied()).hasSize(4);
		}
	}

	@Test
	void anAppliedMigrationEditedAfterTheBuildIsAnIndexMismatchNamingTheFile() throws IOException {
		writeIndex();
		try (URLClassLoader built = jarLoader()) {
			migrator(built).migrate();
		}
		// The jar now holds an edited file beside the index of the build.
		this.files.write("2024/2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email varchar(200);");
		try (URLClassLoader loader = jarLoader()) {
			assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining(LOCATION + "/2024/2_add_email.up.sql has 51 bytes but the index")
				.withMessageContaining("says 43")
				.withMessageContaining("Rebuild the application")
				.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED));
		}
	}

	@Test
	void anAppliedMigrationEditedAndReindexedIsChecksumDrift() throws IOException {
		writeIndex();
		try (URLClassLoader built = jarLoader()) {
			migrator(built).migrate();
		}
		this.files.write("2024/2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email varchar(200);");
		writeIndex();
		try (URLClassLoader loader = jarLoader()) {
			assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining(
						"version 2 (" + LOCATION + "/2024/2_add_email.up.sql) changed after it was applied");
		}
	}

	@Test
	void aSameSizeEditOfAFileTheRunReadsIsAnIndexMismatch() throws IOException {
		writeIndex();
		this.files.write("2024/2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN EMAIL text;");
		try (URLClassLoader loader = jarLoader()) {
			// Pending, so read to run it: its bytes are checked against the index.
			assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining(LOCATION + "/2024/2_add_email.up.sql has changed since the build indexed it");
			// validate reads every file.
			assertThatExceptionOfType(MigrationValidationException.class)
				.isThrownBy(() -> Migrator.offline(configuration(loader).build()).validate())
				.withMessageContaining("2_add_email.up.sql has changed since the build indexed it");
		}
	}

	@Test
	void anIndexEntryWithoutItsFileIsAnError() throws IOException {
		writeIndex();
		this.files.delete("3_index_email.up.sql");
		try (URLClassLoader loader = jarLoader()) {
			assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining("the index " + LOCATION + "/" + MigrationIndex.FILE_NAME
						+ " lists 3_index_email.up.sql but there is no such file")
				.withMessageContaining("nothing was executed");
			assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
		}
	}

	@Test
	void aFileWithoutAnIndexEntryIsAnError() throws IOException {
		writeIndex();
		this.files.write("4_add_name.up.sql", "ALTER TABLE accounts ADD COLUMN name text;");
		try (URLClassLoader loader = jarLoader()) {
			assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining(LOCATION + "/4_add_name.up.sql is not in the index");
		}
	}

	@Test
	void anIndexIsIgnoredInAFilesystemLocation() {
		this.files.write(MigrationIndex.FILE_NAME, "not even an index");

		assertThat(this.fixture.migrator(MigrationConfiguration.builder().locations(this.files.location()))
			.migrate()
			.applied()).hasSize(3);
	}

	private void writeIndex() {
		index().writeTo(this.files.root().resolve(MigrationIndex.FILE_NAME));
	}

	/** The folder as a jar, as packaged now. */
	private URLClassLoader jarLoader() throws IOException {
		return loader(jar(this.classes, this.jars.resolve("app-" + (++this.builds) + ".jar")));
	}

	private MigrationIndex index() {
		return MigrationIndex.of(this.files.root());
	}

	private MigrationConfiguration.Builder configuration(ClassLoader loader) {
		return MigrationConfiguration.builder().locations(LOCATION).classLoader(loader);
	}

	private Migrator migrator(ClassLoader loader) {
		return this.fixture.migrator(configuration(loader));
	}

	private List<String> checksums() {
		return Queries.rows(this.fixture.db().dataSource(),
				"SELECT version || ' ' || checksum FROM applied_migrations ORDER BY version");
	}

	private List<String> expectedChecksums() {
		// Without an index, from the same files.
		return Migrator.offline(MigrationConfiguration.builder().locations(this.files.location()).build())
			.validate()
			.all()
			.stream()
			.map((migration) -> migration.version() + " " + migration.checksum())
			.toList();
	}

	private static URLClassLoader loader(Path root) throws IOException {
		return new URLClassLoader(new URL[] { root.toUri().toURL() }, ClassLoader.getPlatformClassLoader());
	}

	private static Path jar(Path root, Path jar) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out);
				Stream<Path> paths = Files.walk(root)) {
			for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
				String name = root.relativize(path).toString().replace('\\', '/');
				if (name.isEmpty()) {
					continue;
				}
				boolean folder = Files.isDirectory(path);
				jarOut.putNextEntry(new JarEntry(folder ? name + "/" : name));
				if (!folder) {
					jarOut.write(Files.readAllBytes(path));
				}
				jarOut.closeEntry();
			}
		}
		return jar;
	}

}
