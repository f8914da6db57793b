/**
 * The {@code paliad-migration-maven-plugin}: the build-time half of the migrator, with
 * the goals {@code validate} (offline checks of the migration files), {@code index} (the
 * index the migrator reads at boot) and {@code gate} (the CI deploy gate on an embedded
 * PostgreSQL).
 */
@NullMarked
package de.paliad.migration.maven;

import org.jspecify.annotations.NullMarked;
