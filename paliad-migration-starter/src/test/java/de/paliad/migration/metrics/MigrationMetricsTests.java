package de.paliad.migration.metrics;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.core.DatabaseUnavailableException;
import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.core.NameMismatchException;
import de.paliad.migration.fixtures.Fixtures;
import de.paliad.migration.status.MigrationStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationMetrics}.
 */
class MigrationMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MigrationStatus status = new MigrationStatus();

	private final MigrationMetrics metrics = new MigrationMetrics(this.registry, this.status);

	@Test
	void registersEveryMeterWithZerosAtStartup() {
		assertThat(gauge(MigrationMetrics.APPLIED)).isZero();
		assertThat(gauge(MigrationMetrics.PENDING)).isZero();
		assertThat(gauge(MigrationMetrics.LAST_SUCCESS)).isZero();
		for (MigrationState state : MigrationState.values()) {
			assertThat(this.registry.get(MigrationMetrics.STATE).tag("state", state.name()).gauge().value())
				.isEqualTo((state == MigrationState.PENDING) ? 1 : 0);
		}
		assertThat(this.registry.get(MigrationMetrics.DURATION).tag("outcome", "success").timer().count()).isZero();
		assertThat(this.registry.get(MigrationMetrics.DURATION).tag("outcome", "failure").timer().count()).isZero();
		assertThat(this.registry.get(MigrationMetrics.LOCK_WAIT).timer().count()).isZero();
		assertThat(this.registry.get(MigrationMetrics.FAILURES).tag("sqlstate_class", "none").counter().count())
			.isZero();
	}

	@Test
	void recordsOneSamplePerMigrationByOutcome(@TempDir Path folder) {
		MigrationSet onDisk = Fixtures.threeOnDisk(folder);
		this.metrics.migrationFinished(onDisk.get(1), Duration.ofMillis(20), true);
		this.metrics.migrationFinished(onDisk.get(2), Duration.ofMillis(30), true);
		this.metrics.migrationFinished(onDisk.get(3), Duration.ZERO, false);
		assertThat(this.registry.get(MigrationMetrics.DURATION).tag("outcome", "success").timer().count()).isEqualTo(2);
		assertThat(this.registry.get(MigrationMetrics.DURATION).tag("outcome", "failure").timer().count()).isEqualTo(1);
	}

	@Test
	void recordsTheLockWait() {
		this.metrics.lockWaited(Duration.ofMillis(250));
		assertThat(this.registry.get(MigrationMetrics.LOCK_WAIT).timer().totalTime(TimeUnit.MILLISECONDS))
			.isEqualTo(250);
	}

	@Test
	void countsFailuresByTheirSqlStateClass(@TempDir Path folder) {
		MigrationSet onDisk = Fixtures.threeOnDisk(folder);
		this.metrics.failed(Fixtures.undefinedColumn(onDisk));
		this.metrics.failed(new DatabaseUnavailableException("down", new SQLException("refused", "08001")));
		this.metrics.failed(new NameMismatchException("mismatch", List.of("version 1"), null));
		assertThat(this.registry.get(MigrationMetrics.FAILURES).tag("sqlstate_class", "42").counter().count()).isOne();
		assertThat(this.registry.get(MigrationMetrics.FAILURES).tag("sqlstate_class", "08").counter().count()).isOne();
		assertThat(this.registry.get(MigrationMetrics.FAILURES).tag("sqlstate_class", "none").counter().count())
			.isOne();
	}

	@Test
	void gaugesFollowTheStatus() {
		this.status.runSucceeded(new MigrateResult(List.of(), 5, 5, Duration.ZERO, Duration.ofMillis(40)));
		assertThat(gauge(MigrationMetrics.APPLIED)).isEqualTo(5);
		assertThat(gauge(MigrationMetrics.LAST_SUCCESS)).isGreaterThan(1.7e9);
		assertThat(this.registry.get(MigrationMetrics.STATE).tag("state", "APPLIED").gauge().value()).isOne();
		assertThat(this.registry.get(MigrationMetrics.STATE).tag("state", "PENDING").gauge().value()).isZero();
	}

	@Test
	void noMeterIsTaggedWithAVersion(@TempDir Path folder) {
		MigrationSet onDisk = Fixtures.threeOnDisk(folder);
		this.metrics.migrationFinished(onDisk.get(1), Duration.ofMillis(20), true);
		this.metrics.failed(Fixtures.undefinedColumn(onDisk));
		assertThat(this.registry.getMeters()).allSatisfy(
				(meter) -> assertThat(meter.getId().getTags()).noneMatch((tag) -> tag.getKey().contains("version")));
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

}
