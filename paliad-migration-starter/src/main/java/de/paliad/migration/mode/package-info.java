/**
 * The command-line modes (every {@code paliad.migration.mode} but {@code migrate}): run
 * one, print its report, return the documented exit code.
 */
@NullMarked
package de.paliad.migration.mode;

import org.jspecify.annotations.NullMarked;
