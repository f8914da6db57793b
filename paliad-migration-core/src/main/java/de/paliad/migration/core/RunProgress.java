package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What one session's run has committed and what it has in flight, so that a lost
 * connection can be reported with what the operator must know next: which migrations are
 * in, and whether the one that was running is.
 */
final class RunProgress {

	private final List<String> committed = new ArrayList<>();

	private List<String> inFlight = List.of();

	private boolean transactional;

	private boolean commitSent;

	/**
	 * A migration (or, in batch mode, several) starts.
	 * @param labels the migrations, e.g. {@code 3 (3_orders.up.sql)}
	 * @param transactional whether they run in one transaction
	 */
	void started(List<String> labels, boolean transactional) {
		this.inFlight = List.copyOf(labels);
		this.transactional = transactional;
		this.commitSent = false;
	}

	/** The transaction's COMMIT is about to be sent. */
	void committing() {
		this.commitSent = true;
	}

	/** What is in flight is committed (or, without a transaction, recorded). */
	void committed() {
		this.committed.addAll(this.inFlight);
		this.inFlight = List.of();
	}

	static String label(Migration migration, String fileName) {
		return migration.version() + " (" + fileName + ")";
	}

	/**
	 * Two sentences: what this run committed, and what was in flight and whether it
	 * committed.
	 */
	String describe() {
		String done = this.committed.isEmpty() ? "No migration of this run had committed."
				: "Committed by this run: " + String.join(", ", this.committed) + ".";
		return done + " " + describeInFlight();
	}

	private String describeInFlight() {
		if (this.inFlight.isEmpty()) {
			return "No migration was in flight.";
		}
		String running = "In flight: " + String.join(", ", this.inFlight);
		if (!this.transactional) {
			return running + ", a no-transaction migration: whether it committed is unknown — check the tracker"
					+ " (it has no row unless it completed) and the schema; statements before the loss stayed applied.";
		}
		if (this.commitSent) {
			return running + ": the connection died while committing, so whether it committed is unknown — check the"
					+ " tracker.";
		}
		return running + ": not committed; its transaction died with the connection and was rolled back.";
	}

}
