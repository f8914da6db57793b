package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * One change a pending migration makes, found by the dry run, with the statement that
 * made it.
 *
 * @param severity how much it matters to the running version
 * @param version the migration's version
 * @param fileName the migration's file
 * @param line the statement's line in the file
 * @param statement the statement, shortened to one line
 * @param object the affected object, e.g. {@code public.orders.status}
 * @param message what changed and why it matters
 * @param allowedBecause the migration's allow-breaking reason, or {@code null}
 */
public record Finding(Severity severity, long version, String fileName, int line, String statement, String object,
		String message, @Nullable String allowedBecause) {

	/**
	 * Whether this finding fails the gate: breaking and not allowed by the migration.
	 * @return whether it fails the gate
	 */
	public boolean failsGate() {
		return this.severity == Severity.BREAKING && this.allowedBecause == null;
	}

	@Override
	public String toString() {
		return this.severity + " " + this.fileName + " line " + this.line + ": " + this.message + " — " + this.statement
				+ ((this.allowedBecause != null) ? " (allowed: " + this.allowedBecause + ")" : "");
	}

}
