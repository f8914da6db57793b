/**
 * The Spring test integration of {@link de.paliad.migration.test.MigratedDatabase}: a
 * context customizer that points the test context's data source at a copy of the migrated
 * template, and a listener that drops the copy when the test class (or method) is done.
 * Registered in {@code META-INF/spring.factories}; needs {@code spring-test} and Spring
 * Boot's JDBC module.
 */
@NullMarked
package de.paliad.migration.test.spring;

import org.jspecify.annotations.NullMarked;
