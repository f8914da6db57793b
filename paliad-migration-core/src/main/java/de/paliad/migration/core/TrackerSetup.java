package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * When {@code migrate} creates the tracker — before the run, in autocommit before a
 * {@code no-transaction} migration, or inside the first batch transaction, so that a
 * failed batch leaves the database exactly as before — and when the observer starts: once
 * the tracker exists, so the runner's own table is never mistaken for a migration's.
 */
final class TrackerSetup {

	private final MigrationSession session;

	private final MigrationSet onDisk;

	private final Tracker tracker;

	private final DryRunObserver observer;

	private boolean missing;

	private boolean observing;

	/**
	 * @param missing whether the tracker is still to be created; otherwise it exists and
	 * the observer starts now
	 */
	TrackerSetup(MigrationSession session, MigrationSet onDisk, Tracker tracker, DryRunObserver observer,
			boolean missing) throws SQLException {
		this.session = session;
		this.onDisk = onDisk;
		this.tracker = tracker;
		this.observer = observer;
		this.missing = missing;
		if (!missing) {
			startObserver(session.connection());
		}
	}

	/** What runs first in a migration transaction: nothing once the tracker exists. */
	StatementRunner.Prologue prologue() {
		return this.missing ? this::prologue : StatementRunner.Prologue.NONE;
	}

	/** Creates a missing tracker now, in autocommit. */
	void createNow() throws SQLException {
		if (this.missing) {
			this.session.prepareTracker(this.onDisk);
			this.missing = false;
			startObserver(this.session.connection());
		}
	}

	/**
	 * First inside a batch transaction: creates a missing tracker, which commits or rolls
	 * back with the batch.
	 */
	void prologue(Connection connection) throws SQLException {
		if (this.missing) {
			this.tracker.createSchemaIfMissing(connection);
			this.tracker.create(connection);
			// Started again on a retry: the attempt before was rolled back.
			this.observer.started(connection);
		}
	}

	/** The transaction whose prologue ran has committed. */
	void committed() {
		if (this.missing) {
			this.missing = false;
			this.observing = true;
		}
	}

	private void startObserver(Connection connection) throws SQLException {
		if (!this.observing) {
			this.observer.started(connection);
			this.observing = true;
		}
	}

}
