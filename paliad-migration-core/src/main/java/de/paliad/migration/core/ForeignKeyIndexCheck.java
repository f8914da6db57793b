package de.paliad.migration.core;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * After the last migration: a foreign key the pending set added whose referencing columns
 * no index leads with. Checked at the end, so an index a later pending migration builds
 * counts.
 */
final class ForeignKeyIndexCheck {

	private final CatalogState end;

	ForeignKeyIndexCheck(CatalogState end) {
		this.end = end;
	}

	/**
	 * @param added the foreign keys the pending set added, each with the findings of the
	 * statement that added it
	 * @param report receives the findings
	 */
	void check(Map<Long, Findings> added, Consumer<List<Finding>> report) {
		for (var entry : added.entrySet()) {
			CatalogState.Constraint fk = this.end.constraints().get(entry.getKey());
			if (fk == null || fk.keys().isEmpty() || indexed(fk)) {
				continue;
			}
			Findings source = entry.getValue();
			Findings found = new Findings(source.migration(), source.statement());
			String column = this.end.columnName(fk.relation(), fk.keys().get(0));
			String table = this.end.relationName(fk.relation());
			found.add(Rule.FOREIGN_KEY_WITHOUT_INDEX, column, "foreign key " + fk.name() + " of " + table
					+ " has no index leading with its columns: every delete or key update of the referenced table"
					+ " scans " + table + ", and joins on it scan too; build an index on the referencing columns"
					+ " (CONCURRENTLY on an existing table)");
			report.accept(found.list());
		}
	}

	private boolean indexed(CatalogState.Constraint fk) {
		int n = fk.keys().size();
		return this.end.relations()
			.values()
			.stream()
			.anyMatch((index) -> index.isIndex() && index.table() == fk.relation() && index.keys().size() >= n
					&& new HashSet<>(index.keys().subList(0, n)).equals(new HashSet<>(fk.keys())));
	}

}
