package de.paliad.migration.mode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import de.paliad.migration.startup.ProcessExit;
import de.paliad.migration.testing.Queries;
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
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code sizes} mode and the gate's size properties, run in-process like
 * {@code java -jar app.jar --paliad.migration.mode=...}: the sidecar written from a real
 * database and read by {@code dry-run}, and a bad size or file stopped with exit code 2
 * before the database is touched.
 */
@ExtendWith(OutputCaptureExtension.class)
class TableSizesModeApplicationTests {

	private final List<Integer> exitCodes = new CopyOnWriteArrayList<>();

	private TestDatabase database;

	@TempDir
	Path dir;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void theSizesModeWritesTheSidecarReadOnly(CapturedOutput output) throws Exception {
		this.database.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text);"
				+ " INSERT INTO orders SELECT g, 'new' FROM generate_series(1, 5000) g; ANALYZE orders;");
		Path file = this.dir.resolve("table-sizes.csv");

		run("--paliad.migration.mode=sizes", "--paliad.migration.table-sizes=" + file).close();

		assertThat(this.exitCodes).containsExactly(0);
		assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("schema,table,rows,bytes");
		assertThat(Files.readAllLines(file).get(1)).startsWith("public,orders,5000,");
		assertThat(output).contains("== paliad-migration sizes ==")
			.contains("Wrote the sizes of 1 table(s) to " + file)
			.contains("public.orders  ~5 k rows, ");
		assertThat(Queries.userTables(this.database.dataSource())).as("no tracker: the mode only reads")
			.containsExactly("public.orders");
	}

	@Test
	void theSizesModeWithoutAFileExitsWithTwo(CapturedOutput output) {
		run("--paliad.migration.mode=sizes").close();

		assertThat(this.exitCodes).containsExactly(2);
		assertThat(output).contains("The sizes mode writes the file named by paliad.migration.table-sizes")
			.contains("Exit code: 2");
	}

	@Test
	void aBlockingFindingOnATableOverTheLimitFailsTheGateWithExitThree(CapturedOutput output) throws Exception {
		Path sizes = this.dir.resolve("table-sizes.csv");
		Files.writeString(sizes, "schema,table,rows,bytes\npublic,documents,12000000,3328000000\n");

		run(gate("CREATE INDEX documents_title ON documents (title);", "--paliad.migration.output=json",
				"--paliad.migration.table-sizes=" + sizes))
			.close();

		assertThat(this.exitCodes).containsExactly(3);
		String json = json(output);
		assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.severity == 'blocking')].size"))
			.containsExactly("~12 M rows, 3.1 GB, over the size limit");
		assertThat((Boolean) JsonPath.read(json, "$.tableSizes.known")).isTrue();
	}

	@Test
	void underARaisedLimitTheSameFindingPasses(CapturedOutput output) throws Exception {
		Path sizes = this.dir.resolve("table-sizes.csv");
		Files.writeString(sizes, "schema,table,rows,bytes\npublic,documents,12000000,3328000000\n");

		run(gate("CREATE INDEX documents_title ON documents (title);", "--paliad.migration.table-sizes=" + sizes,
				"--paliad.migration.size-limit=10GB", "--paliad.migration.row-limit=0"))
			.close();

		assertThat(this.exitCodes).containsExactly(0);
		assertThat(output).contains("Table sizes: 1 tables from " + sizes)
			.contains("over 10 GB fails the gate")
			.contains("(~12 M rows, 3.1 GB)");
	}

	@Test
	void withoutSizesTheReportSaysTheyAreUnknown(CapturedOutput output) throws Exception {
		run(gate("CREATE INDEX documents_title ON documents (title);", "--paliad.migration.output=json")).close();

		assertThat(this.exitCodes).containsExactly(0);
		String json = json(output);
		assertThat((Boolean) JsonPath.read(json, "$.tableSizes.known")).isFalse();
		assertThat((String) JsonPath.read(json, "$.tableSizes.summary")).startsWith("Table sizes: unknown");
	}

	@Test
	void aBadSizeLimitExitsWithTwoBeforeTheDatabaseIsTouched(CapturedOutput output) throws Exception {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run(gate("SELECT 1;", "--paliad.migration.size-limit=12XB")));

		assertThat(this.exitCodes).containsExactly(2);
		assertThat(output).contains("paliad.migration.size-limit '12XB' is not a data size");
		assertThat(Queries.userTables(this.database.dataSource())).isEmpty();
	}

	@Test
	void aBadSidecarExitsWithTwoBeforeTheDatabaseIsTouched(CapturedOutput output) throws Exception {
		Path sizes = this.dir.resolve("table-sizes.csv");
		Files.writeString(sizes, "table,rows\norders,12\n");

		run(gate("SELECT 1;", "--paliad.migration.table-sizes=" + sizes)).close();

		assertThat(this.exitCodes).containsExactly(2);
		assertThat(output).contains("The table sizes file " + sizes + " line 1 does not start with the header")
			.contains("Exit code: 2");
		assertThat(Queries.userTables(this.database.dataSource())).isEmpty();
	}

	private static String json(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.startsWith("{\"mode\"")).findFirst().orElseThrow();
	}

	private String[] gate(String migration, String... more) throws Exception {
		Path snapshot = this.dir.resolve("prod-schema.sql");
		try (InputStream resource = getClass().getResourceAsStream("/gate/prod-schema.sql")) {
			Files.copy(resource, snapshot, StandardCopyOption.REPLACE_EXISTING);
		}
		Path pending = Files.createDirectories(this.dir.resolve("pending"));
		Files.writeString(pending.resolve("124_pending.up.sql"), migration);
		List<String> arguments = new ArrayList<>(
				List.of("--paliad.migration.mode=dry-run", "--paliad.migration.snapshot=" + snapshot,
						"--paliad.migration.locations=classpath:gate/prod-migrations,filesystem:" + pending,
						"--paliad.migration.role=app_owner"));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(ModeApplication.class);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("recordingProcessExit", (ProcessExit) this.exitCodes::add));
		application.setDefaultProperties(Map.of("spring.datasource.url", this.database.jdbcUrl(),
				"spring.datasource.username", this.database.user(), "spring.datasource.password",
				this.database.password(), "paliad.migration.locations", "classpath:paliad/good", "server.port", "0"));
		return application.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ModeApplication {

	}

}
