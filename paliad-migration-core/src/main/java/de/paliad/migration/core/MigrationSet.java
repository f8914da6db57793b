package de.paliad.migration.core;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The migrations found on disk, by ascending version. Built by {@link MigrationLoader},
 * which guarantees one migration per version.
 */
public final class MigrationSet {

	private final NavigableMap<Long, Migration> byVersion;

	MigrationSet(NavigableMap<Long, Migration> byVersion) {
		this.byVersion = Collections.unmodifiableNavigableMap(new TreeMap<>(byVersion));
	}

	/**
	 * Every migration, by ascending version.
	 * @return the migrations
	 */
	public Collection<Migration> all() {
		return this.byVersion.values();
	}

	/**
	 * The migration of a version.
	 * @param version the version
	 * @return the migration, or {@code null}
	 */
	public @Nullable Migration get(long version) {
		return this.byVersion.get(version);
	}

	public boolean contains(long version) {
		return this.byVersion.containsKey(version);
	}

	public int size() {
		return this.byVersion.size();
	}

}
