package de.paliad.migration.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.fail;

/**
 * A {@link MigrateMain} process: a migrator in a JVM of its own, as in a container.
 */
final class MigrateMainProcess {

	private final Process process;

	private final Path stderr;

	private final List<String> output = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch ready = new CountDownLatch(1);

	private MigrateMainProcess(Process process, Path stderr) {
		this.process = process;
		this.stderr = stderr;
		Thread reader = new Thread(this::readOutput, "migrate-main-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	static MigrateMainProcess start(TestDatabase db, MigrationDirectory files, Path stderr) throws IOException {
		return start(db.jdbcUrl(), db.user(), db.password(), files, stderr);
	}

	/** Starts a process migrating the database at {@code jdbcUrl}. */
	static MigrateMainProcess start(String jdbcUrl, String user, String password, MigrationDirectory files, Path stderr)
			throws IOException {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), MigrateMain.class.getName(), jdbcUrl, user, password,
				files.location())
			.redirectError(stderr.toFile());
		return new MigrateMainProcess(builder.start(), stderr);
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.output.add(line);
				if (line.equals(MigrateMain.READY)) {
					this.ready.countDown();
				}
			}
		}
		catch (IOException ex) {
			// The process was destroyed; what it printed so far is in the output.
		}
	}

	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.ready.await(100, TimeUnit.MILLISECONDS)) {
			if (!this.process.isAlive()) {
				fail("%s exited with %d before it was ready", this, this.process.exitValue());
			}
			if (System.nanoTime() > deadline) {
				fail("%s did not get ready within %s", this, timeout);
			}
		}
	}

	void go() throws IOException {
		OutputStream stdin = this.process.getOutputStream();
		stdin.write('\n');
		stdin.flush();
	}

	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			fail("%s did not exit within %s", this, timeout);
		}
		return this.process.exitValue();
	}

	List<Long> applied() {
		synchronized (this.output) {
			return this.output.stream()
				.filter((line) -> line.startsWith(MigrateMain.APPLIED))
				.flatMap((line) -> List.of(line.substring(MigrateMain.APPLIED.length()).strip().split(",")).stream())
				.filter((version) -> !version.isEmpty())
				.map(Long::valueOf)
				.toList();
		}
	}

	/** What the process printed on stderr so far. */
	String errors() {
		try {
			return Files.exists(this.stderr) ? Files.readString(this.stderr) : "";
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	void destroy() {
		this.process.destroyForcibly();
	}

	@Override
	public String toString() {
		String errors;
		try {
			errors = Files.exists(this.stderr) ? Files.readString(this.stderr) : "";
		}
		catch (IOException ex) {
			errors = "(unreadable: " + ex.getMessage() + ")";
		}
		return "migrator process " + this.process.pid() + " (stdout: " + this.output + ", stderr: " + errors + ")";
	}

}
