package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * The run stopped because {@link Migrator#cancel()} asked it to (the process is shutting
 * down): nothing failed. The migration in flight, if any, was rolled back with its
 * tracker row; the next start applies it and the rest.
 */
public final class MigrationCancelledException extends MigrationException {

	private final @Nullable Migration rolledBack;

	MigrationCancelledException(@Nullable Migration rolledBack, int appliedByThisRun) {
		super(message(rolledBack, appliedByThisRun));
		this.rolledBack = rolledBack;
	}

	private static String message(@Nullable Migration rolledBack, int appliedByThisRun) {
		String inFlight = (rolledBack != null) ? " Migration " + rolledBack
				+ " was cancelled in flight; its transaction was rolled back, nothing" + " of it remains."
				: " No migration was in flight.";
		return "The migration run was stopped by a shutdown after applying " + appliedByThisRun + " migration(s)."
				+ inFlight + " The next start applies what is pending.";
	}

	/**
	 * The migration that was cancelled in flight and rolled back.
	 * @return the migration, or {@code null} when the run stopped between migrations
	 */
	public @Nullable Migration rolledBack() {
		return this.rolledBack;
	}

	/**
	 * Exit code 1 would be wrong and no code of the contract means "stopped"; a process
	 * stopped by SIGTERM exits 143 anyway. A command-line mode that reports this reports
	 * the run as not done: the database is unavailable to it now.
	 */
	@Override
	public ExitCode exitCode() {
		return ExitCode.UNAVAILABLE;
	}

	/** A shutdown is not a fault of the migrations: the next start goes on. */
	@Override
	public boolean isTransient() {
		return true;
	}

}
