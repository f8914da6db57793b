package de.paliad.migration.mode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.paliad.migration.core.AppliedMigration;
import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.Finding;
import de.paliad.migration.core.InvalidConfigurationException;
import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationPlan;
import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.core.VerificationFailedException;
import de.paliad.migration.mode.ModeReport.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of the command-line modes (every mode but {@code migrate}), prints its report
 * and returns the documented exit code. Failures become part of the report, never a stack
 * trace on standard output.
 */
public final class ModeRunner {

	private static final Logger logger = LoggerFactory.getLogger(ModeRunner.class);

	private final ModeSettings settings;

	private final PrintStream out;

	/**
	 * Creates the runner.
	 * @param settings the mode and its settings
	 * @param out where the report goes (standard output)
	 */
	public ModeRunner(ModeSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	/**
	 * Runs the configured mode and prints its report.
	 * @param migrator the migrator
	 * @return the exit code
	 */
	public int run(Migrator migrator) {
		Mode mode = this.settings.mode();
		ModeReport report = new ModeReport(mode);
		try {
			report(mode, migrator, report);
		}
		catch (VerificationFailedException ex) {
			report
				.section("differences", "Differences",
						ex.differences()
							.stream()
							.map((difference) -> Item.of(difference, "difference", difference))
							.toList())
				.failed(ex);
		}
		catch (MigrationException ex) {
			report.failed(ex);
		}
		catch (RuntimeException ex) {
			logger.error("The {} mode failed unexpectedly", ModeReport.name(mode), ex);
			report.failedUnexpectedly(ex);
		}
		return print(report);
	}

	/**
	 * Prints the report of a mode that could not start, e.g. because the configuration is
	 * invalid, so that the mode's output is a report in that case too.
	 * @param failure the failure
	 * @return the exit code
	 */
	public int reportFailure(MigrationException failure) {
		return print(new ModeReport(this.settings.mode()).failed(failure));
	}

	private int print(ModeReport report) {
		this.out.print(
				(this.settings.output() == Output.JSON) ? report.toJson() + System.lineSeparator() : report.toText());
		this.out.flush();
		return report.exitCode();
	}

	private void report(Mode mode, Migrator migrator, ModeReport report) {
		switch (mode) {
			case MIGRATE_ONLY -> migrateOnly(migrator.migrate(), report);
			case PLAN -> plan(migrator.plan(), report);
			case VALIDATE -> validate(migrator.validate(), report);
			case DRY_RUN -> dryRun(rehearse(migrator), report);
			case VERIFY -> verify(migrator.verify(), report);
			case REPAIR -> repair(migrator.repair(), report);
			case BASELINE -> baseline(migrator.baseline(requireTarget(mode)), report);
			case DOWN -> down(migrator.down(requireTarget(mode)), report);
			case SIZES -> TableSizesReport.write(migrator, report);
			case MIGRATE -> throw new IllegalArgumentException("migrate is not a command-line mode");
		}
	}

	private DryRunResult rehearse(Migrator migrator) {
		String snapshot = this.settings.snapshot();
		return (snapshot != null) ? migrator.dryRun(Path.of(snapshot)) : migrator.dryRun();
	}

	private long requireTarget(Mode mode) {
		Long target = this.settings.target();
		if (target == null || target <= 0) {
			throw new InvalidConfigurationException("The " + ModeReport.name(mode)
					+ " mode needs the version to work on: set paliad.migration.target, e.g. --paliad.migration.target=42"
					+ ((target != null) ? " (it was " + target + ")." : "."));
		}
		return target;
	}

	private void migrateOnly(MigrateResult result, ModeReport report) {
		report
			.summary("Applied " + result.applied().size() + " migration(s); " + result.appliedTotal()
					+ " applied in all, " + result.onDisk() + " on disk, in " + result.duration().toMillis()
					+ " ms (lock wait " + result.lockWait().toMillis() + " ms).")
			.value("appliedTotal", result.appliedTotal())
			.value("onDisk", result.onDisk())
			.value("durationMs", result.duration().toMillis())
			.value("lockWaitMs", result.lockWait().toMillis())
			.section("applied", "Applied by this run", result.applied().stream().map(ModeRunner::file).toList())
			.exitCode(ExitCode.SUCCESS);
	}

	private void plan(MigrationPlan plan, ModeReport report) {
		boolean checksumsFail = this.settings.verifyChecksums() == ChecksumPolicy.FAIL
				&& !plan.checksumMismatches().isEmpty();
		boolean blocked = !plan.nameMismatches().isEmpty() || checksumsFail;
		report
			.summary(plan.pending().size() + " pending, " + plan.applied().size() + " applied, " + plan.onDisk().size()
					+ " on disk"
					+ (blocked ? "; migrate would stop on the problems below."
							: "; migrate would apply the pending ones."))
			.value("applied", plan.applied().size())
			.value("onDisk", plan.onDisk().size())
			.section("pending", "Pending", plan.pending().stream().map(ModeRunner::file).toList())
			.section("appliedMissingOnDisk", "Applied but missing on disk",
					plan.appliedMissingOnDisk().stream().map(ModeRunner::row).toList())
			.section("nameMismatches", "Name mismatches",
					plan.nameMismatches()
						.stream()
						.map((m) -> Item.of(m.toString(), "version", m.migration().version(), "file",
								m.migration().fileName(), "recordedName", m.applied().name()))
						.toList())
			.section("checksumMismatches",
					"Checksum mismatches (verify-checksums=" + lower(this.settings.verifyChecksums()) + ")",
					plan.checksumMismatches()
						.stream()
						.map((m) -> Item.of(m.toString(), "version", m.migration().version(), "file",
								m.migration().fileName(), "checksum", m.migration().checksum(), "recordedChecksum",
								m.applied().checksum()))
						.toList())
			.exitCode(blocked ? ExitCode.VALIDATION_FAILED : ExitCode.SUCCESS);
	}

	private void validate(MigrationSet migrations, ModeReport report) {
		report.summary(migrations.size() + " migration file(s) are valid (naming, duplicates, static checks).")
			.section("migrations", "Migrations",
					migrations.all()
						.stream()
						.map((m) -> Item.of(
								m.version() + "  " + m.fileName() + (m.transactional() ? "" : "  [no-transaction]")
										+ ((m.downFileName() != null) ? "  (down: " + m.downFileName() + ")" : ""),
								"version", m.version(), "file", m.fileName(), "transactional", m.transactional(),
								"down", m.downFileName()))
						.toList())
			.exitCode(ExitCode.SUCCESS);
	}

	private void dryRun(DryRunResult result, ModeReport report) {
		List<Finding> gateFailures = (this.settings.compat() == CompatPolicy.FAIL) ? result.gateFailures() : List.of();
		report
			.summary(((result.kind() == DryRunResult.Kind.REHEARSAL)
					? "Rehearsal of " + result.steps().size() + " pending migration(s) as migrate runs them, committed"
							+ " on the scratch database restored from snapshot " + this.settings.snapshot()
					: "Dry run of " + result.steps().size() + " pending migration(s) in one transaction, rolled back")
					+ ": " + (result.succeeded() ? "all succeeded" : "a migration failed") + "; "
					+ result.findings().size() + " finding(s), " + gateFailures.size() + " failing the gate"
					+ " (compat=" + lower(this.settings.compat()) + "). " + result.sizes().summary())
			.value("kind", lower(result.kind()))
			.value("tableSizes", Map.of("known", result.sizes().known(), "summary", result.sizes().summary()))
			.section("steps", "Migrations",
					result.steps()
						.stream()
						.map((step) -> Item.of(step.version() + "  " + step.fileName() + "  " + step.outcome() + "  "
								+ step.durationMs() + " ms" + ((step.message() != null) ? "  " + step.message() : "")
								+ (step.locks().isEmpty() ? "" : "  locks: " + String.join(", ", step.locks())),
								"version", step.version(), "file", step.fileName(), "outcome", step.outcome().name(),
								"durationMs", step.durationMs(), "sqlState", step.sqlState(), "message", step.message(),
								"locks", step.locks()))
						.toList())
			.section("findings", "Findings",
					result.findings()
						.stream()
						.map((f) -> Item.of(f.toString(), "rule", f.rule().id(), "severity", lower(f.severity()),
								"size", f.size(), "overSizeLimit", f.overSizeLimit(), "version", f.version(), "file",
								f.fileName(), "line", f.line(), "object", f.object(), "message", f.message(),
								"statement", f.statement(), "allowedBecause", f.allowedBecause()))
						.toList())
			.exitCode(gateFailures.isEmpty() ? ExitCode.SUCCESS : ExitCode.VALIDATION_FAILED);
		result.failure().ifPresent(report::failed);
	}

	private void verify(MigrationPlan plan, ModeReport report) {
		report
			.summary("The database matches the " + plan.onDisk().size()
					+ " migration(s) on disk: nothing pending, nothing missing, names and checksums agree.")
			.value("applied", plan.applied().size())
			.value("onDisk", plan.onDisk().size())
			.exitCode(ExitCode.SUCCESS);
	}

	private void repair(List<Long> repaired, ModeReport report) {
		report.summary("Re-recorded the checksums of " + repaired.size() + " applied migration(s).")
			.section("repaired", "Repaired", versions(repaired))
			.exitCode(ExitCode.SUCCESS);
	}

	private void baseline(List<Long> recorded, ModeReport report) {
		report
			.summary("Recorded " + recorded.size() + " migration(s) up to version " + this.settings.target()
					+ " as applied without running them.")
			.value("target", this.settings.target())
			.section("recorded", "Recorded", versions(recorded))
			.exitCode(ExitCode.SUCCESS);
	}

	private void down(Migration undone, ModeReport report) {
		report
			.summary("Undid version " + undone.version() + " (" + undone.fileName() + ") with " + undone.downFileName()
					+ " and deleted its tracker row.")
			.value("version", undone.version())
			.value("file", undone.downFileName())
			.exitCode(ExitCode.SUCCESS);
	}

	private static Item file(Migration migration) {
		return Item.of(migration.version() + "  " + migration.fileName(), "version", migration.version(), "file",
				migration.fileName());
	}

	private static Item row(AppliedMigration row) {
		return Item.of(row.version() + "  " + row.name() + "  (applied " + row.appliedAt() + ")", "version",
				row.version(), "name", row.name(), "appliedAt", row.appliedAt());
	}

	private static List<Item> versions(List<Long> versions) {
		return versions.stream().map((version) -> Item.of(String.valueOf(version), "version", version)).toList();
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
