/**
 * The Spring-free applied-set migrator: {@link de.paliad.migration.core.Migrator} and its
 * configuration, results, listener and exceptions, plus the CI gate's entry point
 * {@link de.paliad.migration.core.MigrationGate}. Everything else (the SQL lexer, the
 * runner, the snapshot restore, the compatibility analysis) is package-private.
 */
@NullMarked
package de.paliad.migration.core;

import org.jspecify.annotations.NullMarked;
