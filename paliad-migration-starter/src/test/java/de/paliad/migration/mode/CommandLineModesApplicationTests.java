package de.paliad.migration.mode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import de.paliad.migration.startup.MigrationStartupException;
import de.paliad.migration.startup.ProcessExit;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command-line modes, run in-process like {@code java -jar app.jar
 * --paliad.migration.mode=...}: no web server, a report on standard output, the
 * documented exit code (captured instead of ending the test JVM).
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineModesApplicationTests {

	private final RecordingExit exit = new RecordingExit();

	private TestDatabase database;

	@TempDir
	private Path snapshots;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void planStartsNoWebServerAndExitsWithZero(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--paliad.migration.mode=plan")) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(this.exit.codes).containsExactly(0);
			assertThat(output).contains("== paliad-migration plan ==")
				.contains("Pending (3):")
				.contains("1  1_create_items.up.sql")
				.contains("Exit code: 0")
				.doesNotContain("Tomcat started");
			assertThat(trackerExists(context)).isFalse();
		}
	}

	@Test
	void migrateOnlyAppliesAndExitsWithZero(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--paliad.migration.mode=migrate-only")) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(this.exit.codes).containsExactly(0);
			assertThat(output).contains("Applied 3 migration(s)");
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT count(*) FROM applied_migrations", Integer.class)).isEqualTo(3);
		}
	}

	@Test
	void validateNeedsNoDatabase(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--paliad.migration.mode=validate",
				"--spring.datasource.url=jdbc:postgresql://localhost:1/unreachable")) {
			assertThat(this.exit.codes).containsExactly(0);
			assertThat(output).contains("3 migration file(s) are valid");
		}
	}

	@Test
	void dryRunOfAFailingMigrationExitsWithFour(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--paliad.migration.mode=dry-run",
				"--paliad.migration.locations=classpath:paliad/failing")) {
			assertThat(this.exit.codes).containsExactly(4);
			assertThat(output).contains("2  2_drop_legacy_code.up.sql  FAILED").contains("42703");
			assertThat(trackerRows(context)).isZero();
		}
	}

	@Test
	void downWithoutTargetExitsWithTwo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--paliad.migration.mode=down")) {
			assertThat(this.exit.codes).containsExactly(2);
			assertThat(output).contains("set paliad.migration.target");
		}
	}

	@Test
	void jsonOutputIsOneParsableLine(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--paliad.migration.mode=plan",
				"--paliad.migration.output=json")) {
			String json = output.getOut()
				.lines()
				.filter((line) -> line.startsWith("{\"mode\""))
				.findFirst()
				.orElseThrow();
			assertThat((String) JsonPath.read(json, "$.mode")).isEqualTo("plan");
			assertThat((Integer) JsonPath.read(json, "$.exitCode")).isZero();
			assertThat((List<Integer>) JsonPath.read(json, "$.pending[*].version")).containsExactly(1, 2, 3);
			assertThat(context.getEnvironment().getProperty("spring.main.banner-mode")).isEqualTo("off");
		}
	}

	@Test
	void invalidConfigurationInAModeIsReportedWithExitCodeTwo(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run("--paliad.migration.mode=plan", "--paliad.migration.schema=Bad-Schema"))
			.satisfies((ex) -> assertThat(exitCodeOf(ex)).isEqualTo(2));
		assertThat(this.exit.codes).containsExactly(2);
		assertThat(output).contains("Invalid tracker schema name 'Bad-Schema'").contains("Exit code: 2");
	}

	@Test
	void exitOnFailureEndsTheProcessWithTheMigrationsExitCode(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run("--paliad.migration.on-failure=exit",
					"--paliad.migration.locations=classpath:paliad/failing"))
			.satisfies((ex) -> assertThat(exitCodeOf(ex)).isEqualTo(4));
		assertThat(this.exit.codes).containsExactly(4);
		assertThat(output).contains("Description:")
			.contains("The database migration failed (exit code 4)")
			.contains("Action:")
			.doesNotContain("Tomcat started");
	}

	@Test
	void dryRunAgainstASnapshotFailsTheGateOnABreakingChangeWithExitThree(CapturedOutput output, @TempDir Path pending)
			throws Exception {
		Files.writeString(pending.resolve("124_drop_display_name.up.sql"),
				"ALTER TABLE users DROP COLUMN display_name;");
		try (ConfigurableApplicationContext context = run(gateArguments(pending, "--paliad.migration.output=json"))) {
			assertThat(this.exit.codes).containsExactly(3);
			String json = output.getOut()
				.lines()
				.filter((line) -> line.startsWith("{\"mode\""))
				.findFirst()
				.orElseThrow();
			assertThat((String) JsonPath.read(json, "$.mode")).isEqualTo("dry-run");
			assertThat((List<String>) JsonPath.read(json, "$.findings[*].severity")).containsExactly("breaking");
			assertThat((List<String>) JsonPath.read(json, "$.findings[*].object"))
				.containsExactly("public.users.display_name");
			assertThat((List<String>) JsonPath.read(json, "$.steps[*].outcome")).containsExactly("OK");
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT count(*) FROM information_schema.columns WHERE column_name = 'display_name'",
						Integer.class))
				.as("the restored snapshot is left as it was")
				.isEqualTo(1);
		}
	}

	@Test
	void dryRunAgainstASnapshotPassesAnExpandOnlyChange(CapturedOutput output, @TempDir Path pending) throws Exception {
		Files.writeString(pending.resolve("124_add_summary.up.sql"), "ALTER TABLE documents ADD COLUMN summary text;");
		try (ConfigurableApplicationContext context = run(gateArguments(pending))) {
			assertThat(this.exit.codes).containsExactly(0);
			assertThat(output).contains("1 finding(s), 0 failing the gate (compat=fail)")
				.contains("INFO [add-column] 124_add_summary.up.sql line 1: column public.documents.summary is added")
				.contains("locks: AccessExclusiveLock on public.documents");
		}
	}

	private String[] gateArguments(Path pending, String... more) throws Exception {
		// A file of its own: the resource may be inside the core's test jar.
		Path snapshot = this.snapshots.resolve("prod-schema.sql");
		try (InputStream resource = getClass().getResourceAsStream("/gate/prod-schema.sql")) {
			Files.copy(resource, snapshot, StandardCopyOption.REPLACE_EXISTING);
		}
		List<String> arguments = new java.util.ArrayList<>(
				List.of("--paliad.migration.mode=dry-run", "--paliad.migration.snapshot=" + snapshot,
						"--paliad.migration.locations=classpath:gate/prod-migrations,filesystem:" + pending,
						"--paliad.migration.role=app_owner"));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(ModeApplication.class);
		application.addInitializers(
				(context) -> context.getBeanFactory().registerSingleton("recordingProcessExit", this.exit));
		// Defaults, so that an argument replaces rather than joins them.
		application.setDefaultProperties(Map.of("spring.datasource.url", this.database.jdbcUrl(),
				"spring.datasource.username", this.database.user(), "spring.datasource.password",
				this.database.password(), "paliad.migration.locations", "classpath:paliad/good", "server.port", "0"));
		return application.run(args);
	}

	private static int exitCodeOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationStartupException startup) {
				return startup.getExitCode();
			}
		}
		return -1;
	}

	private static boolean trackerExists(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT to_regclass('public.applied_migrations') IS NOT NULL", Boolean.class);
	}

	private static int trackerRows(ConfigurableApplicationContext context) {
		return trackerExists(context) ? context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM applied_migrations", Integer.class) : 0;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ModeApplication {

	}

	static final class RecordingExit implements ProcessExit {

		final List<Integer> codes = new CopyOnWriteArrayList<>();

		@Override
		public void exit(int code) {
			this.codes.add(code);
		}

	}

}
