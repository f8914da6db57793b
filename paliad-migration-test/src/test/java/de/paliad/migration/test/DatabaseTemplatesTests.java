package de.paliad.migration.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.paliad.migration.core.MigrationConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine under the extension and the Spring integration: one template per distinct
 * migration set, copies of it, dropped on close. Real PostgreSQL (embedded, or the server
 * of {@code PALIAD_TEST_JDBC_URL}).
 */
class DatabaseTemplatesTests {

	private final DatabaseTemplates templates = DatabaseTemplates.fromEnvironment();

	@Test
	void copyHasEveryMigrationAppliedAndRecorded() {
		try (DatabaseCopy copy = this.templates.copy(set("a"))) {
			assertThat(copy.name()).startsWith(DatabaseTemplates.COPY_PREFIX);
			assertThat(Sql.number(copy.dataSource(), "SELECT count(*) FROM items")).isEqualTo(2);
			assertThat(Sql.string(copy.dataSource(),
					"SELECT string_agg(version || '_' || name, ',' ORDER BY version)" + " FROM applied_migrations"))
				.isEqualTo("1_create_items,2_seed_items");
		}
	}

	@Test
	void secondCopyOfTheSameSetReusesTheTemplateWithoutMigrating() {
		try (DatabaseCopy first = this.templates.copy(set("a"))) {
			int migrated = this.templates.templatesMigrated();
			try (DatabaseCopy second = this.templates.copy(set("a"))) {
				assertThat(this.templates.templatesMigrated()).isEqualTo(migrated);
				assertThat(second.template()).isEqualTo(first.template());
				assertThat(second.name()).isNotEqualTo(first.name());
				// Both carry the template's tracker rows, timestamps included: migrated
				// once.
				assertThat(appliedAt(second)).isEqualTo(appliedAt(first));
			}
		}
	}

	@Test
	void differentSetGetsItsOwnTemplate() {
		try (DatabaseCopy a = this.templates.copy(set("a")); DatabaseCopy b = this.templates.copy(set("b"))) {
			assertThat(b.template()).isNotEqualTo(a.template());
			assertThat(Sql.number(b.dataSource(), "SELECT count(*) FROM orders")).isZero();
			assertThat(Sql.number(b.dataSource(), "SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
		}
	}

	@Test
	void changedFileMeansAnotherSet(@TempDir Path one, @TempDir Path two) throws IOException {
		Files.writeString(one.resolve("1_create_t.up.sql"), "CREATE TABLE t (id int);");
		Files.writeString(two.resolve("1_create_t.up.sql"), "CREATE TABLE t (id bigint);");
		assertThat(DatabaseTemplates.key(filesystem(one))).isNotEqualTo(DatabaseTemplates.key(filesystem(two)));
	}

	@Test
	void sameFilesInAnotherPlaceAreTheSameSet(@TempDir Path one, @TempDir Path two) throws IOException {
		for (Path directory : new Path[] { one, two }) {
			Files.writeString(directory.resolve("1_create_t.up.sql"), "CREATE TABLE t (id int);");
		}
		assertThat(DatabaseTemplates.key(filesystem(one))).isEqualTo(DatabaseTemplates.key(filesystem(two)));
	}

	@Test
	void templateAcceptsNoConnectionsSoItCanBeCopiedAnyTime() {
		try (DatabaseCopy copy = this.templates.copy(set("a"))) {
			assertThat(Sql.templateFlags(copy.server(), copy.template())).isEqualTo("true,false");
		}
	}

	@Test
	void closeDropsTheCopyEvenWithSessionsOpen() throws Exception {
		DatabaseCopy copy = this.templates.copy(set("a"));
		try (var open = copy.dataSource().getConnection()) {
			copy.close();
			assertThat(Sql.exists(copy.server(), copy.name())).isFalse();
		}
		copy.close(); // idempotent
	}

	@Test
	void copiesMadeAheadOfTimeAreWholeCopiesOfTheTemplate() throws InterruptedException {
		this.templates.copy(set("a")).close();
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
		while (this.templates.readyCopies(set("a")) < CopyPool.DEFAULT_SIZE && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.templates.readyCopies(set("a"))).isEqualTo(CopyPool.DEFAULT_SIZE);
		try (DatabaseCopy pooled = this.templates.copy(set("a"))) {
			assertThat(Sql.exists(pooled.server(), pooled.name())).isTrue();
			assertThat(Sql.number(pooled.dataSource(), "SELECT count(*) FROM items")).isEqualTo(2);
			assertThat(Sql.number(pooled.dataSource(), "SELECT count(*) FROM applied_migrations")).isEqualTo(2);
		}
	}

	static MigrationConfiguration set(String name) {
		return MigrationConfiguration.builder().locations("classpath:sets/" + name).build();
	}

	private static MigrationConfiguration filesystem(Path directory) {
		return MigrationConfiguration.builder().locations("filesystem:" + directory).build();
	}

	static String appliedAt(DatabaseCopy copy) {
		return Sql.string(copy.dataSource(),
				"SELECT string_agg(applied_at::text, ',' ORDER BY version)" + " FROM applied_migrations");
	}

}
