package de.paliad.migration.autoconfigure;

import de.paliad.migration.autoconfigure.app.TestApplication;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations run before any bean that uses the database: a bean registered before the
 * auto-configuration reads a migrated table in its constructor.
 */
@SpringBootTest(classes = { MigrationOrderingApplicationTests.ItemCounter.class, TestApplication.class },
		webEnvironment = WebEnvironment.NONE, properties = "paliad.migration.locations=classpath:paliad/good")
@DirtiesContext
class MigrationOrderingApplicationTests {

	static final TestDatabase database = TestDatabases.create();

	@Autowired
	ItemCounter counter;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void aJdbcTemplateUserSeesTheMigratedSchemaInItsConstructor() {
		assertThat(this.counter.items).isEqualTo(1);
		assertThat(this.counter.hasPriceColumn).isTrue();
	}

	static class ItemCounter {

		final int items;

		final boolean hasPriceColumn;

		ItemCounter(JdbcTemplate jdbc) {
			this.items = jdbc.queryForObject("SELECT count(*) FROM items", Integer.class);
			this.hasPriceColumn = jdbc.queryForObject("SELECT count(*) FROM information_schema.columns"
					+ " WHERE table_name = 'items' AND column_name = 'price'", Integer.class) == 1;
		}

	}

}
