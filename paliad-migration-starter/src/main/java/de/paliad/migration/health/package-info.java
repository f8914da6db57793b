/**
 * The {@code migrations} health indicator.
 */
@NullMarked
package de.paliad.migration.health;

import org.jspecify.annotations.NullMarked;
