package de.paliad.migration.core;

/**
 * What a {@link Severity#BREAKING} finding of the dry run does to the CI gate.
 */
public enum CompatPolicy {

	/**
	 * Fail the gate (exit code 3) unless the migration carries
	 * {@code -- paliad:allow-breaking <reason>}.
	 */
	FAIL,

	/** Report it and pass. */
	WARN,

	/** Do not analyse compatibility at all (a plain dry run). */
	OFF

}
