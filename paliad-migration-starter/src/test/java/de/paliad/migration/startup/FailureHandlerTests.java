package de.paliad.migration.startup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DatabaseUnavailableException;
import de.paliad.migration.core.InvalidConfigurationException;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.mode.Mode;
import de.paliad.migration.mode.ModeRunner;
import de.paliad.migration.mode.ModeSettings;
import de.paliad.migration.mode.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link FailureHandler}: the one place that decides between ending the process
 * and refusing traffic.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureHandlerTests {

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private final ByteArrayOutputStream report = new ByteArrayOutputStream();

	@Test
	void aFinishedModeEndsTheProcessWithItsReportsExitCode() {
		handler(OnFailure.UNREADY).modeFinished(5);
		assertThat(this.exits).containsExactly(5);
	}

	@Test
	void anInvalidConfigurationEndsTheProcessWithTwoEvenWhenUnready(CapturedOutput output) {
		assertThatExceptionOfType(MigrationStartupException.class)
			.isThrownBy(() -> handler(OnFailure.UNREADY).configurationFailed(invalid()))
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(2));
		assertThat(this.exits).containsExactly(2);
		assertThat(output).contains("Invalid migration configuration, stopping the application with exit code 2")
			.contains("Invalid tracker schema name")
			.contains("Correct the paliad.migration.* configuration");
	}

	@Test
	void anInvalidConfigurationInAModeIsReportedByTheMode() {
		FailureHandler handler = new FailureHandler(OnFailure.UNREADY, this.exits::add, mode(Mode.PLAN));
		assertThatExceptionOfType(MigrationStartupException.class)
			.isThrownBy(() -> handler.configurationFailed(invalid()));
		assertThat(this.exits).containsExactly(2);
		assertThat(this.report.toString(StandardCharsets.UTF_8)).contains("== paliad-migration plan ==")
			.contains("FAILED: Invalid tracker schema name")
			.contains("Exit code: 2");
	}

	@Test
	void exitEndsTheProcessWithTheFailuresExitCodeAndItsAction(CapturedOutput output) {
		assertThatExceptionOfType(MigrationStartupException.class)
			.isThrownBy(() -> handler(OnFailure.EXIT).runFailed(unavailable()))
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(6));
		assertThat(this.exits).containsExactly(6);
		assertThat(output).contains("Stopping the application with exit code 6 (paliad.migration.on-failure=exit).")
			.contains("Check that the database is up");
	}

	@Test
	void exitEndsTheProcessWithOneForAnUnexpectedFailure() {
		IllegalStateException unexpected = new IllegalStateException("boom");
		assertThatIllegalStateException().isThrownBy(() -> handler(OnFailure.EXIT).runFailed(unexpected))
			.isSameAs(unexpected);
		assertThat(this.exits).containsExactly(1);
	}

	@Test
	void unreadyRetriesATransientFailureWithoutEndingTheProcess() {
		FailureHandler handler = handler(OnFailure.UNREADY);
		assertThat(handler.runFailed(unavailable())).isTrue();
		assertThat(handler.retryFailed(unavailable())).isTrue();
		assertThat(this.exits).isEmpty();
	}

	@Test
	void unreadyDoesNotRetryAPermanentFailure() {
		FailureHandler handler = handler(OnFailure.UNREADY);
		assertThat(handler.runFailed(invalid())).isFalse();
		assertThat(handler.retryFailed(invalid())).isFalse();
		assertThat(handler.runFailed(new IllegalStateException("boom"))).isFalse();
		assertThat(this.exits).isEmpty();
	}

	private FailureHandler handler(OnFailure onFailure) {
		return new FailureHandler(onFailure, this.exits::add, null);
	}

	private ModeRunner mode(Mode mode) {
		return new ModeRunner(new ModeSettings(mode, Output.TEXT, null, null, CompatPolicy.FAIL, ChecksumPolicy.FAIL),
				new PrintStream(this.report, true, StandardCharsets.UTF_8));
	}

	private static MigrationException invalid() {
		return new InvalidConfigurationException("Invalid tracker schema name 'Bad-Schema'");
	}

	private static MigrationException unavailable() {
		return new DatabaseUnavailableException("Cannot connect to the database",
				new SQLException("Connection refused", "08001"));
	}

}
