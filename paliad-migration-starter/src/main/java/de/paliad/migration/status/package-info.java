/**
 * The live status of the boot-time migration run that health, metrics, readiness and the
 * traffic gate read. Spring-free.
 */
@NullMarked
package de.paliad.migration.status;

import org.jspecify.annotations.NullMarked;
