package de.paliad.migration.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import de.paliad.migration.testing.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Finding migration files: {@code classpath:} locations in an exploded directory and in a
 * jar, {@code filesystem:} locations, nested folders, and files that are not migrations.
 */
class MigrationScannerTests {

	/**
	 * A location's files: the migrations, a sibling folder and files that are not SQL.
	 */
	private static final Map<String, String> FILES = files();

	@Test
	void classpathLocationIsScannedInAnExplodedDirectory(@TempDir Path dir) throws IOException {
		Path root = dir.resolve("classes");
		FILES.forEach((name, content) -> new MigrationDirectory(root).write(name, content));
		try (URLClassLoader loader = isolatedLoader(root)) {
			MigrationSet migrations = migrator("classpath:db/migration", loader).validate();
			assertMigrationsFound(migrations, "classpath:db/migration");
		}
	}

	@Test
	void classpathLocationIsScannedInAJar(@TempDir Path dir) throws IOException {
		Path jar = writeJar(dir.resolve("migrations.jar"), FILES, true);
		try (URLClassLoader loader = isolatedLoader(jar)) {
			MigrationSet migrations = migrator("classpath:db/migration", loader).validate();
			assertMigrationsFound(migrations, "classpath:db/migration");
		}
	}

	@Test
	void classpathLocationWithLeadingAndTrailingSlashesIsScannedInAJar(@TempDir Path dir) throws IOException {
		Path jar = writeJar(dir.resolve("migrations.jar"), FILES, true);
		try (URLClassLoader loader = isolatedLoader(jar)) {
			MigrationSet migrations = migrator("classpath:/db/migration/", loader).validate();
			assertThat(migrations.all()).extracting(Migration::version).containsExactly(1L, 2L, 3L, 20260520123000L);
		}
	}

	@Test
	void locationWithoutPrefixIsOnTheClasspath(@TempDir Path dir) throws IOException {
		Path jar = writeJar(dir.resolve("migrations.jar"), FILES, true);
		try (URLClassLoader loader = isolatedLoader(jar)) {
			MigrationSet migrations = migrator("db/migration", loader).validate();
			assertThat(migrations.all()).extracting(Migration::version).containsExactly(1L, 2L, 3L, 20260520123000L);
		}
	}

	@Test
	void sameClasspathLocationInADirectoryAndAJarIsMerged(@TempDir Path dir) throws IOException {
		Path root = dir.resolve("classes");
		new MigrationDirectory(root).write("db/migration/1_create_accounts.up.sql", "CREATE TABLE accounts (id int);");
		Path jar = writeJar(dir.resolve("library.jar"),
				Map.of("db/migration/library/7_create_audit.up.sql", "CREATE TABLE audit (id int);"), true);
		try (URLClassLoader loader = isolatedLoader(root, jar)) {
			MigrationSet migrations = migrator("classpath:db/migration", loader).validate();
			assertThat(migrations.all()).extracting(Migration::version, Migration::path)
				.containsExactly(tuple(1L, "classpath:db/migration/1_create_accounts.up.sql"),
						tuple(7L, "classpath:db/migration/library/7_create_audit.up.sql"));
		}
	}

	@Test
	void sameVersionInADirectoryAndAJarIsADuplicateNamingBothFiles(@TempDir Path dir) throws IOException {
		Path root = dir.resolve("classes");
		new MigrationDirectory(root).write("db/migration/7_create_accounts.up.sql", "CREATE TABLE accounts (id int);");
		Path jar = writeJar(dir.resolve("library.jar"),
				Map.of("db/migration/library/V7__create_audit.sql", "CREATE TABLE audit (id int);"), true);
		try (URLClassLoader loader = isolatedLoader(root, jar)) {
			Migrator migrator = migrator("classpath:db/migration", loader);
			assertThatExceptionOfType(DuplicateVersionException.class).isThrownBy(migrator::validate)
				.satisfies((ex) -> assertThat(ex.problems()).singleElement()
					.satisfies((problem) -> assertThat(problem).contains("version 7",
							"classpath:db/migration/7_create_accounts.up.sql",
							"classpath:db/migration/library/V7__create_audit.sql")));
		}
	}

