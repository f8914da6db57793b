package de.paliad.migration.test.spring;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationListener;
import de.paliad.migration.test.DatabaseTemplates;
import de.paliad.migration.test.MigratedDatabase;
import de.paliad.migration.test.Sql;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot test with {@link MigratedDatabase}: the application's data source points
 * at a copy of the migrated template, and the starter, checking the same set at start-up,
 * finds everything applied and applies nothing.
 */
@SpringBootTest(classes = MigratedDatabaseSpringTests.App.class)
@MigratedDatabase(locations = "classpath:sets/spring")
class MigratedDatabaseSpringTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AppliedByTheStarter appliedByTheStarter;

	@Test
	void dataSourcePointsAtACopy() {
		assertThat(Sql.string(this.dataSource, "SELECT current_database()")).startsWith(DatabaseTemplates.COPY_PREFIX);
		assertThat(Sql.number(this.dataSource, "SELECT count(*) FROM items")).isEqualTo(2);
	}

	@Test
	void starterFindsEveryMigrationAppliedAndAppliesNone() {
		assertThat(this.appliedByTheStarter.count.get()).isZero();
		assertThat(Sql.number(this.dataSource, "SELECT count(*) FROM applied_migrations")).isEqualTo(2);
	}

	@Test
	void starterChecksTheAnnotationsLocations(@Autowired Environment environment) {
		assertThat(environment.getProperty("paliad.migration.locations")).isEqualTo("classpath:sets/spring");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		AppliedByTheStarter appliedByTheStarter() {
			return new AppliedByTheStarter();
		}

	}

	/** Counts the migrations the starter's migrator applies. */
	static class AppliedByTheStarter implements MigrationListener {

		final AtomicInteger count = new AtomicInteger();

		@Override
		public void migrationFinished(Migration migration, Duration duration, boolean success) {
			this.count.incrementAndGet();
		}

	}

}
