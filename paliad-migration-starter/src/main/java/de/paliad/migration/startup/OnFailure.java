package de.paliad.migration.startup;

/**
 * What a failed migration run at startup does to the process.
 */
public enum OnFailure {

	/**
	 * Keep the process alive with readiness refusing traffic and liveness correct; retry
	 * transient failures every 'retry-interval'.
	 */
	UNREADY,

	/** Stop the process with the exit code of the failure. */
	EXIT

}
