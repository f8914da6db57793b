package de.paliad.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.paliad.bench.runner.RunnerSupport;

/**
 * Launches one measured run in a fresh JVM and measures it from the outside: wall time
 * from {@link ProcessBuilder#start()} to the exit (JVM start-up, class loading and JIT
 * included, as a deploy pays them), plus what the child reports about itself.
 */
final class ChildJvm {

	private static final List<String> COMMON_JARS = List.of("postgresql-", "slf4j-api-", "logback-classic-",
			"logback-core-");

	private ChildJvm() {
	}

	/**
	 * What one run measured.
	 *
	 * @param wallMs process wall time
	 * @param workMs time inside the runner's {@code main}
	 * @param peakRssKb the child's {@code VmHWM}
	 * @param exitCode the exit code
	 * @param outcome {@code ok} or {@code failed <reason>}
	 */
	record Measurement(long wallMs, long workMs, long peakRssKb, int exitCode, String outcome) {

		boolean ok() {
			return this.exitCode == 0 && "ok".equals(this.outcome);
		}

	}

	/**
	 * Runs {@code tool}'s runner on a set folder and a database; its output goes to
	 * {@code log}.
	 */
	static Measurement run(Tool tool, boolean outOfOrder, String jdbcUrl, String user, String password,
			Path setDirectory, Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		String classpath = classpath(tool);
		if (tool.packaged()) {
			// The set's jar, files and index, as an application's own jar would carry
			// them.
			classpath = classpath + File.pathSeparator + setDirectory.resolve(tool.setFolder());
		}
		command.add(classpath);
		// Liquibase 5 reports usage to its vendor unless told not to; nothing here may
		// reach the network.
		command.add("-Dliquibase.analytics.enabled=false");
		command.add(tool.mainClass().getName());
		command.add(jdbcUrl);
		command.add(user);
		command.add(password);
		command.add(setDirectory.resolve(tool.setFolder()).toString());
		command.add(String.valueOf(outOfOrder));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(30, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(tool + " did not finish within 30 minutes; see " + log);
		}
		long wallMs = (System.nanoTime() - start) / 1_000_000;
		return parse(wallMs, process.exitValue(), log);
	}

	private static Measurement parse(long wallMs, int exitCode, Path log) throws IOException {
		long workMs = -1;
		long rss = -1;
		String outcome = "failed (no report; exit code " + exitCode + ")";
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			if (line.startsWith(RunnerSupport.OUTCOME + " ")) {
				outcome = line.substring(RunnerSupport.OUTCOME.length() + 1);
			}
			else if (line.startsWith(RunnerSupport.WORK_MS + " ")) {
				workMs = Long.parseLong(line.substring(RunnerSupport.WORK_MS.length() + 1).strip());
			}
			else if (line.startsWith(RunnerSupport.PEAK_RSS_KB + " ")) {
				rss = Long.parseLong(line.substring(RunnerSupport.PEAK_RSS_KB.length() + 1).strip());
			}
		}
		return new Measurement(wallMs, workMs, rss, exitCode, outcome);
	}

	/**
	 * The harness's classpath cut down to what {@code tool} needs, so no tool pays for
	 * scanning another's jars: this module's classes, the JDBC driver, SLF4J + Logback,
	 * and the tool's own jars.
	 */
	static String classpath(Tool tool) {
		Path benchClasses = benchClasses();
		List<String> kept = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Paths.get(entry).toAbsolutePath().normalize();
			String name = path.getFileName().toString();
			boolean bench = path.equals(benchClasses);
			boolean common = COMMON_JARS.stream().anyMatch(name::startsWith);
			boolean own = tool.paliad() ? isPaliad(path) : tool.jars().stream().anyMatch(name::startsWith);
			if (bench || common || own) {
				kept.add(entry);
			}
		}
		return String.join(File.pathSeparator, kept);
	}

	/** Where this module's classes (and so the runners) are: a folder or a jar. */
	private static Path benchClasses() {
		try {
			return Paths.get(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath()
				.normalize();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The core (where the runner's {@code Migrator} is, its own artifact since the layout
	 * issue) and the starter, as jars or as a reactor's {@code target/classes}; not their
	 * test jars, which the harness has for its database fixture.
	 */
	private static boolean isPaliad(Path path) {
		String text = path.toString();
		return (text.contains("paliad-migration-core") || text.contains("paliad-migration-starter"))
				&& !text.endsWith("-tests.jar") && !text.endsWith("test-classes");
	}

}
