package de.paliad.bench;

/**
 * One measured run of one tool.
 *
 * @param n the set size
 * @param scenario the scenario
 * @param variant the tool and its options
 * @param run the run's number, from 1
 * @param measurement what the child JVM measured
 * @param trackerRows the tool's tracker rows afterwards
 * @param middleApplied whether version N/2 is recorded afterwards (scenario (d))
 */
record Sample(int n, Scenario scenario, Variant variant, int run, ChildJvm.Measurement measurement, long trackerRows,
		boolean middleApplied) {

	/** Whether the run did what a correct run must: succeed and leave all N recorded. */
	boolean complete() {
		return this.measurement.ok() && this.trackerRows == this.n;
	}

}
