package de.paliad.migration.status;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import de.paliad.migration.core.DatabaseUnavailableException;
import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.core.SessionInfo;
import de.paliad.migration.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationStatus}.
 */
class MigrationStatusTests {

	private static final Instant NOW = Instant.parse("2026-05-20T12:30:00Z");

	private final MigrationStatus status = new MigrationStatus(Clock.fixed(NOW, ZoneOffset.UTC));

	@TempDir
	Path folder;

	@Test
	void startsPendingAndNotApplied() {
		assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.PENDING);
		assertThat(this.status.snapshot().durationMs()).isNull();
		assertThat(this.status.isApplied()).isFalse();
	}

	@Test
	void followsAMigrateRunThroughTheListener() {
		MigrationSet onDisk = Fixtures.threeOnDisk(this.folder);
		this.status.runStarted();
		this.status.stateChanged(MigrationState.WAITING_FOR_LOCK);
		this.status.planned(Fixtures.onePending(onDisk));
		assertThat(this.status.snapshot().pending()).containsExactly(2L, 3L);
		assertThat(this.status.snapshot().applied()).isEqualTo(1);
		this.status.stateChanged(MigrationState.MIGRATING);
		this.status.migrationFinished(onDisk.get(2), Duration.ofMillis(5), true);
		assertThat(this.status.snapshot().pending()).containsExactly(3L);
		this.status.migrationFinished(onDisk.get(3), Duration.ofMillis(5), true);
		this.status.stateChanged(MigrationState.APPLIED);
		MigrationStatus.Snapshot snapshot = this.status.snapshot();
		assertThat(snapshot.state()).isEqualTo(MigrationState.APPLIED);
		assertThat(snapshot.applied()).isEqualTo(3);
		assertThat(snapshot.onDisk()).isEqualTo(3);
		assertThat(snapshot.pending()).isEmpty();
		assertThat(snapshot.durationMs()).isNotNull().isNotNegative();
		assertThat(snapshot.lastSuccess()).isEqualTo(NOW);
		assertThat(this.status.isApplied()).isTrue();
	}

	@Test
	void aFailedMigrationRecordsVersionNameSqlStateAndTheOperatorMessage() {
		MigrationSet onDisk = Fixtures.threeOnDisk(this.folder);
		this.status.planned(Fixtures.onePending(onDisk));
		this.status.stateChanged(MigrationState.FAILED);
		this.status.failed(Fixtures.undefinedColumn(onDisk));
		MigrationStatus.Snapshot snapshot = this.status.snapshot();
		assertThat(snapshot.state()).isEqualTo(MigrationState.FAILED);
		assertThat(snapshot.error().version()).isEqualTo(2L);
		assertThat(snapshot.error().name()).isEqualTo("b");
		assertThat(snapshot.error().sqlState()).isEqualTo("42703");
		assertThat(snapshot.error().message()).contains("legacy_code").doesNotContain("Position");
		assertThat(snapshot.pending()).containsExactly(2L, 3L);
	}

	@Test
	void anUnreachableDatabaseRecordsTheSqlStateOfTheCause() {
		this.status.runFailed(
				new DatabaseUnavailableException("Cannot connect", new SQLException("Connection refused", "08001")));
		assertThat(this.status.snapshot().error().sqlState()).isEqualTo("08001");
		assertThat(this.status.snapshot().error().version()).isNull();
	}

	@Test
	void anUnexpectedFailureKeepsOnlyTheFirstLineOfItsMessage() {
		this.status.runFailed(new IllegalStateException("Pool failed\nat some.Internal"));
		assertThat(this.status.snapshot().error().message()).isEqualTo("Unexpected IllegalStateException: Pool failed");
	}

	@Test
	void aRetryKeepsTheFailedStateAndTheErrorUntilItSucceeds() {
		this.status.runFailed(new DatabaseUnavailableException("down", null));
		this.status.runStarted();
		assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.FAILED);
		assertThat(this.status.snapshot().error()).isNotNull();
		this.status.runSucceeded(new MigrateResult(List.of(), 4, 4, Duration.ZERO, Duration.ofMillis(12)));
		assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.APPLIED);
		assertThat(this.status.snapshot().error()).isNull();
		assertThat(this.status.snapshot().applied()).isEqualTo(4);
		assertThat(this.status.snapshot().durationMs()).isEqualTo(12);
	}

	@Test
	void blockersAreKeptForTheFailureAndClearedBySuccess() {
		MigrationSet onDisk = Fixtures.threeOnDisk(this.folder);
		this.status.blocked(onDisk.get(2),
				List.of(new SessionInfo(42, "psql", null, "idle in transaction", Duration.ofSeconds(90))));
		this.status.stateChanged(MigrationState.FAILED);
		assertThat(this.status.snapshot().blockedBy()).singleElement().asString().contains("pid 42");
		this.status.stateChanged(MigrationState.APPLIED);
		assertThat(this.status.snapshot().blockedBy()).isEmpty();
	}

	@Test
	void theHolderOfTheMigrationLockIsShownWhileWaiting() {
		this.status.stateChanged(MigrationState.WAITING_FOR_LOCK);
		this.status.lockHeld(List.of(new SessionInfo(77, "other-replica", "10.0.0.7", "active", null)));
		assertThat(this.status.snapshot().blockedBy()).singleElement()
			.asString()
			.contains("migration lock held by pid 77 (application_name 'other-replica', client 10.0.0.7");
		this.status.stateChanged(MigrationState.APPLIED);
		assertThat(this.status.snapshot().blockedBy()).isEmpty();
	}

	@Test
	void reportingAnOutcomeTwiceKeepsTheFirstDuration() {
		this.status.runStarted();
		this.status.runFailed(new DatabaseUnavailableException("down", null));
		Long first = this.status.snapshot().durationMs();
		this.status.failed(new DatabaseUnavailableException("down", null));
		assertThat(this.status.snapshot().durationMs()).isEqualTo(first);
	}

}
