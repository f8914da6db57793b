package de.paliad.migration.endpoint;

import java.nio.file.Path;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.endpoint.MigrationsEndpoint.MigrationDescriptor;
import de.paliad.migration.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import de.paliad.migration.fixtures.Fixtures;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link MigrationsEndpoint}, against a real database.
 */
class MigrationsEndpointTests {

	@Test
	void reportsEveryKindOfStatus(@TempDir Path folder) {
		MigrationDirectory files = new MigrationDirectory(folder).write("1_one.up.sql", "CREATE TABLE one (id int);")
			.write("2_two.up.sql", "CREATE TABLE two (id int);")
			.write("3_three.up.sql", "CREATE TABLE three (id int);")
			.write("4_four.up.sql", "CREATE TABLE four (id int);");
		try (TestDatabase database = TestDatabases.create()) {
			Migrator migrator = new Migrator(database.dataSource(),
					MigrationConfiguration.builder().locations(files.location()).build());
			migrator.migrate();
			files.delete("4_four.up.sql")
				.write("3_three.up.sql", "CREATE TABLE three (id int); -- edited")
				.write("5_five.up.sql", "CREATE TABLE five (id int);");
			database.execute("UPDATE applied_migrations SET name = 'deux' WHERE version = 2");
			MigrationsDescriptor descriptor = new MigrationsEndpoint(migrator).migrations();
			assertThat(descriptor.error()).isNull();
			assertThat(descriptor.migrations()).extracting(MigrationDescriptor::version, MigrationDescriptor::status)
				.containsExactly(tuple(1L, "applied"), tuple(2L, "name-mismatch"), tuple(3L, "checksum-mismatch"),
						tuple(4L, "applied-missing-on-disk"), tuple(5L, "pending"));
			MigrationDescriptor applied = descriptor.migrations().get(0);
			assertThat(applied.name()).isEqualTo("one");
			assertThat(applied.appliedAt()).isNotNull();
			assertThat(applied.checksum()).hasSize(64);
			assertThat(applied.executionMs()).isNotNull();
			MigrationDescriptor pending = descriptor.migrations().get(4);
			assertThat(pending.appliedAt()).isNull();
			assertThat(pending.executionMs()).isNull();
			assertThat(descriptor.migrations().get(3).name()).isEqualTo("four");
		}
	}

	@Test
	void anUnreachableDatabaseGivesAnErrorInsteadOfAStackTrace(@TempDir Path folder) {
		MigrationDirectory files = new MigrationDirectory(folder).write("1_one.up.sql", "CREATE TABLE one (id int);");
		Migrator migrator = new Migrator(Fixtures.unreachable(),
				MigrationConfiguration.builder().locations(files.location()).build());
		MigrationsDescriptor descriptor = new MigrationsEndpoint(migrator).migrations();
		assertThat(descriptor.migrations()).isEmpty();
		assertThat(descriptor.error()).startsWith("Cannot connect to the database").doesNotContain("Exception");
	}

}
