package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * One change a pending migration makes, found by the CI gate, with the rule that found it
 * and the statement that made it.
 *
 * @param rule the rule that produced the finding
 * @param severity how much it matters to the running version
 * @param version the migration's version
 * @param fileName the migration's file
 * @param line the statement's line in the file
 * @param statement the statement, shortened to one line
 * @param object the affected object, e.g. {@code public.orders.status}
 * @param message what changed and why it matters
 * @param allowedBecause the reason of the directive that allows it, or {@code null}
 * @param size the production size of the affected table, e.g. {@code ~12 M rows, 3.1 GB},
 * or {@code null} when unknown or not applicable
 * @param overSizeLimit whether the table is larger than the configured limit, so a
 * blocking finding fails the gate
 */
public record Finding(Rule rule, Severity severity, long version, String fileName, int line, String statement,
		String object, String message, @Nullable String allowedBecause, @Nullable String size, boolean overSizeLimit) {

	/**
	 * A finding with the rule's default severity, no allowance and no size.
	 * @param rule the rule
	 * @param version the migration's version
	 * @param fileName the migration's file
	 * @param line the statement's line
	 * @param statement the statement, one line
	 * @param object the affected object
	 * @param message what changed and why it matters
	 * @return the finding
	 */
	public static Finding of(Rule rule, long version, String fileName, int line, String statement, String object,
			String message) {
		return new Finding(rule, rule.severity(), version, fileName, line, statement, object, message, null, null,
				false);
	}

	/**
	 * Whether this finding fails the gate: not allowed by a directive, and either
	 * breaking or blocking on a table larger than the size limit.
	 * @return whether it fails the gate
	 */
	public boolean failsGate() {
		return this.allowedBecause == null
				&& (this.severity == Severity.BREAKING || (this.severity == Severity.BLOCKING && this.overSizeLimit));
	}

	/**
	 * This finding, allowed by a directive.
	 * @param reason the directive's reason
	 * @return the allowed finding
	 */
	public Finding allowed(String reason) {
		return new Finding(this.rule, this.severity, this.version, this.fileName, this.line, this.statement,
				this.object, this.message, reason, this.size, this.overSizeLimit);
	}

	/**
	 * This finding with the production size of its table.
	 * @param size the size, e.g. {@code ~12 M rows, 3.1 GB}
	 * @param overLimit whether the table is larger than the size limit
	 * @return the finding with its size
	 */
	public Finding withSize(String size, boolean overLimit) {
		return new Finding(this.rule, this.severity, this.version, this.fileName, this.line, this.statement,
				this.object, this.message, this.allowedBecause, size, overLimit);
	}

	@Override
	public String toString() {
		return this.severity + " [" + this.rule.id() + "] " + this.fileName + " line " + this.line + ": " + this.message
				+ ((this.size != null) ? " (" + this.size + ")" : "") + " — " + this.statement
				+ ((this.allowedBecause != null) ? " (allowed: " + this.allowedBecause + ")" : "");
	}

}
