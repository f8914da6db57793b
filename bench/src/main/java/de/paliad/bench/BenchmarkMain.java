package de.paliad.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import de.paliad.bench.AppBootBenchmark.AppSample;

/**
 * Runs the benchmark and writes {@code latest.md} and {@code latest-runs.csv} to
 * {@code bench.out}. Started by {@code ./mvnw -Pbench -pl bench -am verify} (see
 * {@code bench/pom.xml} for the {@code -Dbench.*} properties); progress goes to stdout
 * and to {@code bench.out/latest.log}.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		BenchConfig config = BenchConfig.fromSystemProperties();
		Files.createDirectories(config.out());
		Files.createDirectories(config.work());
		try (PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(config.out().resolve("latest.log"),
				StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING))) {
			Consumer<String> log = (line) -> {
				System.out.println(line);
				logFile.println(line);
				logFile.flush();
			};
			String started = ResultReport.now();
			long start = System.nanoTime();
			String loadBefore = Environment.loadAverage();
			log.accept("Benchmark " + config + "; load average " + loadBefore);
			List<Sample> samples = new ToolBenchmark(config, log).run();
			List<AppSample> appSamples = config.app() ? new AppBootBenchmark(config, log).run() : new ArrayList<>();
			String loadAfter = Environment.loadAverage();
			String postgres;
			try (BenchServer server = BenchServer.start()) {
				postgres = server.serverVersion();
			}
			long minutes = (System.nanoTime() - start) / 60_000_000_000L;
			new ResultReport(config, samples, appSamples).write(loadBefore, loadAfter, postgres, started, minutes);
			log.accept("Load average after: " + loadAfter + "; tables in " + config.out().resolve("latest.md"));
		}
	}

}
