package de.paliad.migration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.paliad.migration.core.MigrationListener;
import de.paliad.migration.core.MigrationState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompositeMigrationListener}.
 */
class CompositeMigrationListenerTests {

	@Test
	void aFailingListenerDoesNotStopTheOthers() {
		List<String> events = new CopyOnWriteArrayList<>();
		MigrationListener failing = new MigrationListener() {

			@Override
			public void stateChanged(MigrationState state) {
				throw new IllegalStateException("broken observer");
			}

		};
		MigrationListener recording = new MigrationListener() {

			@Override
			public void stateChanged(MigrationState state) {
				events.add("state " + state);
			}

			@Override
			public void lockWaited(Duration waited) {
				events.add("lock " + waited.toMillis());
			}

		};
		CompositeMigrationListener composite = new CompositeMigrationListener(List.of(failing, recording));
		composite.stateChanged(MigrationState.MIGRATING);
		composite.lockWaited(Duration.ofMillis(7));
		assertThat(events).containsExactly("state MIGRATING", "lock 7");
	}

}
