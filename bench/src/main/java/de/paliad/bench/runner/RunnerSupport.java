package de.paliad.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What every measured child JVM shares: its arguments, and the lines it prints for the
 * harness. A runner prints {@value #OUTCOME} {@code ok|failed <first line of the error>},
 * {@value #WORK_MS} (time inside {@code main}, the JVM's own start-up excluded) and
 * {@value #PEAK_RSS_KB} (the process's {@code VmHWM} from {@code /proc/self/status}, read
 * just before it exits).
 */
public final class RunnerSupport {

	/** Prefix of the outcome line. */
	public static final String OUTCOME = "BENCH-OUTCOME";

	/** Prefix of the in-JVM work time line. */
	public static final String WORK_MS = "BENCH-WORK-MS";

	/** Prefix of the peak resident set size line. */
	public static final String PEAK_RSS_KB = "BENCH-PEAK-RSS-KB";

	private RunnerSupport() {
	}

	/**
	 * The arguments every runner takes:
	 * {@code <jdbc-url> <user> <password> <set-directory> <out-of-order>}.
	 *
	 * @param jdbcUrl the database
	 * @param user the user
	 * @param password the password
	 * @param directory the tool's folder of the migration set
	 * @param outOfOrder whether to turn the tool's out-of-order option on (where it has
	 * one)
	 */
	public record Arguments(String jdbcUrl, String user, String password, Path directory, boolean outOfOrder) {

		static Arguments parse(String[] args) {
			if (args.length != 5) {
				System.err.println("Usage: <runner> <jdbc-url> <user> <password> <set-directory> <out-of-order>");
				System.exit(2);
			}
			return new Arguments(args[0], args[1], args[2], Paths.get(args[3]), Boolean.parseBoolean(args[4]));
		}

	}

	/** The work a runner measures. */
	@FunctionalInterface
	interface Work {

		void run(Arguments arguments) throws Exception;

	}

	/**
	 * Runs {@code work}, prints the report lines and exits 0 on success, 1 on failure.
	 */
	static void run(String[] args, Work work) {
		Arguments arguments = Arguments.parse(args);
		long start = System.nanoTime();
		String outcome;
		int exitCode;
		try {
			work.run(arguments);
			outcome = "ok";
			exitCode = 0;
		}
		catch (Throwable ex) {
			outcome = "failed " + firstLine(ex);
			exitCode = 1;
			ex.printStackTrace(System.out);
		}
		long workMs = (System.nanoTime() - start) / 1_000_000;
		System.out.println(OUTCOME + " " + outcome);
		System.out.println(WORK_MS + " " + workMs);
		System.out.println(PEAK_RSS_KB + " " + peakRssKb());
		System.out.flush();
		System.exit(exitCode);
	}

	/**
	 * The process's peak resident set size in KiB ({@code VmHWM}), or -1 where /proc is
	 * missing.
	 */
	public static long peakRssKb() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Not Linux: the table shows no memory figure.
		}
		return -1;
	}

	private static String firstLine(Throwable ex) {
		Throwable cause = ex;
		String message = null;
		while (cause != null && message == null) {
			message = cause.getMessage();
			cause = cause.getCause();
		}
		if (message == null) {
			return ex.getClass().getSimpleName();
		}
		message = message.strip();
		int newline = message.indexOf('\n');
		return ex.getClass().getSimpleName() + ": " + ((newline < 0) ? message : message.substring(0, newline));
	}

}
