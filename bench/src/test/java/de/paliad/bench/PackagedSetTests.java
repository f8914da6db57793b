package de.paliad.bench;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.paliad.bench.AppBootBenchmark.AppVariant;
import de.paliad.bench.runner.PaliadRunner;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationValidationException;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The "paliad (index)" variant measures what it claims: the jar {@link PackagedSet}
 * writes is read through its build-time index (a stale index stops the run), and the
 * summary line the harness parses for the runner's logged time is the one core writes.
 */
class PackagedSetTests {

	@TempDir
	Path temp;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger migratorLogger = (Logger) LoggerFactory.getLogger(Migrator.class);

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.migratorLogger.addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.migratorLogger.detachAppender(this.log);
	}

	@Test
	void packagedSetIsAppliedFromTheJarAndTheSummaryStatesTheRunsDuration() throws Exception {
		Path set = MigrationSetGenerator.write(this.temp.resolve("set"), 20, Set.of());
		Path jar = PackagedSet.write(set);
		try (TestDatabase database = TestDatabases.create();
				URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			migrator(database, loader).migrate();
			this.log.list.clear();
			migrator(database, loader).migrate();
			assertThat(Queries.value(database.dataSource(), "SELECT count(*) FROM applied_migrations")).isEqualTo("20");
			List<String> lines = this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
			assertThat(MigratorLog.loggedMs(AppVariant.PALIAD_INDEX, lines)).isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void aFileMissingFromThePackagedJarIsReportedAgainstItsIndex() throws Exception {
		Path set = MigrationSetGenerator.write(this.temp.resolve("set"), 20, Set.of());
		Path jar = PackagedSet.write(set);
		String missing = PaliadRunner.PACKAGED_PATH + "/00007_" + MigrationBodies.name(7) + ".up.sql";
		Path stale = withoutEntry(jar, missing, this.temp.resolve("stale.jar"));
		try (TestDatabase database = TestDatabases.create();
				URLClassLoader loader = new URLClassLoader(new URL[] { stale.toUri().toURL() }, null)) {
			assertThatExceptionOfType(MigrationValidationException.class)
				.isThrownBy(() -> migrator(database, loader).migrate())
				.withMessageContaining("index")
				.withMessageContaining("00007_");
		}
	}

	@Test
	void aLogWithoutTheSummaryHasNoLoggedTime() {
		assertThat(MigratorLog.loggedMs(AppVariant.PALIAD_INDEX, List.of("Started SampleApplication in 3.1 s")))
			.isEqualTo(-1);
		assertThat(MigratorLog.loggedMs(AppVariant.NONE,
				List.of("Migrations up to date: 0 applied by this run, 5 applied in all, 5 on disk, in 12 ms")))
			.isEqualTo(-1);
	}

	@Test
	void flywaysValidationTimeIsReadAsItsLoggedTime() {
		assertThat(MigratorLog.loggedMs(AppVariant.FLYWAY,
				List.of("INFO o.f.core.internal.command.DbValidate : Successfully validated 1000 migrations"
						+ " (execution time 00:01.234s)")))
			.isEqualTo(1234);
	}

	private static Migrator migrator(TestDatabase database, ClassLoader loader) {
		return new Migrator(database.dataSource(),
				MigrationConfiguration.builder()
					.locations("classpath:" + PaliadRunner.PACKAGED_PATH)
					.classLoader(loader)
					.build());
	}

	private static Path withoutEntry(Path jar, String left, Path target) throws Exception {
		try (JarFile source = new JarFile(jar.toFile());
				JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
			for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements();) {
				JarEntry entry = entries.nextElement();
				if (entry.getName().equals(left)) {
					continue;
				}
				out.putNextEntry(new JarEntry(entry.getName()));
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		assertThat(Files.size(target)).isLessThan(Files.size(jar));
		return target;
	}

}
