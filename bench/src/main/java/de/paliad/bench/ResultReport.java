package de.paliad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import de.paliad.bench.AppBootBenchmark.AppSample;
import de.paliad.bench.AppBootBenchmark.AppVariant;

/**
 * Writes the Markdown tables ({@code latest.md}) and every run's raw figures
 * ({@code latest-runs.csv}) straight from the samples: no figure is typed by hand.
 */
final class ResultReport {

	static final String COMMAND = "./mvnw -Pbench -pl bench -am verify -DskipTests -Dbench.n=100,1000,5000";

	private final BenchConfig config;

	private final List<Sample> samples;

	private final List<AppSample> appSamples;

	private final StringBuilder md = new StringBuilder();

	ResultReport(BenchConfig config, List<Sample> samples, List<AppSample> appSamples) {
		this.config = config;
		this.samples = samples;
		this.appSamples = appSamples;
	}

	void write(String loadBefore, String loadAfter, String postgres, String started, long minutes) throws IOException {
		Files.createDirectories(this.config.out());
		line("# Benchmark results");
		line("");
		line("Written by `bench/` (`de.paliad.bench.BenchmarkMain`) at " + started + "; do not edit by hand. Rerun: `"
				+ COMMAND + "` (see docs/performance.md).");
		line("");
		machine(loadBefore, loadAfter, postgres, minutes);
		for (Scenario scenario : List.of(Scenario.APPLY_ALL, Scenario.BOOT_CHECK, Scenario.ONE_PENDING)) {
			if (this.config.scenarios().contains(scenario)) {
				wallTable(scenario);
			}
		}
		if (this.config.scenarios().contains(Scenario.OUT_OF_ORDER)) {
			outOfOrderTable();
		}
		perToolTable("Peak memory (median peak RSS, MiB)",
				"`VmHWM` of the child JVM, read from `/proc/self/status` just before it exits.",
				(s) -> s.measurement().peakRssKb(), true);
		perToolTable("Time inside `main` (median ms)",
				"The runner's own time, JVM start-up and exit excluded: what the tool itself costs.",
				(s) -> s.measurement().workMs(), false);
		new AppBootSection(this.appSamples, this.config).write(this.md);
		new GoalsSection(this, this.appSamples).write(this.md);
		Files.writeString(this.config.out().resolve("latest.md"), this.md.toString(), StandardCharsets.UTF_8);
		writeCsv();
		String docs = System.getProperty("bench.docs");
		if (docs != null && !docs.isBlank()) {
			GeneratedSection.replace(java.nio.file.Paths.get(docs).resolve("performance.md"), "benchmark",
					this.md.toString());
		}
	}

	private void machine(String loadBefore, String loadAfter, String postgres, long minutes) {
		line("## Machine and method");
		line("");
		line("| | |");
		line("| --- | --- |");
		line("| CPU | " + Environment.cpu() + " |");
		line("| memory | " + Environment.memory() + " |");
		line("| Java | " + Environment.java() + " (children run with the JVM's defaults) |");
		line("| PostgreSQL | " + postgres
				+ " (embedded, local TCP; `fsync`, `synchronous_commit`, `full_page_writes` off) |");
		line("| tools | paliad-migration " + Environment.jarVersion("paliad-migration-starter") + ", Flyway "
				+ Environment.jarVersion("flyway-core") + ", Liquibase " + Environment.jarVersion("liquibase-core")
				+ ", PostgreSQL JDBC " + Environment.jarVersion("postgresql") + " |");
		line("| load average before (1, 5, 15 min; runnable/total tasks) | " + loadBefore + " |");
		line("| load average after | " + loadAfter + " |");
		line("| runs | " + this.config.runs() + " per cell, median shown; every run a fresh JVM and a fresh database;"
				+ " tools interleaved, their order rotating per round |");
		line("| duration | " + minutes + " min |");
		line("");
	}

	private void wallTable(Scenario scenario) {
		line("## (" + scenario.id() + ") " + scenario.description());
		line("");
		line("Median wall time in ms, whole process (JVM start to exit).");
		line("");
		List<Tool> tools = this.config.tools();
		StringBuilder header = new StringBuilder("| N |");
		StringBuilder rule = new StringBuilder("| ---: |");
		for (Tool tool : tools) {
			header.append(' ').append(tool.label()).append(" |");
			rule.append(" ---: |");
		}
		List<Tool[]> ratios = ratios();
		for (Tool[] ratio : ratios) {
			header.append(' ').append(ratio[0].shortLabel()).append(" ÷ ").append(ratio[1].shortLabel()).append(" |");
			rule.append(" ---: |");
		}
		line(header.toString());
		line(rule.toString());
		for (int n : this.config.sizes()) {
			StringBuilder row = new StringBuilder("| " + String.format("%,d", n) + " |");
			for (Tool tool : tools) {
				row.append(' ').append(Stats.ms(wall(n, scenario, new Variant(tool, false)))).append(" |");
			}
			for (Tool[] ratio : ratios) {
				row.append(' ')
					.append(Stats.ratio(wall(n, scenario, new Variant(ratio[0], false)),
							wall(n, scenario, new Variant(ratio[1], false))))
					.append(" |");
			}
			line(row.toString());
		}
		line("");
	}

