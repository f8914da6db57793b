package de.paliad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.test.DatabaseCopy;
import de.paliad.migration.test.DatabaseTemplates;
import de.paliad.migration.test.PostgresServer;

/**
 * What a test pays for a database of its own with a realistic migration set: a copy of
 * the migrated template ({@code paliad-migration-test}'s {@link DatabaseTemplates})
 * against migrating an empty database from scratch, in the same JVM, on the same server,
 * rounds interleaved. Writes {@code copy-latest.md} to {@code bench.out} and the section
 * {@code copy-benchmark} of docs/performance.md and docs/testing.md.
 * <p>
 * {@code ./mvnw -Pbench -pl bench -am verify -DskipTests -Dbench.skip=true -Dbench.copy.skip=false}
 * (the tool benchmark skipped, this one run); {@code -Dbench.copy.n} (files, default 342)
 * and {@code -Dbench.copy.runs} (rounds, default 11).
 */
public final class CopyBenchmark {

	private CopyBenchmark() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		int n = Integer.getInteger("bench.copy.n", 342);
		int runs = Integer.getInteger("bench.copy.runs", 11);
		Path out = Paths.get(System.getProperty("bench.out", "bench/results"));
		String docs = System.getProperty("bench.docs", "");
		Path work = Paths.get(System.getProperty("bench.work", "bench/target/bench-work")).resolve("copy");
		Files.createDirectories(out);
		deleteRecursively(work);
		Path files = MigrationSetGenerator.write(work, n, Set.of()).resolve("paliad");
		MigrationConfiguration configuration = MigrationConfiguration.builder()
			.locations("filesystem:" + files)
			.build();
		String started = ResultReport.now();
		String loadBefore = Environment.loadAverage();
		System.out.println("Copy benchmark: " + n + " migrations, " + runs + " rounds; load average " + loadBefore);
		try (BenchServer bench = BenchServer.start()) {
			PostgresServer server = PostgresServer.of(bench.jdbcUrl("postgres"), BenchServer.USER,
					BenchServer.PASSWORD);
			// Every copy made when asked (the pool off) ...
			System.setProperty(DatabaseTemplates.POOL_PROPERTY, "0");
			DatabaseTemplates templates = DatabaseTemplates.on(server);
			// ... and, on the same server (another instance: another URL), the default:
			// copies
			// made ahead of time while the other measurements run, as while other tests
			// run.
			System.clearProperty(DatabaseTemplates.POOL_PROPERTY);
			DatabaseTemplates pooled = DatabaseTemplates
				.on(PostgresServer.of(bench.jdbcUrl("postgres") + "?ApplicationName=paliad-pooled", BenchServer.USER,
						BenchServer.PASSWORD));

			// The first copy also validates the set (its key) and migrates the template.
			long first = System.nanoTime();
			templates.copy(configuration).close();
			long firstMs = (System.nanoTime() - first) / 1_000_000;
			// Warm-up of the from-scratch path, so both are measured in a warm JVM.
			fromScratch(server, configuration, "paliad_scratch_warmup");

			List<Long> scratch = new ArrayList<>();
			List<Long> copies = new ArrayList<>();
			List<Long> walLogCopies = new ArrayList<>();
			List<Long> drops = new ArrayList<>();
			List<Long> pooledCopies = new ArrayList<>();
			pooled.copy(configuration).close();
			for (int round = 0; round < runs; round++) {
				// Rotate the order, so a busy moment does not always hit the same one.
				for (int i = 0; i < 4; i++) {
					switch ((round + i) % 4) {
						case 0 -> scratch.add(fromScratch(server, configuration, "paliad_scratch_" + round));
						case 1 -> copy(templates, configuration, "FILE_COPY", copies, drops);
						case 2 -> copy(templates, configuration, "WAL_LOG", walLogCopies, new ArrayList<>());
						default -> copy(pooled, configuration, "FILE_COPY", pooledCopies, new ArrayList<>());
					}
				}
				System.out.printf("round %d: from scratch %d ms, copy %d ms (WAL_LOG %d ms), from the pool %d ms%n",
						round + 1, scratch.get(round), copies.get(round), walLogCopies.get(round),
						pooledCopies.get(round));
			}
			// Worst case for the pool: tests that ask back to back, with no time in
			// between.
			List<Long> burst = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				copy(pooled, configuration, "FILE_COPY", burst, new ArrayList<>());
			}
			System.out.println("back to back from the pool: " + burst + " ms");
			System.clearProperty(DatabaseTemplates.STRATEGY_PROPERTY);
			String loadAfter = Environment.loadAverage();
			String report = report(n, runs, started, loadBefore, loadAfter, bench.serverVersion(), firstMs, scratch,
					copies, walLogCopies, drops, pooledCopies, burst);
			Files.writeString(out.resolve("copy-latest.md"), report, StandardCharsets.UTF_8);
			if (!docs.isBlank()) {
				GeneratedSection.replace(Paths.get(docs, "performance.md"), "copy-benchmark", report);
				GeneratedSection.replace(Paths.get(docs, "testing.md"), "copy-benchmark", report);
			}
			System.out.println(report);
		}
	}

	private static void copy(DatabaseTemplates templates, MigrationConfiguration configuration, String strategy,
			List<Long> copies, List<Long> drops) {
		System.setProperty(DatabaseTemplates.STRATEGY_PROPERTY, strategy);
		long start = System.nanoTime();
		DatabaseCopy copy = templates.copy(configuration);
		copies.add((System.nanoTime() - start) / 1_000_000);
		start = System.nanoTime();
		copy.close();
		drops.add((System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * An empty database, then every migration applied: what a test without templates
	 * pays.
	 */
	private static long fromScratch(PostgresServer server, MigrationConfiguration configuration, String name)
			throws SQLException {
		long start = System.nanoTime();
		execute(server, "CREATE DATABASE " + name);
		new Migrator(server.dataSource(name), configuration).migrate();
		long ms = (System.nanoTime() - start) / 1_000_000;
		execute(server, "DROP DATABASE " + name + " WITH (FORCE)");
		return ms;
	}

	private static void execute(PostgresServer server, String sql) throws SQLException {
		try (Connection connection = server.dataSource("postgres").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String report(int n, int runs, String started, String loadBefore, String loadAfter, String postgres,
			long firstMs, List<Long> scratch, List<Long> copies, List<Long> walLogCopies, List<Long> drops,
			List<Long> pooledCopies, List<Long> burst) {
		double scratchMedian = Stats.median(scratch);
		double copyMedian = Stats.median(copies);
		double pooledMedian = Stats.median(pooledCopies);
		StringBuilder md = new StringBuilder();
		md.append("# Per-test database: template copy against migrating from scratch\n\n");
		md.append("Written by `bench/` (`de.paliad.bench.CopyBenchmark`) at ")
			.append(started)
			.append("; do not edit by hand. Rerun: `./mvnw -Pbench -pl bench -am verify -DskipTests -Dbench.skip=true -Dbench.copy.skip=false`"
					+ " (see docs/performance.md).\n\n");
		md.append("| | |\n| --- | --- |\n");
		md.append("| migration set | ")
			.append(n)
			.append(" generated files (`MigrationSetGenerator`, the tool benchmark's SQL) |\n");
		md.append("| PostgreSQL | ")
			.append(postgres)
			.append(" (embedded, local TCP; `fsync`, `synchronous_commit`, `full_page_writes` off) |\n");
		md.append("| CPU | ").append(Environment.cpu()).append(" |\n");
		md.append("| load average before (1, 5, 15 min; runnable/total tasks) | ").append(loadBefore).append(" |\n");
		md.append("| load average after | ").append(loadAfter).append(" |\n");
		md.append("| rounds | ")
			.append(runs)
			.append(", one JVM, all measured warm, their order rotating per round; median shown |\n\n");
		md.append("| per test | median ms | min–max ms |\n| --- | ---: | ---: |\n");
		md.append("| migrate an empty database from scratch (`CREATE DATABASE`, then `Migrator.migrate()`) | ")
			.append(Stats.ms(scratchMedian))
			.append(" | ")
			.append(range(scratch))
			.append(" |\n");
		md.append("| **a test's wait for its copy** (`DatabaseTemplates.copy`, default: a copy made ahead of time while"
				+ " the previous measurements ran) | ")
			.append(Stats.ms(pooledMedian))
			.append(" | ")
			.append(range(pooledCopies))
			.append(" |\n");
		md.append("| the same, 6 copies asked back to back (no test in between, so the pool of 2 can run dry) | ")
			.append(Stats.ms(Stats.median(burst)))
			.append(" | ")
			.append(range(burst))
			.append(" |\n");
		md.append("| a copy made when asked (`-D" + DatabaseTemplates.POOL_PROPERTY
				+ "=0`: `CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY`) | ")
			.append(Stats.ms(copyMedian))
			.append(" | ")
			.append(range(copies))
			.append(" |\n");
		md.append("| a copy made when asked with `STRATEGY WAL_LOG` instead (`-D" + DatabaseTemplates.STRATEGY_PROPERTY
				+ "=WAL_LOG`) | ")
			.append(Stats.ms(Stats.median(walLogCopies)))
			.append(" | ")
			.append(range(walLogCopies))
			.append(" |\n");
		md.append("| dropping a copy (`DROP DATABASE … WITH (FORCE)`, after the test) | ")
			.append(Stats.ms(Stats.median(drops)))
			.append(" | ")
			.append(range(drops))
			.append(" |\n");
		md.append("| once per set and server: validate the set, migrate the template, first copy | ")
			.append(Stats.ms(firstMs))
			.append(" | |\n\n");
		// A wait under 1 ms has no meaningful ratio; count it as 1 ms, a lower bound.
		md.append("From scratch ÷ a test's wait for its copy: **")
			.append((pooledMedian >= 1) ? Stats.ratio(scratchMedian, pooledMedian)
					: "> " + Stats.ratio(scratchMedian, 1) + " (the median wait is under 1 ms)")
			.append("**. Target ≤ 100 ms per test: **")
			.append(pooledMedian <= 100 ? "reached" : "not reached")
			.append("** (median ")
			.append(Stats.ms(pooledMedian))
			.append(" ms), as long as tests take, on average, at least as long as the background thread needs for"
					+ " one copy (")
			.append(Stats.ms(copyMedian))
			.append(" ms here); a test that asks while the pool is empty waits for a copy made when asked.\n");
		md.append("From scratch ÷ a copy made when asked: **")
			.append(Stats.ratio(scratchMedian, copyMedian))
			.append("**.\n");
		md.append("From scratch ÷ copy with `WAL_LOG`: **")
			.append(Stats.ratio(scratchMedian, Stats.median(walLogCopies)))
			.append("**.\n");
		return md.toString();
	}

	private static String range(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).min().orElse(0) + "–"
				+ values.stream().mapToLong(Long::longValue).max().orElse(0);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
