package de.paliad.bench;

/**
 * A tool as configured for one measured run: its defaults, or with its out-of-order
 * option on (scenario (d) only).
 *
 * @param tool the tool
 * @param outOfOrder whether the out-of-order option is on
 */
record Variant(Tool tool, boolean outOfOrder) {

	String label() {
		return this.outOfOrder ? this.tool.label() + " (outOfOrder=true)" : this.tool.label();
	}

	String key() {
		return this.outOfOrder ? this.tool.id() + "+ooo" : this.tool.id();
	}

}
