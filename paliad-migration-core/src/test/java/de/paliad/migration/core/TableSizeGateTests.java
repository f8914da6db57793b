package de.paliad.migration.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Size-aware severity on a real server: the {@code sizes} mode writes the sidecar from a
 * database with a real table, the gate reads it back and weighs a blocking finding by it;
 * without sizes the result says so; the pg_dump 18 statistics are read as sizes and
 * skipped by a server that cannot restore them.
 */
class TableSizeGateTests {

	private static final int ROWS = 20_000;

	/** The schema the gate's snapshot holds: production's orders table, without rows. */
	private static final String SNAPSHOT = "CREATE TABLE public.orders (id bigint PRIMARY KEY, status text);\n";

	@TempDir
	Path dir;

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	/** Production: the orders table with its rows, ANALYZEd as autovacuum would. */
	private Path writeSizesFromProduction() {
		try (TestDatabase production = TestDatabases.create()) {
			production.execute(SNAPSHOT + "INSERT INTO public.orders SELECT g, 'new' FROM generate_series(1, " + ROWS
					+ ") g; ANALYZE public.orders;");
			Path file = this.dir.resolve("table-sizes.csv");
			List<TableSize> written = new Migrator(production.dataSource(),
					MigrationConfiguration.builder().locations(this.fixture.files().location()).build())
				.writeTableSizes(file);
			assertThat(written).extracting(TableSize::qualifiedName).containsExactly("public.orders");
			assertThat(Queries.value(production.dataSource(), "SELECT count(*) FROM public.orders"))
				.isEqualTo(String.valueOf(ROWS));
			return file;
		}
	}

	private Path snapshot(String sql) throws Exception {
		Path file = this.dir.resolve("prod-schema.sql");
		Files.writeString(file, sql);
		return file;
	}

	private DryRunResult gate(Path snapshot, MigrationConfiguration.Builder configuration) {
		return gate(snapshot, configuration, "CREATE INDEX orders_status ON orders (status);\n");
	}

	private DryRunResult gate(Path snapshot, MigrationConfiguration.Builder configuration, String migration) {
		this.fixture.files().write("2_pending.up.sql", migration);
		return MigrationGate.check(this.fixture.db().dataSource(), snapshot, configuration.build());
	}

