package de.paliad.migration.core;

import java.time.Duration;
import java.util.List;

/**
 * Observes a migrator run: health, metrics and logs hang off this. Every method has a
 * no-op default; a listener must not throw.
 */
public interface MigrationListener {

	/** A listener that does nothing. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * The run moved to another state.
	 * @param state the new state
	 */
	default void stateChanged(MigrationState state) {
	}

	/**
	 * The migration lock is held by another session; called while waiting, every few
	 * seconds.
	 * @param holders the sessions holding it
	 */
	default void lockHeld(List<SessionInfo> holders) {
	}

	/**
	 * The migration lock was acquired (or given up on) after waiting.
	 * @param waited how long it took
	 */
	default void lockWaited(Duration waited) {
	}

	/**
	 * The applied set was read and compared with the files on disk.
	 * @param plan the plan
	 */
	default void planned(MigrationPlan plan) {
	}

	/**
	 * Another session blocks a migration (its lock wait exceeded half of
	 * {@code lock-timeout}, or it timed out).
	 * @param migration the blocked migration
	 * @param blockers the sessions that block it
	 */
	default void blocked(Migration migration, List<SessionInfo> blockers) {
	}

	/**
	 * A migration finished.
	 * @param migration the migration
	 * @param duration how long it ran
	 * @param success whether it committed
	 */
	default void migrationFinished(Migration migration, Duration duration, boolean success) {
	}

	/**
	 * The run failed.
	 * @param failure the failure
	 */
	default void failed(MigrationException failure) {
	}

}
