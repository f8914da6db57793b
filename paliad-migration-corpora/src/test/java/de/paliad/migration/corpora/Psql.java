package de.paliad.migration.corpora;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.testing.TestDatabase;

/**
 * Debian's {@code psql} client, the reference the runner is compared with: the files run
 * as {@code psql -X -v ON_ERROR_STOP=1 -f <file> -f <file> …}, in order, as an operator
 * would apply them by hand.
 */
final class Psql {

	private final Path executable;

	private Psql(Path executable) {
		this.executable = executable;
	}

	/**
	 * Finds {@code psql} on the {@code PATH}.
	 * @return the client
	 * @throws IllegalStateException when it is missing: the corpus tests must not pass
	 * without their reference
	 */
	static Psql onPath() {
		return onPath(System.getenv().getOrDefault("PATH", ""));
	}

	static Psql onPath(String path) {
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Paths.get(directory.isEmpty() ? "." : directory, "psql");
			if (Files.isExecutable(candidate)) {
				return new Psql(candidate);
			}
		}
		throw new IllegalStateException("psql is not on the PATH (" + path + "). The corpus tests compare the "
				+ "runner's schema with the one psql builds from the same files, so they need the PostgreSQL "
				+ "client: on Debian/Ubuntu run `apt-get install -y postgresql-client` (.ci/run does).");
	}

	/**
	 * Applies one file; fails with psql's output when it stops.
	 * @param database the database
	 * @param file the SQL file
	 */
	void apply(TestDatabase database, Path file) {
		apply(database, List.of(file));
	}

	/**
	 * Applies files in order, as {@code psql -f a.sql -f b.sql …}: one session (as the
	 * runner's one connection), each file's statements in autocommit, stopping at the
	 * first error. One process instead of one per file: starting psql 820 times took
	 * minutes on a busy CI machine.
	 * @param database the database
	 * @param files the SQL files, in the order to apply them
	 */
	void apply(TestDatabase database, List<Path> files) {
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
				"-d", database.jdbcUrl().substring("jdbc:".length())));
		for (Path file : files) {
			command.add("-f");
			command.add(file.toAbsolutePath().toString());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// The password goes through the environment, never the command line (ps shows
		// that).
		builder.environment().put("PGUSER", database.user());
		builder.environment().put("PGPASSWORD", database.password());
		builder.environment().put("PGOPTIONS", "-c client_min_messages=warning");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			if (exit != 0) {
				// psql names the file and line: "psql:/…/0030_x.up.sql:22: ERROR: …".
				throw new IllegalStateException(
						"psql stopped with exit code " + exit + " (" + files.size() + " files given):\n" + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + this.executable + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while psql applied " + files.size() + " files", ex);
		}
	}

}