	private static Finding indexFinding(DryRunResult result) {
		return result.findings()
			.stream()
			.filter((f) -> f.rule() == Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no index finding in " + result.findings()));
	}

	@Test
	void theSizesModeWritesTheSidecarOfARealTableAndTheGateReadsIt() throws Exception {
		Path sizes = writeSizesFromProduction();

		assertThat(Files.readAllLines(sizes)).hasSize(2).first().isEqualTo("schema,table,rows,bytes");
		String[] row = Files.readAllLines(sizes).get(1).split(",");
		assertThat(row[0] + "." + row[1]).isEqualTo("public.orders");
		assertThat(Long.parseLong(row[2])).isEqualTo(ROWS);
		assertThat(Long.parseLong(row[3])).isGreaterThan(ROWS * 30L); // heap and primary
																		// key

		DryRunResult result = gate(snapshot(SNAPSHOT), this.fixture.configuration().tableSizes(sizes));

		assertThat(result.sizes().known()).isTrue();
		assertThat(result.sizes().summary()).contains("1 tables from " + sizes)
			.contains("over 1 GB or 10 M rows fails the gate");
		Finding finding = indexFinding(result);
		assertThat(finding.size()).startsWith("~20 k rows, ").endsWith("MB");
		assertThat(finding.overSizeLimit()).isFalse();
		assertThat(result.gateFailures()).isEmpty();
	}

	@Test
	void aBlockingFindingOnATableOverTheSizeLimitFailsTheGate() throws Exception {
		Path sizes = writeSizesFromProduction();

		DryRunResult result = gate(snapshot(SNAPSHOT),
				this.fixture.configuration().tableSizes(sizes).sizeLimit(64 * 1024));

		Finding finding = indexFinding(result);
		assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
		assertThat(finding.overSizeLimit()).isTrue();
		assertThat(finding.size()).endsWith(", over the size limit");
		assertThat(finding.toString()).contains("public.orders").contains("~20 k rows");
		assertThat(result.gateFailures()).containsExactly(finding);
		assertThat(result.sizes().summary()).contains("1 blocking finding(s) on tables over the limit");
	}

	@Test
	void theRowLimitAloneCanFailTheGate() throws Exception {
		Path sizes = writeSizesFromProduction();

		DryRunResult over = gate(snapshot(SNAPSHOT),
				this.fixture.configuration().tableSizes(sizes).sizeLimit(0).rowLimit(ROWS - 1));

		assertThat(indexFinding(over).overSizeLimit()).isTrue();
		assertThat(over.gateFailures()).hasSize(1);
	}

	@Test
	void withoutALimitABlockingFindingOnABigTableDoesNotFailTheGate() throws Exception {
		Path sizes = writeSizesFromProduction();

		DryRunResult result = gate(snapshot(SNAPSHOT),
				this.fixture.configuration().tableSizes(sizes).sizeLimit(0).rowLimit(0));

		assertThat(indexFinding(result).size()).startsWith("~20 k rows");
		assertThat(result.gateFailures()).isEmpty();
		assertThat(result.sizes().summary()).contains("no size limit is set");
	}

	@Test
	void withoutSizesTheResultSaysTheyAreUnknownAndBlockingFindingsDoNotFail() throws Exception {
		DryRunResult result = gate(snapshot(SNAPSHOT), this.fixture.configuration().sizeLimit(1));

		assertThat(result.sizes()).isEqualTo(DryRunResult.Sizes.UNKNOWN);
		assertThat(result.sizes().summary()).startsWith("Table sizes: unknown");
		assertThat(indexFinding(result).size()).isNull();
		assertThat(result.gateFailures()).isEmpty();
	}

	@Test
	void aBadSidecarIsRejectedWithTheLineBeforeTheDatabaseIsTouched() throws Exception {
		Path sizes = this.dir.resolve("table-sizes.csv");
		Files.writeString(sizes, "schema,table,rows,bytes\npublic,orders,many,8192\n");

		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> gate(snapshot(SNAPSHOT), this.fixture.configuration().tableSizes(sizes)))
			.withMessageContaining("table sizes file " + sizes + " line 2 has rows 'many'")
			.withMessageContaining("--paliad.migration.mode=sizes")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION));
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
	}

	@Test
	void aMissingSidecarIsRejectedBeforeTheDatabaseIsTouched() throws Exception {
		Path missing = this.dir.resolve("nowhere.csv");

		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> gate(snapshot(SNAPSHOT), this.fixture.configuration().tableSizes(missing)))
			.withMessageContaining("table sizes file " + missing + " cannot be read");
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
	}

	@Test
	void pgDump18StatisticsGiveTheSizesAndAreSkippedOnAnOlderServer() throws Exception {
		Path dump = Paths.get(pg18Dump());

		DryRunResult result = gate(dump, this.fixture.configuration().rowLimit(10_000_000),
				"CREATE INDEX approval_requests_status ON approval_requests (status);\n");

		assertThat(result.succeeded()).as(result.toString()).isTrue();
		assertThat(result.sizes().summary()).contains("3 tables from pg18-statistics.sql (pg_dump statistics)");
		List<Finding> onApprovals = result.findings()
			.stream()
			.filter((f) -> f.object().startsWith("public.approval_requests") && f.severity() != Severity.INFO)
			.toList();
		assertThat(onApprovals).isNotEmpty().allSatisfy((f) -> {
			assertThat(f.size()).isEqualTo("~12 M rows, 3.1 GB, over the size limit");
			assertThat(f.overSizeLimit()).isTrue();
		});
		String reltuples = Queries.value(this.fixture.db().dataSource(),
				"SELECT reltuples::bigint FROM pg_class WHERE oid = 'public.approval_requests'::regclass");
		if (TestDatabases.serverMajorVersion() >= 18) {
			assertThat(reltuples).isEqualTo("12000000"); // restored where the server can
		}
		else {
			assertThat(reltuples).isIn("-1", "0"); // skipped: the restore did not fail on
													// them
		}
	}

	@Test
	void theRestoreCountsTheStatisticsCallsItSkips() throws Exception {
		SnapshotRestorer.Result restored = new SnapshotRestorer().restore(this.fixture.db().dataSource(),
				Paths.get(pg18Dump()));

		assertThat(restored.statisticsSkipped()).isEqualTo((TestDatabases.serverMajorVersion() >= 18) ? 0 : 4);
		assertThat(Queries.userTables(this.fixture.db().dataSource())).contains("public.approval_requests",
				"public.countries");
	}

	private static java.net.URI pg18Dump() throws URISyntaxException {
		return TableSizeGateTests.class.getResource("/sizes/pg18-statistics.sql").toURI();
	}

}
