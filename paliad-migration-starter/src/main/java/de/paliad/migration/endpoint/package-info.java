/**
 * The read-only {@code migrations} Actuator endpoint.
 */
@NullMarked
package de.paliad.migration.endpoint;

import org.jspecify.annotations.NullMarked;
