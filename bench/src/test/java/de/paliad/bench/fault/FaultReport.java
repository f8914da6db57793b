package de.paliad.bench.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes what each fault scenario counted to {@code bench.out/fault/<id>.md} and rebuilds
 * {@code bench.out/fault-latest.md} from every scenario's latest file, so the table in
 * docs/reliability.md comes from a run, whichever scenarios that run included.
 */
final class FaultReport {

	private FaultReport() {
	}

	/**
	 * Records a scenario's counts.
	 * @param id file name and sort key, e.g. {@code 1-kill}
	 * @param scenario what was done
	 * @param trials trials run
	 * @param inconsistent states found inconsistent
	 * @param appliedTwice migrations applied twice
	 * @param problems everything else the scenario requires that went wrong (listed in
	 * the notes)
	 * @param notes what else the scenario observed, one item per entry
	 */
	static synchronized void record(String id, String scenario, int trials, int inconsistent, int appliedTwice,
			int problems, List<String> notes) {
		Path out = Paths.get(System.getProperty("bench.out", "results")).resolve("fault");
		try {
			Files.createDirectories(out);
			StringBuilder row = new StringBuilder();
			row.append("| ")
				.append(scenario)
				.append(" | ")
				.append(trials)
				.append(" | ")
				.append(inconsistent)
				.append(" | ")
				.append(appliedTwice)
				.append(" | ")
				.append((problems == 0) ? "pass"
						: "**FAIL** (" + problems + " problem" + ((problems == 1) ? "" : "s") + ", see below)")
				.append(" | ")
				.append(load())
				.append(" |\n");
			StringBuilder details = new StringBuilder();
			notes.forEach((note) -> details.append("- ").append(note).append('\n'));
			Files.writeString(out.resolve(id + ".row"), row.toString(), StandardCharsets.UTF_8);
			Files.writeString(out.resolve(id + ".notes"), "### " + scenario + "\n\n" + details + "\n",
					StandardCharsets.UTF_8);
			rebuild(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void rebuild(Path out) throws IOException {
		List<Path> rows;
		List<Path> notes;
		try (Stream<Path> files = Files.list(out)) {
			List<Path> all = files.sorted().toList();
			rows = all.stream().filter((f) -> f.toString().endsWith(".row")).toList();
			notes = all.stream().filter((f) -> f.toString().endsWith(".notes")).toList();
		}
		List<String> md = new ArrayList<>();
		md.add("# Fault-injection results");
		md.add("");
		md.add("Written by the `@Tag(\"fault\")` tests in `bench/` (last update "
				+ OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "); do not edit by hand."
				+ " Rerun: `./mvnw -B -ntp -Pbench -pl bench -am verify -Dbench.skip=true -Dgroups=fault"
				+ " -Dsurefire.failIfNoSpecifiedTests=false` (see docs/reliability.md).");
		md.add("");
		md.add("| scenario | trials | inconsistent states | migrations applied twice | result | load average at the end (1, 5, 15 min) |");
		md.add("| --- | ---: | ---: | ---: | --- | --- |");
		for (Path row : rows) {
			md.add(Files.readString(row, StandardCharsets.UTF_8).stripTrailing());
		}
		md.add("");
		for (Path note : notes) {
			md.add(Files.readString(note, StandardCharsets.UTF_8).stripTrailing());
			md.add("");
		}
		Files.write(out.getParent().resolve("fault-latest.md"), md, StandardCharsets.UTF_8);
		String docs = System.getProperty("bench.docs");
		if (docs != null && !docs.isBlank()) {
			de.paliad.bench.GeneratedSection.replace(Paths.get(docs).resolve("reliability.md"), "fault",
					String.join("\n", md));
		}
	}

	private static String load() {
		try {
			String[] parts = Files.readString(Paths.get("/proc/loadavg")).strip().split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
