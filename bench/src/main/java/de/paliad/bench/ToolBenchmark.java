package de.paliad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scenarios (a)-(d) for each set size: one server per scenario, templates prepared by
 * each tool outside the timing, then rounds in which every tool runs once on a fresh
 * database, the tools' order rotating from round to round so a slow patch of a busy
 * machine does not land on one tool only.
 */
final class ToolBenchmark {

	private final BenchConfig config;

	private final Consumer<String> log;

	private int databases;

	ToolBenchmark(BenchConfig config, Consumer<String> log) {
		this.config = config;
		this.log = log;
	}

	List<Sample> run() throws IOException, InterruptedException {
		List<Sample> samples = new ArrayList<>();
		for (int n : this.config.sizes()) {
			Path sets = this.config.work().resolve("sets-" + n);
			Map<Scenario, Path> prepared = new HashMap<>();
			Path full = MigrationSetGenerator.write(sets.resolve("full"), n, Set.of());
			for (Scenario scenario : this.config.scenarios()) {
				if (scenario.prepared() && !scenario.leftOut(n).isEmpty()) {
					prepared.put(scenario, MigrationSetGenerator.write(sets.resolve("without-" + scenario.id()), n,
							scenario.leftOut(n)));
				}
			}
			if (this.config.tools().stream().anyMatch(Tool::packaged)) {
				// The build's work, outside the timing: once per set.
				PackagedSet.write(full);
				for (Path set : prepared.values()) {
					PackagedSet.write(set);
				}
			}
			for (Scenario scenario : this.config.scenarios()) {
				samples.addAll(runScenario(n, scenario, full, prepared.getOrDefault(scenario, full)));
			}
		}
		return samples;
	}

	private List<Sample> runScenario(int n, Scenario scenario, Path full, Path preparedSet)
			throws IOException, InterruptedException {
		List<Variant> variants = variants(scenario);
		List<Sample> samples = new ArrayList<>();
		Path logs = Files.createDirectories(this.config.work().resolve("logs"));
		try (BenchServer server = BenchServer.start()) {
			this.log.accept("N=" + n + " scenario (" + scenario.id() + ") " + scenario.description() + ": PostgreSQL "
					+ server.serverVersion() + " on port " + server.port());
			Map<Tool, String> templates = new HashMap<>();
			if (scenario.prepared()) {
				for (Tool tool : this.config.tools()) {
					templates.put(tool, prepareTemplate(server, tool, preparedSet, n, scenario, logs));
				}
			}
			for (int run = 1; run <= this.config.runs(); run++) {
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get((i + run - 1) % variants.size());
					String database = "bench_" + (++this.databases);
					server.createDatabase(database, templates.get(variant.tool()));
					Path logFile = logs
						.resolve("n" + n + "-" + scenario.id() + "-" + variant.key() + "-" + run + ".log");
					ChildJvm.Measurement m = ChildJvm.run(variant.tool(), variant.outOfOrder(),
							server.jdbcUrl(database), BenchServer.USER, BenchServer.PASSWORD, full, logFile);
					long rows = server.number(database, variant.tool().countSql());
					boolean middle = server.number(database, variant.tool().hasVersionSql(n / 2)) == 1;
					server.dropDatabase(database);
					Sample sample = new Sample(n, scenario, variant, run, m, rows, middle);
					samples.add(sample);
					this.log.accept(String.format(
							"  run %d %-28s %7d ms wall, %7d ms in main, %4d MiB peak RSS, %s," + " tracker rows %d",
							run, variant.label(), m.wallMs(), m.workMs(), m.peakRssKb() / 1024, m.outcome(), rows));
					if (scenario != Scenario.OUT_OF_ORDER && !sample.complete()) {
						throw new IllegalStateException(variant.label() + " did not complete scenario (" + scenario.id()
								+ ") with N=" + n + ": " + m.outcome() + "; see " + logFile);
					}
				}
			}
		}
		return samples;
	}

	private List<Variant> variants(Scenario scenario) {
		List<Variant> variants = new ArrayList<>();
		for (Tool tool : this.config.tools()) {
			variants.add(new Variant(tool, false));
			if (scenario == Scenario.OUT_OF_ORDER && tool.hasOutOfOrderOption()) {
				variants.add(new Variant(tool, true));
			}
		}
		return variants;
	}

	/**
	 * Lets the tool itself bring a database to the scenario's starting point, outside the
	 * timing.
	 */
	private String prepareTemplate(BenchServer server, Tool tool, Path set, int n, Scenario scenario, Path logs)
			throws IOException, InterruptedException {
		String template = "template_" + tool.databaseName();
		server.createDatabase(template, null);
		Path logFile = logs.resolve("n" + n + "-" + scenario.id() + "-" + tool.id() + "-prepare.log");
		ChildJvm.Measurement m = ChildJvm.run(tool, false, server.jdbcUrl(template), BenchServer.USER,
				BenchServer.PASSWORD, set, logFile);
		long expected = n - scenario.leftOut(n).size();
		long rows = server.number(template, tool.countSql());
		if (!m.ok() || rows != expected) {
			throw new IllegalStateException("Preparing " + tool.label() + " for scenario (" + scenario.id()
					+ ") failed: " + m.outcome() + ", " + rows + " of " + expected + " tracker rows; see " + logFile);
		}
		server.execute(template, "VACUUM ANALYZE");
		return template;
	}

}
