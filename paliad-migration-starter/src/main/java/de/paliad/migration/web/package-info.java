/**
 * The servlet traffic gate: {@code 503} for application requests while the migrations are
 * not applied.
 */
@NullMarked
package de.paliad.migration.web;

import org.jspecify.annotations.NullMarked;
