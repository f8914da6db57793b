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

import org.jspecify.annotations.Nullable;

/**
 * Compares the catalog and the held locks before and after every statement of a dry run,
 * and classifies what each statement did to objects that existed before the run — the
 * objects the running (old) version uses while a start-first deploy runs the new
 * version's migrations. Objects created by the run itself are invisible to the old
 * version and never reported beyond {@code info}.
 */
final class CompatibilityAnalyzer implements DryRunObserver {

	private static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";

	private @Nullable CatalogState initial;

	private @Nullable CatalogState previous;

	private Set<String> previousLocks = Set.of();

	private final List<Finding> findings = new ArrayList<>();

	private final Map<Long, List<String>> locksByVersion = new LinkedHashMap<>();

	@Override
	public void started(Connection connection) throws SQLException {
		this.initial = CatalogState.read(connection);
		this.previous = this.initial;
		this.previousLocks = relationLocks(connection);
	}

	@Override
	public void afterStatement(Connection connection, Migration migration, SqlStatement statement) throws SQLException {
		CatalogState current = CatalogState.read(connection);
		Set<String> locks = relationLocks(connection);
		Set<String> newLocks = new HashSet<>(locks);
		newLocks.removeAll(this.previousLocks);
		Findings found = new Findings(migration, statement);
		new CatalogDiff(this.initial, this.previous, current, isConcurrentIndex(migration, statement)).compare(found);
		for (String lock : newLocks) {
			this.locksByVersion.computeIfAbsent(migration.version(), (v) -> new ArrayList<>()).add(lock);
			String relation = lock.substring(lock.indexOf(" on ") + 4);
			if (lock.startsWith(ACCESS_EXCLUSIVE) && !found.mentions(relation)) {
				found.add(Rule.ACCESS_EXCLUSIVE_LOCK, relation, "takes an ACCESS EXCLUSIVE lock on " + relation
						+ " without a catalog change that needs it; every read and write of it waits until the migration commits");
			}
		}
		this.findings.addAll(found.list());
		this.previous = current;
		this.previousLocks = locks;
	}

	/**
	 * A no-transaction migration's CONCURRENTLY was stripped for the dry run; production
	 * builds it without blocking.
	 */
	private static boolean isConcurrentIndex(Migration migration, SqlStatement statement) {
		return !migration.transactional() && statement.hasWord("CONCURRENTLY");
	}

	/** Relation locks held by this session on relations that existed before the run. */
	private Set<String> relationLocks(Connection connection) throws SQLException {
		Set<String> locks = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT l.mode, l.relation FROM pg_locks l"
						+ " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted")) {
			while (rs.next()) {
				long oid = rs.getLong(2);
				CatalogState.Relation relation = this.initial.relations().get(oid);
				if (relation != null && relation.kind() != 'i' && relation.kind() != 'I') {
					locks.add(rs.getString(1) + " on " + relation.name());
				}
			}
		}
		return locks;
	}

	@Override
	public List<String> locksTakenBy(Migration migration) {
		return this.locksByVersion.getOrDefault(migration.version(), List.of()).stream().sorted().toList();
	}

	@Override
	public List<Finding> findings() {
		return List.copyOf(this.findings);
	}

	/**
	 * The findings of one statement.
	 */
	static final class Findings {

		private final Migration migration;

		private final SqlStatement statement;

		private final List<Finding> list = new ArrayList<>();

		Findings(Migration migration, SqlStatement statement) {
			this.migration = migration;
			this.statement = statement;
		}

		void add(Rule rule, String object, String message) {
			Finding finding = Finding.of(rule, this.migration.version(), this.migration.fileName(),
					this.statement.line(), oneLine(this.statement.text()), object, message);
			String allowed = this.migration.allowance(rule, this.statement);
			this.list.add((allowed != null) ? finding.allowed(allowed) : finding);
		}

		boolean mentions(String relation) {
			return this.list.stream()
				.anyMatch((f) -> f.object().equals(relation) || f.object().startsWith(relation + "."));
		}

		List<Finding> list() {
			return this.list;
		}

		private static String oneLine(String sql) {
			String flat = sql.replaceAll("\\s+", " ").strip();
			return (flat.length() > 200) ? flat.substring(0, 197) + "..." : flat;
		}

	}

}
