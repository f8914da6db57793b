package de.paliad.migration.mode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.paliad.migration.core.AppliedMigration;
import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.GateReport;
import de.paliad.migration.core.GateReport.Format;
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
			if (mode == Mode.DRY_RUN) {
				return gate(migrator);
			}
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
			case DRY_RUN -> throw new IllegalArgumentException("dry-run is run by gate(migrator)");
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
		if (snapshot != null) {
			return migrator.dryRun(Path.of(snapshot));
		}
		return this.settings.rehearse() ? migrator.rehearse() : migrator.dryRun();
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

	/**
	 * The CI gate: the dry run's report on standard output (text or JSON) and every
	 * report of {@code paliad.migration.reports}. The list is checked before the dry run,
	 * so a typo costs no gate run; files are written before anything is printed, so a
	 * file that cannot be written leaves one report on standard output, the failure's.
	 */
	private int gate(Migrator migrator) {
		List<GateReport.Target> targets = GateReport.Target.parse(this.settings.reports());
		GateReport gate = GateReport.of(rehearse(migrator), this.settings.compat())
			.snapshot(this.settings.snapshot())
			.paths(migrator.configuration().locations(), this.settings.reportPathPrefix());
		gate.write(targets.stream().filter((target) -> target.file() != null).toList(), this.out);
		this.out.print(gate.render((this.settings.output() == Output.JSON) ? Format.JSON : Format.TEXT));
		gate.write(targets.stream().filter((target) -> target.file() == null).toList(), this.out);
		this.out.flush();
		return gate.exitCode().code();
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
