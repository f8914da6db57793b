package de.paliad.migration.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sidecar format, the pg_dump 18 statistics format and the human units, without a
 * database.
 */
class TableSizesTests {

	@TempDir
	Path dir;

	@Test
	void sizesAreGivenInHumanUnits() {
		assertThat(new TableSize("public", "approval_requests", 12_000_000, 3_328_000_000L).describe())
			.isEqualTo("~12 M rows, 3.1 GB");
		assertThat(new TableSize("public", "t", 1, 512).describe()).isEqualTo("1 row, 512 bytes");
		assertThat(new TableSize("public", "t", 950, 8192).describe()).isEqualTo("950 rows, 8 kB");
		assertThat(new TableSize("public", "t", 1_500, 1_572_864).describe()).isEqualTo("~1.5 k rows, 1.5 MB");
		assertThat(new TableSize("public", "t", -1, 0).describe()).isEqualTo("rows unknown, 0 bytes");
		assertThat(TableSize.bytes(1L << 30)).isEqualTo("1 GB");
		assertThat(TableSize.rows(10_000_000)).isEqualTo("~10 M rows");
	}

	@Test
	void aFindingOnAColumnOrConstraintGetsItsTablesSize() {
		TableSizes sizes = new TableSizes(List.of(new TableSize("public", "orders", 10, 8192),
				new TableSize("public", "orders_archive", 20, 8192)), "test");

		assertThat(sizes.of("public.orders")).extracting(TableSize::rows).isEqualTo(10L);
		assertThat(sizes.of("public.orders.status")).extracting(TableSize::rows).isEqualTo(10L);
		assertThat(sizes.of("public.orders_archive.id")).extracting(TableSize::rows).isEqualTo(20L);
		assertThat(sizes.of("public.customers")).isNull();
		assertThat(sizes.of("orders")).isNull();
	}

	@Test
	void theSidecarRoundTripsNamesWithCommasAndQuotes() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		List<TableSize> written = List.of(new TableSize("public", "Odd,\"name\"", 3, 16384),
				new TableSize("sales", "orders", 12_000_000, 3_328_000_000L));

		TableSizes.write(written, file);

		assertThat(Files.readAllLines(file)).containsExactly("schema,table,rows,bytes",
				"public,\"Odd,\"\"name\"\"\",3,16384", "sales,orders,12000000,3328000000");
		assertThat(TableSizes.read(file).all()).isEqualTo(written);
	}

	@Test
	void theSidecarAcceptsWhatPsqlCopyWrites() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		Files.writeString(file, "schema,table,rows,bytes\r\npublic,\"Odd,name\",1,8192\r\n\r\n");

		assertThat(TableSizes.read(file).all()).containsExactly(new TableSize("public", "Odd,name", 1, 8192));
	}

	@Test
	void aSidecarWithoutTheHeaderIsRejected() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		Files.writeString(file, "public,orders,1,8192\n");

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> TableSizes.read(file))
			.withMessageContaining("line 1 does not start with the header 'schema,table,rows,bytes'"
					+ " (it starts with 'public,orders,1,8192')");
	}

	@Test
	void anEmptySidecarIsRejected() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		Files.writeString(file, "");

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> TableSizes.read(file))
			.withMessageContaining("(the file is empty)");
	}

	@Test
	void aSidecarLineWithTheWrongNumberOfFieldsIsRejected() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		Files.writeString(file, "schema,table,rows,bytes\npublic,orders,1\n");

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> TableSizes.read(file))
			.withMessageContaining("line 2 is not 'schema,table,rows,bytes': 'public,orders,1'");
	}

	@Test
	void aSidecarWithAnUnterminatedQuoteIsRejected() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		Files.writeString(file, "schema,table,rows,bytes\npublic,\"orders,1,2\n");

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> TableSizes.read(file))
			.withMessageContaining("line 2 is not");
	}

	@Test
	void negativeBytesAreRejected() throws Exception {
		Path file = this.dir.resolve("sizes.csv");
		Files.writeString(file, "schema,table,rows,bytes\npublic,orders,-1,-5\n");

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> TableSizes.read(file))
			.withMessageContaining("line 2 has bytes '-5', which is not a whole number of 0 or more");
	}

	@Test
	void pgDump18StatisticsAreReadAsSizes() {
		String dump = """
				SELECT * FROM pg_catalog.pg_restore_relation_stats(
				\t'version', '180006'::integer,
				\t'schemaname', 'public',
				\t'relname', 'it''s',
				\t'relpages', '406250'::integer,
				\t'reltuples', '1.2e+07'::real,
				\t'relallvisible', '0'::integer,
				\t'relallfrozen', '0'::integer
				);

				SELECT * FROM pg_catalog.pg_restore_relation_stats(
				\t'version', '180006'::integer,
				\t'schemaname', 'public',
				\t'relname', 'never_analyzed',
				\t'relpages', '0'::integer,
				\t'reltuples', '-1'::real,
				\t'relallvisible', '0'::integer,
				\t'relallfrozen', '0'::integer
				);
				""";

		TableSizes sizes = DumpStatistics.read(dump, "prod.sql");

		assertThat(sizes.source()).isEqualTo("prod.sql (pg_dump statistics)");
		assertThat(sizes.all()).containsExactly(new TableSize("public", "it's", 12_000_000, 406_250L * 8192),
				new TableSize("public", "never_analyzed", -1, 0));
	}

	@Test
	void aCallInsideAFunctionBodyIsNotTakenForStatistics() {
		String dump = "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ SELECT * FROM"
				+ " pg_catalog.pg_restore_relation_stats('schemaname', 'public', 'relname', 'x', 'relpages', '9'::integer) $$;\n";

		assertThat(DumpStatistics.read(dump, "prod.sql")).isNull();
	}

	@Test
	void aDumpWithoutStatisticsGivesNoSizes() {
		assertThat(DumpStatistics.read("CREATE TABLE t (id int);\n", "prod.sql")).isNull();
	}

	@Test
	void statisticsCallsAreToldFromOtherSelects() {
		assertThat(DumpStatistics
			.isStatisticsCall("SELECT * FROM pg_catalog.pg_restore_attribute_stats(\n\t'version', '180006'::integer)"))
			.isTrue();
		assertThat(DumpStatistics
			.isStatisticsCall("SELECT * FROM pg_catalog.pg_restore_relation_stats(\n\t'relname', 'x')")).isTrue();
		assertThat(DumpStatistics.isStatisticsCall("SELECT pg_catalog.set_config('search_path', '', false)")).isFalse();
	}

	@Test
	void negativeLimitsAreRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder().sizeLimit(-1).build())
			.withMessageContaining("size-limit and row-limit must be 0 (no limit) or more");
	}

	@Test
	void theDocumentedOneLinerIsTheQueryTheSizesModeRuns() throws Exception {
		String doc = Files.readString(Path.of("..", "docs", "deploy-gate.md"));

		assertThat(doc).contains("COPY (" + TableSizes.QUERY + ") TO STDOUT WITH CSV HEADER");
	}

}
