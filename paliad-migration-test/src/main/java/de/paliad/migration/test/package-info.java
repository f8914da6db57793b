/**
 * Test support for users of paliad-migration: per-test databases copied from a migrated
 * template ({@link de.paliad.migration.test.MigratedDatabase},
 * {@link de.paliad.migration.test.DatabaseTemplates}) and AssertJ assertions for the CI
 * gate ({@link de.paliad.migration.test.DryRunResultAssert}).
 */
@NullMarked
package de.paliad.migration.test;

import org.jspecify.annotations.NullMarked;
