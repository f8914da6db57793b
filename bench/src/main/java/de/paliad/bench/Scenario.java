package de.paliad.bench;

import java.util.Set;

/**
 * What a measured run starts from and what it must do. Each run gets a fresh database:
 * empty for (a), otherwise a copy of a template that the tool itself prepared (outside
 * the timing) from the set minus the versions {@link #leftOut(int)} names.
 */
enum Scenario {

	APPLY_ALL("a", "apply all N to an empty database"),

	BOOT_CHECK("b", "boot check: all N applied, nothing pending"),

	ONE_PENDING("c", "one pending (version N) among N-1 applied"),

	OUT_OF_ORDER("d", "out of order: all applied except N/2, which is pending");

	private final String id;

	private final String description;

	Scenario(String id, String description) {
		this.id = id;
		this.description = description;
	}

	static Scenario of(String id) {
		for (Scenario scenario : values()) {
			if (scenario.id.equalsIgnoreCase(id.strip())) {
				return scenario;
			}
		}
		throw new IllegalArgumentException("Unknown scenario '" + id + "'; use a, b, c or d");
	}

	String id() {
		return this.id;
	}

	String description() {
		return this.description;
	}

	/** Whether the run starts from a prepared database (every scenario but (a)). */
	boolean prepared() {
		return this != APPLY_ALL;
	}

	/** The versions the prepared database lacks. */
	Set<Long> leftOut(int n) {
		return switch (this) {
			case APPLY_ALL, BOOT_CHECK -> Set.of();
			case ONE_PENDING -> Set.of((long) n);
			case OUT_OF_ORDER -> Set.of((long) n / 2);
		};
	}

}