	@Test
	void sqlFileWithAMalformedNameInAJarIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
		Map<String, String> files = new LinkedHashMap<>(FILES);
		files.put("db/migration/nested/12-add-index.sql", "CREATE INDEX i ON t (c);");
		Path jar = writeJar(dir.resolve("migrations.jar"), files, true);
		try (URLClassLoader loader = isolatedLoader(jar)) {
			Migrator migrator = migrator("classpath:db/migration", loader);
			assertThatExceptionOfType(MalformedMigrationException.class).isThrownBy(migrator::validate)
				.satisfies((ex) -> {
					assertThat(ex.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
					assertThat(ex.problems()).singleElement()
						.satisfies((problem) -> assertThat(problem)
							.contains("classpath:db/migration/nested/12-add-index.sql", "<version>_<name>.up.sql"));
				});
		}
	}

	@Test
	void filesystemLocationIsScannedWithNestedFolders(@TempDir Path dir) {
		Path root = dir.resolve("project");
		FILES.forEach((name, content) -> new MigrationDirectory(root).write(name, content));
		String location = "filesystem:" + root.resolve("db/migration").toAbsolutePath();
		MigrationSet migrations = migrator(location, ClassLoader.getPlatformClassLoader()).validate();
		assertMigrationsFound(migrations, location);
	}

	@Test
	void filesystemLocationKeepsLinkedFilesAndSkipsLinkedFolders(@TempDir Path dir) throws IOException {
		// A Kubernetes ConfigMap mount: every file is a symbolic link into a hidden
		// folder.
		Path data = Files.createDirectories(dir.resolve("data"));
		Files.writeString(data.resolve("1_create_accounts.up.sql"), "CREATE TABLE accounts (id int);");
		Files.createDirectories(data.resolve("more"));
		Files.writeString(data.resolve("more/2_create_orders.up.sql"), "CREATE TABLE orders (id int);");
		Path mount = Files.createDirectories(dir.resolve("mount"));
		Files.createSymbolicLink(mount.resolve("1_create_accounts.up.sql"), data.resolve("1_create_accounts.up.sql"));
		Files.createSymbolicLink(mount.resolve("more"), data.resolve("more"));
		String location = "filesystem:" + mount.toAbsolutePath();
		MigrationSet migrations = migrator(location, ClassLoader.getPlatformClassLoader()).validate();
		assertThat(migrations.all()).extracting(Migration::version, Migration::path)
			.containsExactly(tuple(1L, location + "/1_create_accounts.up.sql"));
	}

	@Test
	void severalLocationsAreMerged(@TempDir Path dir) throws IOException {
		MigrationDirectory shared = new MigrationDirectory(dir.resolve("shared")).write("1_create_accounts.up.sql",
				"CREATE TABLE accounts (id int);");
		Path jar = writeJar(dir.resolve("service.jar"),
				Map.of("db/service/2_create_orders.up.sql", "CREATE TABLE orders (id int);"), true);
		try (URLClassLoader loader = isolatedLoader(jar)) {
			MigrationSet migrations = new Migrator(null,
					MigrationConfiguration.builder()
						.locations(shared.location(), "classpath:db/service")
						.classLoader(loader)
						.build())
				.validate();
			assertThat(migrations.all()).extracting(Migration::version, Migration::path)
				.containsExactly(tuple(1L, shared.location() + "/1_create_accounts.up.sql"),
						tuple(2L, "classpath:db/service/2_create_orders.up.sql"));
		}
	}

