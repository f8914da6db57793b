package de.paliad.migration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationListener;
import de.paliad.migration.core.MigrationPlan;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.core.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the migrator's events to every {@link MigrationListener} bean (the status, the
 * metrics, the application's own). A listener that throws is logged and skipped: an
 * observer must never fail a migration.
 */
final class CompositeMigrationListener implements MigrationListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeMigrationListener.class);

	private final List<MigrationListener> listeners;

	CompositeMigrationListener(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void stateChanged(MigrationState state) {
		each((listener) -> listener.stateChanged(state));
	}

	@Override
	public void lockHeld(List<SessionInfo> holders) {
		each((listener) -> listener.lockHeld(holders));
	}

	@Override
	public void lockWaited(Duration waited) {
		each((listener) -> listener.lockWaited(waited));
	}

	@Override
	public void planned(MigrationPlan plan) {
		each((listener) -> listener.planned(plan));
	}

	@Override
	public void blocked(Migration migration, List<SessionInfo> blockers) {
		each((listener) -> listener.blocked(migration, blockers));
	}

	@Override
	public void migrationFinished(Migration migration, Duration duration, boolean success) {
		each((listener) -> listener.migrationFinished(migration, duration, success));
	}

	@Override
	public void failed(MigrationException failure) {
		each((listener) -> listener.failed(failure));
	}

	private void each(Consumer<MigrationListener> event) {
		for (MigrationListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed; ignoring it", listener.getClass().getName(), ex);
			}
		}
	}

}
