/**
 * The boot-time migration run and its failure handling: the {@code migrate} mode, the one
 * place that ends the process, readiness, and the failure analysis.
 */
@NullMarked
package de.paliad.migration.startup;

import org.jspecify.annotations.NullMarked;
