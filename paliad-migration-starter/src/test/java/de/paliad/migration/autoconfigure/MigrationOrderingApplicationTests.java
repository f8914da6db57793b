package de.paliad.migration.autoconfigure;

import de.paliad.migration.fixtures.StarterApplicationTest;
import de.paliad.migration.fixtures.app.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations run before any bean that uses the database: a bean registered before the
 * auto-configuration reads a migrated table in its constructor.
 */
@StarterApplicationTest(classes = { MigrationOrderingApplicationTests.ItemCounter.class, TestApplication.class },
		webEnvironment = WebEnvironment.NONE, properties = "paliad.migration.locations=classpath:paliad/good")
class MigrationOrderingApplicationTests {

	@Autowired
	ItemCounter counter;

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
