package de.paliad.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PaliadMigrationInitializer}.
 */
class PaliadMigrationInitializerTests {

	private final Migrator migrator = new Migrator(Fixtures.unreachable(), MigrationConfiguration.builder().build());

	@Test
	void runsTheStrategyWithTheMigratorWhenInitialized() {
		List<Migrator> runs = new ArrayList<>();
		new PaliadMigrationInitializer(this.migrator, runs::add).afterPropertiesSet();
		assertThat(runs).containsExactly(this.migrator);
	}

	@Test
	void requiresAMigratorAndAStrategy() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PaliadMigrationInitializer(null, (m) -> {
		})).withMessageContaining("migrator");
		assertThatIllegalArgumentException().isThrownBy(() -> new PaliadMigrationInitializer(this.migrator, null))
			.withMessageContaining("strategy");
	}

}
