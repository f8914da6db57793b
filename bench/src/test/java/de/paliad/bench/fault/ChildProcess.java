package de.paliad.bench.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM the fault suite starts and may {@code kill -9}: its output is read line by line
 * as it comes (so a trial can strike on a given line) and copied to a log file.
 */
final class ChildProcess implements AutoCloseable {

	private final Process process;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private ChildProcess(Process process, Path log) {
		this.process = process;
		this.reader = new Thread(() -> copy(log), "fault-child-output-" + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Starts {@code mainClass} on the test classpath. */
	static ChildProcess java(List<String> jvmOptions, String mainClass, List<String> args, Path log)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(javaBinary());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		command.add(mainClass);
		command.addAll(args);
		return start(command, log);
	}

	/** Starts the sample app's fat jar. */
	static ChildProcess jar(List<String> jvmOptions, Path jar, List<String> args, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(javaBinary());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return start(command, log);
	}

	private static ChildProcess start(List<String> command, Path log) throws IOException {
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new ChildProcess(process, log);
	}

	private static String javaBinary() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	private void copy(Path log) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				this.lines.add(line);
				out.println(line);
				out.flush();
			}
		}
		catch (IOException ex) {
			// The process was killed; what was read is kept.
		}
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits for a line matching {@code condition}; {@code false} if the process ends or
	 * time runs out first.
	 */
	boolean awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = 0;
		while (System.nanoTime() < deadline) {
			List<String> snapshot = this.lines;
			for (int i = seen; i < snapshot.size(); i++) {
				if (condition.test(snapshot.get(i))) {
					return true;
				}
			}
			seen = snapshot.size();
			if (!this.process.isAlive() && !this.reader.isAlive()) {
				return false;
			}
			Thread.sleep(2);
		}
		return false;
	}

	/**
	 * {@code kill -9}: SIGKILL, no shutdown hook, no finally block, no goodbye to the
	 * server.
	 */
	void kill9() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * SIGTERM, what {@code docker stop} and Kubernetes send first: shutdown hooks run.
	 */
	void sigterm() {
		// Through the handle: Process.destroy() would also close the pipes, and the
		// child's shutdown logging would be lost.
		this.process.toHandle().destroy();
	}

	/**
	 * Waits for the exit and returns the exit code, or kills the process when time runs
	 * out.
	 */
	int waitFor(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			kill9();
			throw new IllegalStateException("Child " + pid() + " did not finish within " + timeout);
		}
		this.reader.join(5000);
		return this.process.exitValue();
	}

	List<String> lines() {
		return this.lines;
	}

	long count(Predicate<String> condition) {
		return this.lines.stream().filter(condition).count();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill9();
		}
	}

}
