package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Compares the catalog and the held locks before and after every statement of a
 * rehearsal, and classifies what each statement did to objects that existed before the
 * first pending migration — the objects the running (old) version uses while a
 * start-first deploy runs the new version's migrations. What the pending set creates is
 * invisible to the old version and never reported beyond {@code info}.
 */
final class CompatibilityAnalyzer implements DryRunObserver {

	private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "COPY");

	/**
	 * Locks only an ACCESS EXCLUSIVE waits for: reading another table is no slow work.
	 */
	private static final Set<String> WEAK = Set.of("AccessShareLock", "RowShareLock");

	private final TableName tracker;

	private final LockLedger locks = new LockLedger();

	private final List<Finding> findings = new ArrayList<>();

	/** Foreign keys the pending set added, with the statement that added each. */
	private final Map<Long, Findings> foreignKeys = new LinkedHashMap<>();

	/**
	 * ACCESS EXCLUSIVE locks held across later work, reported when their migration ends.
	 */
	private final Map<LockLedger.Hold, SqlStatement> heldAcross = new LinkedHashMap<>();

	private @Nullable Migration current;

	private @Nullable Baseline baseline;

	private @Nullable CatalogState previous;

	/**
	 * @param tracker the runner's tracker table, which is never reported
	 */
	CompatibilityAnalyzer(TableName tracker) {
		this.tracker = tracker;
	}

	@Override
	public void started(Connection connection) throws SQLException {
		CatalogState initial = CatalogState.read(connection, this.tracker);
		this.baseline = new Baseline(initial);
		this.previous = initial;
		this.locks.begin(connection);
	}

	@Override
	public void migrationStarted(Connection connection, Migration migration) throws SQLException {
		reportHeldAcross();
		this.current = migration;
		this.locks.begin(connection);
	}

	@Override
	public void afterStatement(Connection connection, Migration migration, SqlStatement statement) throws SQLException {
		if (this.baseline == null || this.previous == null) {
			throw new IllegalStateException("The rehearsal did not call started() before the first statement");
		}
		if (this.current != migration) {
			reportHeldAcross();
			this.current = migration;
		}
		Findings found = new Findings(migration, statement);
		// DML changes rows, not the catalog: skip the catalog read (the costly part); DDL
		// re-reads columns and constraints only of the relations it can have changed
		CatalogState now = DML.contains(statement.firstWord()) ? this.previous
				: CatalogRefresh.after(connection, this.tracker, this.previous);
		if (now != this.previous) {
			CatalogChange change = new CatalogChange(this.baseline, this.previous, now, statement,
					isConcurrent(migration, statement));
			new RelationDiff(change).compare(found);
			new IndexDiff(change).compare(found);
			new ColumnDiff(change).compare(found);
			new ConstraintDiff(change, (fk) -> this.foreignKeys.put(fk.oid(), found)).compare(found);
			new RoutineDiff(change).compare(found);
		}
		List<LockLedger.Hold> taken = this.locks.taken(connection, migration, statement, this.baseline, this.previous,
				now);
		explainAccessExclusive(taken, found);
		findHeldAcross(migration, statement, taken, found);
		this.findings.addAll(found.list());
		this.previous = now;
		this.locks.mark();
	}

	/**
	 * A brief catalog-only ACCESS EXCLUSIVE (SET DEFAULT, DROP CONSTRAINT …) is safe
	 * because the runner sets lock_timeout; only a lock no catalog change needs (LOCK
	 * TABLE) is reported as blocking.
	 */
	private static void explainAccessExclusive(List<LockLedger.Hold> taken, Findings found) {
		for (LockLedger.Hold hold : taken) {
			if (!hold.mode().equals(LockLedger.ACCESS_EXCLUSIVE) || found.mentions(hold.name())) {
				continue;
			}
			if (found.statement().firstWord().equals("LOCK")) {
				found.add(Rule.ACCESS_EXCLUSIVE_LOCK, hold.name(),
						"takes an ACCESS EXCLUSIVE lock on " + hold.name()
								+ " that no catalog change needs; every read and write of it waits until the migration"
								+ " commits. Lock in a weaker mode, or not at all");
			}
			else {
				found.add(Rule.CATALOG_ONLY_CHANGE, hold.name(),
						"takes a brief ACCESS EXCLUSIVE lock on " + hold.name()
								+ " for a catalog-only change (no rewrite, no scan); lock_timeout bounds how"
								+ " long traffic queues behind it");
			}
		}
	}

	/**
	 * An ACCESS EXCLUSIVE taken by an earlier statement of this migration is still held
	 * while this one does slow work: DML, a scan, a rewrite or an index build, or waiting
	 * for a lock on another pre-existing table.
	 */
	private void findHeldAcross(Migration migration, SqlStatement statement, List<LockLedger.Hold> taken,
			Findings found) {
		Set<Long> exclusive = new HashSet<>();
		for (LockLedger.Hold hold : this.locks.holds(migration)) {
			if (hold.mode().equals(LockLedger.ACCESS_EXCLUSIVE) && hold.statement() != statement) {
				exclusive.add(hold.relation());
			}
		}
		if (exclusive.isEmpty()) {
			return;
		}
		boolean slow = found.blocks() || DML.contains(statement.firstWord())
				|| (statement.firstWord().equals("WITH") && DML.stream().anyMatch(statement::hasWord))
				|| taken.stream()
					.anyMatch((hold) -> !exclusive.contains(hold.relation()) && !WEAK.contains(hold.mode())
							&& !isSequence(hold.relation()));
		if (!slow) {
			return;
		}
		for (LockLedger.Hold hold : this.locks.holds(migration)) {
			if (exclusive.contains(hold.relation()) && hold.mode().equals(LockLedger.ACCESS_EXCLUSIVE)
					&& hold.statement() != statement
					&& this.heldAcross.keySet()
						.stream()
						.noneMatch((h) -> h.relation() == hold.relation() && h.statement() == hold.statement())) {
				this.heldAcross.put(hold, statement);
			}
		}
	}

	/**
	 * A sequence is no table traffic queues on: ALTER SEQUENCE after a table's ACCESS
	 * EXCLUSIVE (Harbor 0190: robot_id_seq AS bigint) is brief catalog work, not a second
	 * table locked while the first is held.
	 */
	private boolean isSequence(long relation) {
		CatalogState.Relation known = (this.previous != null) ? this.previous.relations().get(relation) : null;
		return known != null && known.kind() == 'S';
	}

	private void reportHeldAcross() {
		if (this.current == null) {
			return;
		}
		Migration migration = this.current;
		this.locks.release(migration);
		for (var entry : this.heldAcross.entrySet()) {
			LockLedger.Hold hold = entry.getKey();
			SqlStatement later = entry.getValue();
			Findings found = new Findings(migration, hold.statement());
			found.add(Rule.LOCK_HELD_ACROSS_STATEMENTS, hold.name(),
					"the ACCESS EXCLUSIVE lock on " + hold.name() + " taken at line " + hold.statement().line()
							+ " is still held while line " + later.line() + " ("
							+ Findings.oneLine(later.text())
								.substring(0, Math.min(60, Findings.oneLine(later.text()).length()))
							+ ") runs, " + this.locks.heldMillis(hold)
							+ " ms in the rehearsal until commit; every read and"
							+ " write of it waits meanwhile. Do the slow work first, or in its own migration");
			this.findings.addAll(found.list());
		}
		this.heldAcross.clear();
		this.current = null;
	}

	@Override
	public void migrationFinished(Connection connection, Migration migration) throws SQLException {
		this.current = migration;
		reportHeldAcross();
		forgiveRecreated(connection, migration);
	}

	/**
	 * A view or function dropped and created again in the same migration (the usual way
	 * to change a view's columns or a function's return type) is replaced atomically: the
	 * running version never sees it missing.
	 */
	private void forgiveRecreated(Connection connection, Migration migration) throws SQLException {
		if (this.findings.stream().noneMatch((f) -> recreatable(f, migration))) {
			return;
		}
		CatalogState now = CatalogState.read(connection, this.tracker);
		Set<String> present = new HashSet<>(now.functions().values());
		now.relations().values().stream().filter(CatalogState.Relation::isView).forEach((v) -> present.add(v.name()));
		this.findings.removeIf((f) -> recreatable(f, migration) && present.contains(f.object()));
	}

	private static boolean recreatable(Finding finding, Migration migration) {
		return finding.version() == migration.version()
				&& (finding.rule() == Rule.DROP_VIEW || finding.rule() == Rule.DROP_FUNCTION);
	}

	@Override
	public void finished(Connection connection) throws SQLException {
		reportHeldAcross();
		CatalogState end = CatalogState.read(connection, this.tracker);
		new ForeignKeyIndexCheck(end).check(this.foreignKeys, this.findings::addAll);
	}

	/**
	 * A no-transaction migration's statement with CONCURRENTLY builds without blocking in
	 * production: run for real by the rehearsal, or with the keyword stripped by the
	 * one-transaction dry run.
	 */
	private static boolean isConcurrent(Migration migration, SqlStatement statement) {
		return !migration.transactional() && statement.hasWord("CONCURRENTLY");
	}

	@Override
	public List<String> locksTakenBy(Migration migration) {
		return this.locks.describe(migration);
	}

	@Override
	public List<Finding> findings() {
		return List.copyOf(this.findings);
	}

}
