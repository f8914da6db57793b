package de.paliad.migration.startup;

/**
 * Ends the process with an exit code: after a command-line mode's report, and after a
 * failed startup run with {@code paliad.migration.on-failure=exit}. Define a bean of this
 * type to replace it, e.g. in tests.
 * <p>
 * The default, {@link #system()}, calls {@link System#exit(int)} and never returns. It
 * may be called during context refresh: Spring's shutdown hook recognizes a refresh
 * thread stuck in {@code System.exit} and does not wait for it. An implementation that
 * returns lets the application go on: after a mode it keeps starting without a web
 * server, after a failed run the startup fails with the migration's exception.
 */
@FunctionalInterface
public interface ProcessExit {

	/**
	 * Ends the process.
	 * @param code the exit code
	 */
	void exit(int code);

	/**
	 * The real exit: flushes standard output (where the reports go) and calls
	 * {@link System#exit(int)}.
	 * @return the exit
	 */
	static ProcessExit system() {
		return (code) -> {
			System.out.flush();
			System.err.flush();
			System.exit(code);
		};
	}

}
