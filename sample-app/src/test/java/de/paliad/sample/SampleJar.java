package de.paliad.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repackaged sample jar, launched as a separate {@code java -jar} process the way a
 * container or an init job runs it.
 */
final class SampleJar {

	/** Set by the failsafe configuration in the sample's pom. */
	static final String JAR_PROPERTY = "sample.jar";

	// Each run is a cold JVM; C1 only and the serial collector shorten boot on a 2-core
	// CI machine.
	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private final Path jar;

	private final Path logs;

	private final Duration timeout;

	SampleJar(Path logs, Duration timeout) {
		this.jar = locate();
		this.logs = logs;
		this.timeout = timeout;
	}

	/**
	 * Runs the jar to completion.
	 * @param args the application arguments
	 * @return the exit code and what the process printed
	 */
	Run run(List<String> args) {
		Running running = start(args);
		try {
			if (!running.process().waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				running.process().destroyForcibly().waitFor();
				throw new AssertionError("java -jar " + String.join(" ", args) + " did not exit within " + this.timeout
						+ "\n" + running.finish().describe());
			}
			return running.finish();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the jar and returns at once, for a process that keeps serving.
	 * @param args the application arguments
	 * @return the running process; closing it stops the process
	 */
	Running start(List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-jar");
		command.add(this.jar.toString());
		command.addAll(args);
		try {
			// Files, not pipes: a chatty process can never block on a full buffer.
			Path stdout = Files.createTempFile(this.logs, "stdout-", ".log");
			Path stderr = Files.createTempFile(this.logs, "stderr-", ".log");
			Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			return new Running(args, process, stdout, stderr);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path locate() {
		String configured = System.getProperty(JAR_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return existing(Path.of(configured));
		}
		// Run from an IDE: the jar `./mvnw -pl sample-app package` left behind.
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return existing(
					files.filter((file) -> file.getFileName().toString().matches("sample-app-.*(?<!-tests)\\.jar"))
						.findFirst()
						.orElse(Path.of("target", "sample-app.jar")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No target/ folder: run `./mvnw -pl sample-app package` first", ex);
		}
	}

	private static Path existing(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: run `./mvnw -pl sample-app package` first");
		}
		return jar.toAbsolutePath();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A started process.
	 *
	 * @param args the application arguments
	 * @param process the process
	 * @param stdout where its standard output goes
	 * @param stderr where its standard error goes
	 */
	record Running(List<String> args, Process process, Path stdout, Path stderr) implements AutoCloseable {

		/** What it printed so far, with {@code -1} for a process still running. */
		Run finish() {
			int exitCode = this.process.isAlive() ? -1 : this.process.exitValue();
			return new Run(this.args, exitCode, read(this.stdout), read(this.stderr));
		}

		/** Stops it as an orchestrator would: SIGTERM, then a kill if it does not end. */
		@Override
		public void close() {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}

	}

	/**
	 * A finished run.
	 *
	 * @param args the application arguments
	 * @param exitCode the process exit code
	 * @param stdout what it printed on standard output
	 * @param stderr what it printed on standard error
	 */
	record Run(List<String> args, int exitCode, String stdout, String stderr) {

		/** Both streams, for assertions about the human report and the log. */
		String output() {
			return this.stdout + this.stderr;
		}

		/** Describes the run in an assertion failure. */
		String describe() {
			return "java -jar sample-app.jar " + String.join(" ", this.args) + "\n--- stdout ---\n" + this.stdout
					+ "\n--- stderr ---\n" + this.stderr;
		}

	}

}