	/**
	 * The ratio columns, numerator and denominator, of the tools this run measured: each
	 * tool against the floor, and Flyway and Liquibase against paliad (without the index,
	 * as in earlier runs).
	 */
	private List<Tool[]> ratios() {
		List<Tool[]> ratios = new ArrayList<>();
		List<Tool[]> wanted = List.of(new Tool[] { Tool.PALIAD, Tool.FLOOR },
				new Tool[] { Tool.PALIAD_INDEX, Tool.FLOOR }, new Tool[] { Tool.FLYWAY, Tool.PALIAD },
				new Tool[] { Tool.LIQUIBASE, Tool.PALIAD }, new Tool[] { Tool.FLYWAY, Tool.FLOOR },
				new Tool[] { Tool.LIQUIBASE, Tool.FLOOR });
		for (Tool[] ratio : wanted) {
			if (this.config.tools().contains(ratio[0]) && this.config.tools().contains(ratio[1])) {
				ratios.add(ratio);
			}
		}
		return ratios;
	}

	private void outOfOrderTable() {
		Scenario scenario = Scenario.OUT_OF_ORDER;
		line("## (d) " + scenario.description());
		line("");
		line("What each tool does when version N/2 is missing from a database that has every other version:"
				+ " by default, and with its out-of-order option where it has one.");
		line("");
		line("| N | tool | outcome | N/2 applied afterwards | median ms | ÷ floor |");
		line("| ---: | --- | --- | --- | ---: | ---: |");
		for (int n : this.config.sizes()) {
			double floor = wall(n, scenario, new Variant(Tool.FLOOR, false));
			for (Variant variant : variantsOf(n, scenario)) {
				List<Sample> cell = cell(n, scenario, variant);
				Set<String> outcomes = new LinkedHashSet<>();
				cell.forEach((s) -> outcomes.add(abbreviate(s.measurement().outcome())));
				long middle = cell.stream().filter(Sample::middleApplied).count();
				double wall = wall(n, scenario, variant);
				line("| " + String.format("%,d", n) + " | " + variant.label() + " | " + String.join("; ", outcomes)
						+ " | "
						+ ((middle == cell.size()) ? "yes" : (middle == 0) ? "no" : middle + " of " + cell.size())
						+ " | " + Stats.ms(wall) + " | " + Stats.ratio(wall, floor) + " |");
			}
		}
		line("");
	}

	private void perToolTable(String title, String note, ToLongFunction<Sample> value, boolean memory) {
		line("## " + title);
		line("");
		line(note);
		line("");
		StringBuilder header = new StringBuilder("| scenario | N |");
		StringBuilder rule = new StringBuilder("| --- | ---: |");
		for (Tool tool : this.config.tools()) {
			header.append(' ').append(tool.label()).append(" |");
			rule.append(" ---: |");
		}
		line(header.toString());
		line(rule.toString());
		for (Scenario scenario : this.config.scenarios()) {
			for (int n : this.config.sizes()) {
				StringBuilder row = new StringBuilder("| (" + scenario.id() + ") | " + String.format("%,d", n) + " |");
				for (Tool tool : this.config.tools()) {
					double median = Stats
						.median(cell(n, scenario, new Variant(tool, false)).stream().map(value::applyAsLong).toList());
					row.append(' ').append(memory ? Stats.mib(median) : Stats.ms(median)).append(" |");
				}
				line(row.toString());
			}
		}
		line("");
	}

	private List<Variant> variantsOf(int n, Scenario scenario) {
		Set<Variant> variants = new LinkedHashSet<>();
		for (Sample sample : this.samples) {
			if (sample.n() == n && sample.scenario() == scenario) {
				variants.add(sample.variant());
			}
		}
		return new ArrayList<>(variants);
	}

	private List<Sample> cell(int n, Scenario scenario, Variant variant) {
		return this.samples.stream()
			.filter((s) -> s.n() == n && s.scenario() == scenario && s.variant().equals(variant))
			.toList();
	}

	double wall(int n, Scenario scenario, Variant variant) {
		return Stats.median(cell(n, scenario, variant).stream().map((s) -> s.measurement().wallMs()).toList());
	}

	/** The median peak RSS of a cell in KiB, NaN when this run did not measure it. */
	double peakRssKb(int n, Scenario scenario, Variant variant) {
		return Stats.median(cell(n, scenario, variant).stream().map((s) -> s.measurement().peakRssKb()).toList());
	}

	private static String abbreviate(String outcome) {
		String text = outcome.replace('|', '/');
		return (text.length() > 160) ? text.substring(0, 157) + "..." : text;
	}

	private void writeCsv() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(
				"kind,n,scenario,variant,run,wall_ms,work_ms,peak_rss_kb,exit_code,tracker_rows,middle_applied,outcome,"
						+ "runner_logged_ms");
		for (Sample s : this.samples) {
			lines.add(String.join(",", "tool", String.valueOf(s.n()), s.scenario().id(), s.variant().key(),
					String.valueOf(s.run()), String.valueOf(s.measurement().wallMs()),
					String.valueOf(s.measurement().workMs()), String.valueOf(s.measurement().peakRssKb()),
					String.valueOf(s.measurement().exitCode()), String.valueOf(s.trackerRows()),
					String.valueOf(s.middleApplied()), '"' + s.measurement().outcome().replace('"', '\'') + '"', ""));
		}
		for (AppSample s : this.appSamples) {
			lines.add(String.join(",", "app", String.valueOf(this.config.appSize()), "boot",
					s.variant().name().toLowerCase(), String.valueOf(s.run()), String.valueOf(s.readyMs()), "",
					String.valueOf(s.peakRssKb()), "", "", "", "ready",
					(s.loggedMs() < 0) ? "" : String.valueOf(s.loggedMs())));
		}
		Files.write(this.config.out().resolve("latest-runs.csv"), lines, StandardCharsets.UTF_8);
	}

	static String now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private void line(String text) {
		this.md.append(text).append('\n');
	}

	static List<Long> appReady(List<AppSample> samples, AppVariant variant) {
		return samples.stream().filter((s) -> s.variant() == variant).map(AppSample::readyMs).toList();
	}

}
