/**
 * The migrator's Micrometer meters.
 */
@NullMarked
package de.paliad.migration.metrics;

import org.jspecify.annotations.NullMarked;
