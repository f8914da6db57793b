package de.paliad.migration.health;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.fixtures.Fixtures;
import de.paliad.migration.status.MigrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsHealthIndicator}.
 */
class MigrationsHealthIndicatorTests {

	private final MigrationStatus status = new MigrationStatus();

	private final MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(this.status);

	@Test
	void appliedIsUp() {
		this.status.stateChanged(MigrationState.APPLIED);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "APPLIED").doesNotContainKey("error");
	}

	@Test
	void disabledIsUp() {
		Health health = new MigrationsHealthIndicator(null).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "DISABLED");
	}

	@Test
	void unfinishedStatesAreOutOfService() {
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		this.status.stateChanged(MigrationState.WAITING_FOR_LOCK);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		this.status.stateChanged(MigrationState.MIGRATING);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void failedIsDownWithTheErrorAndCounts(@TempDir Path folder) {
		MigrationSet onDisk = Fixtures.threeOnDisk(folder);
		this.status.runStarted();
		this.status.planned(Fixtures.onePending(onDisk));
		this.status.stateChanged(MigrationState.FAILED);
		this.status.failed(Fixtures.undefinedColumn(onDisk));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "FAILED")
			.containsEntry("applied", 1)
			.containsEntry("onDisk", 3)
			.containsEntry("pending", List.of(2L, 3L))
			.containsKey("durationMs");
		@SuppressWarnings("unchecked")
		Map<String, Object> error = (Map<String, Object>) health.getDetails().get("error");
		assertThat(error).containsEntry("version", 2L)
			.containsEntry("name", "b")
			.containsEntry("sqlState", "42703")
			.containsOnlyKeys("version", "name", "sqlState", "message");
		assertThat((String) error.get("message")).contains("legacy_code");
	}

}