	@Test
	void missingFilesystemLocationIsAConfigurationError(@TempDir Path dir) {
		String location = "filesystem:" + dir.resolve("no-such-folder").toAbsolutePath();
		Migrator migrator = migrator(location, ClassLoader.getPlatformClassLoader());
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(migrator::validate)
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains(location, "is not a directory");
				assertThat(ex.exitCode().code()).isEqualTo(2);
			});
	}

	@Test
	void unknownLocationPrefixIsAConfigurationError() {
		Migrator migrator = migrator("s3:my-bucket/db/migration", ClassLoader.getPlatformClassLoader());
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(migrator::validate)
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("'s3:my-bucket/db/migration'", "classpath:", "filesystem:");
				assertThat(ex.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
				assertThat(ex.exitCode().code()).isEqualTo(2);
			});
	}

	private static Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("db/migration/1_create_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		files.put("db/migration/1_create_accounts.down.sql", "DROP TABLE accounts;");
		files.put("db/migration/2024/2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email text;");
		files.put("db/migration/2024/q4/V3__add_name.sql", "ALTER TABLE accounts ADD COLUMN name text;");
		files.put("db/migration/2026/20260520123000_create_orders.up.sql", "CREATE TABLE orders (id bigint);");
		files.put("db/migration/README.md", "# Migrations\nNot SQL.");
		files.put("db/migration/2024/notes.txt", "V99__not_a_migration.sql is mentioned here only");
		files.put("db/migration/2024/.gitkeep", "");
		// A sibling whose name starts like the location must not be picked up.
		files.put("db/migration-archive/4_old.up.sql", "CREATE TABLE old (id int);");
		files.put("db/other/5_other.up.sql", "CREATE TABLE other (id int);");
		return files;
	}

	private static void assertMigrationsFound(MigrationSet migrations, String location) {
		assertThat(migrations.all()).extracting(Migration::version, Migration::name, Migration::path)
			.containsExactly(tuple(1L, "create_accounts", location + "/1_create_accounts.up.sql"),
					tuple(2L, "add_email", location + "/2024/2_add_email.up.sql"),
					tuple(3L, "add_name", location + "/2024/q4/V3__add_name.sql"),
					tuple(20260520123000L, "create_orders", location + "/2026/20260520123000_create_orders.up.sql"));
		assertThat(migrations.get(1).downFileName()).isEqualTo("1_create_accounts.down.sql");
		assertThat(migrations.get(1).down()).hasSize(1);
		assertThat(migrations.get(2).statements()).singleElement()
			.satisfies((statement) -> assertThat(statement.text()).contains("ADD COLUMN email"));
		assertThat(migrations.get(2).checksum()).isEqualTo(
				Checksums.sha256("ALTER TABLE accounts ADD COLUMN email text;".getBytes(StandardCharsets.UTF_8)));
	}

	private static Migrator migrator(String location, ClassLoader loader) {
		// validate() needs no database.
		return new Migrator(null, MigrationConfiguration.builder().locations(location).classLoader(loader).build());
	}

	/** A class loader that sees only {@code roots}, not the test classpath. */
	private static URLClassLoader isolatedLoader(Path... roots) throws IOException {
		List<URL> urls = new ArrayList<>();
		for (Path root : roots) {
			urls.add(root.toUri().toURL());
		}
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

	/**
	 * Writes a jar the way build tools do: a manifest, then folder entries before their
	 * files.
	 */
	private static Path writeJar(Path jar, Map<String, String> files, boolean folderEntries) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			List<String> written = new ArrayList<>();
			for (Map.Entry<String, String> file : files.entrySet()) {
				if (folderEntries) {
					String[] parts = file.getKey().split("/");
					StringBuilder folder = new StringBuilder();
					for (int i = 0; i < parts.length - 1; i++) {
						folder.append(parts[i]).append('/');
						if (!written.contains(folder.toString())) {
							jarOut.putNextEntry(new JarEntry(folder.toString()));
							jarOut.closeEntry();
							written.add(folder.toString());
						}
					}
				}
				jarOut.putNextEntry(new JarEntry(file.getKey()));
				jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
		}
		return jar;
	}

}
