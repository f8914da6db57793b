package de.paliad.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's time in this build against another build of the core (the analyzer before
 * its rewrite: {@code -Dbench.gate.old=<its target/classes>}), in the same run: child
 * JVMs running {@link GateBenchmark}, alternating old and new, so both see the same load.
 * Writes {@code gate-latest.md} to {@code bench.out}. Without {@code bench.gate.old},
 * only this build is measured.
 * <p>
 * {@code -Dbench.gate.old.label} names the other build; {@code -Dbench.gate.rounds}
 * (child pairs, default 3); {@code -Dbench.gate.runs} and {@code -Dbench.gate.warmup} go
 * to the children.
 */
public final class GateComparison {

	private GateComparison() {
	}

	public static void main(String[] args) throws Exception {
		String old = System.getProperty("bench.gate.old", "");
		String oldLabel = System.getProperty("bench.gate.old.label", "before the rewrite (b02ca8b)");
		int rounds = Integer.getInteger("bench.gate.rounds", 3);
		Path out = Paths.get(System.getProperty("bench.out", "bench/results"));
		Files.createDirectories(out);
		String started = ResultReport.now();
		String classpath = System.getProperty("java.class.path");
		Map<String, List<Long>> off = new LinkedHashMap<>();
		Map<String, List<Long>> fail = new LinkedHashMap<>();
		Map<String, Integer> findings = new LinkedHashMap<>();
		List<String> loads = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			if (!old.isBlank()) {
				child(oldLabel, old + java.io.File.pathSeparator + classpath, off, fail, findings, loads);
			}
			child("this build", classpath, off, fail, findings, loads);
		}
		String report = report(started, off, fail, findings, loads);
		Files.writeString(out.resolve("gate-latest.md"), report, StandardCharsets.UTF_8);
		System.out.println(report);
	}

	private static void child(String label, String classpath, Map<String, List<Long>> off, Map<String, List<Long>> fail,
			Map<String, Integer> findings, List<String> loads) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
						"-Dbench.gate.label=" + label));
		for (String property : List.of("bench.gate.runs", "bench.gate.warmup", "bench.gate.snapshot", "bench.work")) {
			if (System.getProperty(property) != null) {
				command.add("-D" + property + "=" + System.getProperty(property));
			}
		}
		command.add(GateBenchmark.class.getName());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String result = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("RESULT\t")) {
					result = line;
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("The gate benchmark for " + label + " failed (exit " + process.exitValue()
					+ "); run de.paliad.bench.GateBenchmark on its classpath to see why");
		}
		String[] fields = result.split("\t");
		off.computeIfAbsent(label, (l) -> new ArrayList<>()).addAll(numbers(fields[2]));
		fail.computeIfAbsent(label, (l) -> new ArrayList<>()).addAll(numbers(fields[3]));
		findings.put(label, Integer.parseInt(fields[4]));
		loads.add(label + ": " + fields[5] + " → " + fields[6]);
		System.out.println(label + ": off " + fields[2] + " ms, compat=fail " + fields[3] + " ms");
	}

	private static List<Long> numbers(String csv) {
		return Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
	}

	private static String report(String started, Map<String, List<Long>> off, Map<String, List<Long>> fail,
			Map<String, Integer> findings, List<String> loads) {
		StringBuilder md = new StringBuilder();
		md.append("# Gate time: `MigrationGate.check` on the 34-table snapshot with 10 pending migrations\n\n");
		md.append("Written by `bench/` (`de.paliad.bench.GateComparison`) at ")
			.append(started)
			.append("; do not edit by hand. Each measurement restores `gate/prod-schema.sql` (core test resources)"
					+ " into a fresh scratch database and rehearses the 10 pending migrations of"
					+ " `GateBenchmark.PENDING` (ADD COLUMN, CREATE INDEX, UPDATE, CREATE TABLE with FK, SET DEFAULT,"
					+ " a function, CHECK NOT VALID + VALIDATE, an enum, a type change, a view) as `app_owner`."
					+ " Warm: child JVMs of warm-up rounds then measured rounds, old and new build alternating."
					+ " Creating and dropping the scratch database is not timed.\n\n");
		md.append("| | |\n| --- | --- |\n");
		md.append("| CPU | ").append(Environment.cpu()).append(" |\n");
		md.append("| Java | ").append(Environment.java()).append(" |\n");
		for (String load : loads) {
			md.append("| load average (1, 5, 15 min; tasks) before → after, ").append(load).append(" |\n");
		}
		md.append("\n| build | compat=off median ms (min–max) | compat=fail median ms (min–max) | findings |"
				+ " analysis cost (fail − off) |\n| --- | ---: | ---: | ---: | ---: |\n");
		for (String label : fail.keySet()) {
			double offMedian = Stats.median(off.get(label));
			double failMedian = Stats.median(fail.get(label));
			md.append("| ")
				.append(label)
				.append(" | ")
				.append(Stats.ms(offMedian))
				.append(" (")
				.append(range(off.get(label)))
				.append(") | ")
				.append(Stats.ms(failMedian))
				.append(" (")
				.append(range(fail.get(label)))
				.append(") | ")
				.append(findings.get(label))
				.append(" | ")
				.append(Stats.ms(failMedian - offMedian))
				.append(" |\n");
		}
		List<String> labels = new ArrayList<>(fail.keySet());
		if (labels.size() == 2) {
			double before = Stats.median(fail.get(labels.get(0)));
			double now = Stats.median(fail.get(labels.get(1)));
			md.append("\ncompat=fail, this build against ")
				.append(labels.get(0))
				.append(": **")
				.append(Stats.ratio(now, before))
				.append("** (target: at most 1.5×).\n");
		}
		return md.toString();
	}

	private static String range(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).min().orElse(0) + "–"
				+ values.stream().mapToLong(Long::longValue).max().orElse(0);
	}

}
