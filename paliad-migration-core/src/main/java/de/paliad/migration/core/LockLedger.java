package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statement took which relation lock, and how long it was held. A statement's locks
 * are those held after it minus those held before it in the same transaction (PostgreSQL
 * keeps every lock until commit); a lock is held from the statement that took it until
 * its migration finishes. Only locks on relations the running version uses count: not the
 * pending set's own objects, not indexes, not the runner's tracker (which the catalog
 * state leaves out).
 */
final class LockLedger {

	static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";

	/**
	 * A lock one statement took.
	 *
	 * @param mode e.g. {@code AccessExclusiveLock}
	 * @param relation the relation's OID
	 * @param name {@code schema.name}
	 * @param statement the statement that took it
	 * @param takenAt {@link System#nanoTime()} when the statement began (the lock is
	 * taken at its start)
	 */
	record Hold(String mode, long relation, String name, SqlStatement statement, long takenAt) {

	}

	private final Map<Long, List<Hold>> byVersion = new LinkedHashMap<>();

	private final Map<Hold, Long> heldMillis = new LinkedHashMap<>();

	private Set<String> previous = Set.of();

	private long mark = System.nanoTime();

	/** A transaction (or a migration in the one-transaction dry run) begins. */
	void begin(Connection connection) throws SQLException {
		this.previous = held(connection).keySet();
		this.mark = System.nanoTime();
	}

	/**
	 * The locks a statement took on pre-existing relations.
	 * @param connection the rehearsal's connection
	 * @param migration the statement's migration
	 * @param statement the statement
	 * @param baseline what existed before the pending set
	 * @param before the catalog before the statement, for names
	 * @param after the catalog after the statement: a relation it dropped (a table with
	 * its owned sequence) is left out, as nothing can queue on it any more and its users
	 * are the drop's finding
	 * @return the new locks
	 * @throws SQLException on a database error
	 */
	List<Hold> taken(Connection connection, Migration migration, SqlStatement statement, Baseline baseline,
			CatalogState before, CatalogState after) throws SQLException {
		Map<String, String[]> current = held(connection);
		List<Hold> taken = new ArrayList<>();
		for (var entry : current.entrySet()) {
			long oid = Long.parseLong(entry.getValue()[1]);
			CatalogState.Relation relation = before.relations().get(oid);
			if (this.previous.contains(entry.getKey()) || !baseline.hasRelation(oid) || relation == null
					|| relation.isIndex() || !after.relations().containsKey(oid)) {
				continue;
			}
			Hold hold = new Hold(entry.getValue()[0], oid, relation.name(), statement, this.mark);
			taken.add(hold);
			this.byVersion.computeIfAbsent(migration.version(), (v) -> new ArrayList<>()).add(hold);
		}
		this.previous = current.keySet();
		return taken;
	}

	/** The next statement begins now (after the analysis of the last one). */
	void mark() {
		this.mark = System.nanoTime();
	}

	/** The migration's transaction ends: its locks are released. */
	void release(Migration migration) {
		long now = System.nanoTime();
		for (Hold hold : this.byVersion.getOrDefault(migration.version(), List.of())) {
			this.heldMillis.putIfAbsent(hold, (now - hold.takenAt()) / 1_000_000);
		}
	}

	/** The locks the migration took so far, in the order taken. */
	List<Hold> holds(Migration migration) {
		return this.byVersion.getOrDefault(migration.version(), List.of());
	}

	/** How long the lock was held, or -1 while its migration runs. */
	long heldMillis(Hold hold) {
		return this.heldMillis.getOrDefault(hold, -1L);
	}

	/**
	 * The migration's locks for its report line, e.g.
	 * {@code AccessExclusiveLock on public.orders (held 12 ms)}.
	 */
	List<String> describe(Migration migration) {
		Set<String> seen = new HashSet<>();
		return holds(migration).stream().map((hold) -> {
			long millis = heldMillis(hold);
			return hold.mode() + " on " + hold.name() + ((millis >= 0) ? " (held " + millis + " ms)" : "");
		}).filter(seen::add).sorted().toList();
	}

	/** This session's granted relation locks, keyed {@code mode:oid}. */
	private static Map<String, String[]> held(Connection connection) throws SQLException {
		Map<String, String[]> locks = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT mode, relation FROM pg_locks"
						+ " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted")) {
			while (rs.next()) {
				locks.put(rs.getString(1) + ":" + rs.getLong(2), new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		return locks;
	}

}
