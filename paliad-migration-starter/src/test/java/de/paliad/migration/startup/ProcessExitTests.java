package de.paliad.migration.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.fixtures.app.TestApplication;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProcessExit#system()}: the application in a JVM of its own, as with
 * {@code java -jar}, really ends with the documented exit code.
 */
class ProcessExitTests {

	private TestDatabase database;

	@TempDir
	Path folder;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void aModeEndsTheJvmWithZeroAfterItsReport() throws Exception {
		Result result = run("--paliad.migration.mode=plan");
		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).contains("== paliad-migration plan ==").contains("Pending (3):");
	}

	@Test
	void aModeWithoutItsTargetEndsTheJvmWithTwo() throws Exception {
		Result result = run("--paliad.migration.mode=down");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stdout()).contains("set paliad.migration.target");
	}

	@Test
	void exitOnFailureEndsTheJvmWithFour() throws Exception {
		Result result = run("--paliad.migration.on-failure=exit",
				"--paliad.migration.locations=classpath:paliad/failing");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.stdout()).contains("Stopping the application with exit code 4");
	}

	@Test
	void anInvalidConfigurationEndsTheJvmWithTwo() throws Exception {
		Result result = run("--paliad.migration.table=Robert'); DROP TABLE students;--");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stdout()).contains("stopping the application with exit code 2")
			.contains("Invalid tracker table name");
	}

	private Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-cp", System.getProperty("java.class.path"), TestApplication.class.getName(),
						"--spring.datasource.url=" + this.database.jdbcUrl(),
						"--spring.datasource.username=" + this.database.user(),
						"--spring.datasource.password=" + this.database.password(), "--server.port=0"));
		if (List.of(args).stream().noneMatch((arg) -> arg.startsWith("--paliad.migration.locations="))) {
			command.add("--paliad.migration.locations=classpath:paliad/good");
		}
		command.addAll(List.of(args));
		Path stdout = this.folder.resolve("stdout.txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("The application did not exit: " + Files.readString(stdout));
		}
		return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String stdout) {

	}

}
