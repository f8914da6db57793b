package de.paliad.migration.test;

import java.util.List;

import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.Finding;
import de.paliad.migration.core.Severity;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a dry run, for the CI gate in a user's own test suite (needs
 * {@code assertj-core} on the test classpath):
 *
 * <pre>{@code
 * DryRunResult result = MigrationGate.check(scratch, Path.of("prod-schema.sql"), configuration);
 * DryRunResultAssert.assertThat(result).passesTheGate();
 * }</pre>
 */
public final class DryRunResultAssert extends AbstractAssert<DryRunResultAssert, DryRunResult> {

	private DryRunResultAssert(DryRunResult actual) {
		super(actual, DryRunResultAssert.class);
	}

	public static DryRunResultAssert assertThat(DryRunResult actual) {
		return new DryRunResultAssert(actual);
	}

	/**
	 * Every pending migration ran without error.
	 * @return this
	 */
	public DryRunResultAssert succeeded() {
		isNotNull();
		if (!this.actual.succeeded()) {
			failWithMessage("Expected every pending migration to run, but: %s",
					this.actual.failure().get().getMessage());
		}
		return this;
	}

	/**
	 * Every pending migration ran and no breaking finding lacks an allow-breaking reason.
	 * @return this
	 */
	public DryRunResultAssert passesTheGate() {
		succeeded();
		List<Finding> failures = this.actual.gateFailures();
		if (!failures.isEmpty()) {
			failWithMessage("Expected the migrations not to break the running version, but found:%n  %s",
					String.join(System.lineSeparator() + "  ", failures.stream().map(Finding::toString).toList()));
		}
		return this;
	}

	/**
	 * A migration failed with the given SQLSTATE.
	 * @param version the failing migration's version
	 * @param sqlState the expected SQLSTATE
	 * @return this
	 */
	public DryRunResultAssert failedAt(long version, String sqlState) {
		isNotNull();
		if (this.actual.succeeded()) {
			failWithMessage("Expected migration %s to fail with SQLSTATE %s, but every migration ran", version,
					sqlState);
		}
		var failure = this.actual.failure().get();
		if (failure.version() != version || !sqlState.equals(failure.sqlState())) {
			failWithMessage("Expected migration %s to fail with SQLSTATE %s, but: %s", version, sqlState,
					failure.getMessage());
		}
		return this;
	}

	/**
	 * Some finding has this severity and object.
	 * @param severity the severity
	 * @param object the object, e.g. {@code public.users.email}
	 * @return this
	 */
	public DryRunResultAssert hasFinding(Severity severity, String object) {
		isNotNull();
		boolean found = this.actual.findings()
			.stream()
			.anyMatch((f) -> f.severity() == severity && f.object().equals(object));
		if (!found) {
			failWithMessage("Expected a %s finding on %s, but the findings were: %s", severity, object,
					this.actual.findings());
		}
		return this;
	}

}
