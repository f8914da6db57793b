package de.paliad.migration.core;

/**
 * Functions, types and enum values changed by one statement. {@code CREATE OR REPLACE
 * FUNCTION} keeps the OID, so only a drop, a rename or a new signature shows.
 */
final class RoutineDiff {

	private final CatalogChange change;

	RoutineDiff(CatalogChange change) {
		this.change = change;
	}

	void compare(Findings found) {
		for (var entry : this.change.before().functions().entrySet()) {
			if (!this.change.baseline().hasFunction(entry.getKey())) {
				continue;
			}
			String now = this.change.after().functions().get(entry.getKey());
			String old = entry.getValue();
			if (now == null) {
				found.add(Rule.DROP_FUNCTION, old, "function " + old + " is dropped (or its signature changed) while"
						+ " the running version may call it; create the new one beside it and drop the old one in a later release");
			}
			else if (!now.equals(old)) {
				found.add(Rule.RENAME_FUNCTION, old, "function " + old + " is renamed to " + now
						+ "; the running version still calls the old name. Create the new one beside it instead");
			}
		}
		for (var entry : this.change.after().functions().entrySet()) {
			if (!this.change.before().functions().containsKey(entry.getKey())) {
				found.add(Rule.CREATE_OBJECT, entry.getValue(), "function " + entry.getValue() + " is created");
			}
		}
		for (var entry : this.change.after().types().entrySet()) {
			if (!this.change.before().types().containsKey(entry.getKey())) {
				found.add(Rule.CREATE_OBJECT, entry.getValue(), "type " + entry.getValue() + " is created");
			}
		}
		for (CatalogState.EnumValue value : this.change.after().enumValues().values()) {
			if (!this.change.before().enumValues().containsKey(value.oid())
					&& this.change.baseline().hasType(value.type())) {
				String type = this.change.after().types().getOrDefault(value.type(), "oid " + value.type());
				found.add(Rule.ENUM_VALUE_ADDED, type, "value '" + value.label() + "' is added to enum " + type
						+ "; the running version may read it and not know it. Deploy code that handles it first");
			}
		}
	}

}
