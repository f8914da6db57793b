package de.paliad.migration.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applied-set migrator: the public entry point of the core, used by the Spring Boot
 * auto-configuration, the command-line modes and tests. Thread-safe; each operation opens
 * its own connection.
 *
 * <pre>{@code
 * Migrator migrator = new Migrator(dataSource, MigrationConfiguration.builder().build());
 * migrator.migrate();
 * }</pre>
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final MigrationConfiguration configuration;

	private final MigrationListener listener;

	private final Tracker tracker;

	private final MigrationSession session;

	private final String appliedBy;

	public Migrator(DataSource dataSource, MigrationConfiguration configuration) {
		this(dataSource, configuration, MigrationListener.NONE);
	}

	public Migrator(DataSource dataSource, MigrationConfiguration configuration, MigrationListener listener) {
		this.dataSource = dataSource;
		this.configuration = configuration;
		this.listener = listener;
		this.tracker = new Tracker(configuration.trackerTable());
		this.session = new MigrationSession(dataSource, configuration, listener, this.tracker);
		this.appliedBy = (configuration.appliedBy() != null) ? configuration.appliedBy() : hostName();
	}

	public MigrationConfiguration configuration() {
		return this.configuration;
	}

	/**
	 * Reads and checks the migrations on disk: naming, duplicates, static checks. No
	 * database.
	 * @return the migrations
	 * @throws MigrationValidationException when a file is wrong
	 */
	public MigrationSet validate() {
		return new MigrationLoader(this.configuration.classLoader()).load(this.configuration.locations());
	}

	/**
	 * Applies every pending migration under the migration lock.
	 * @return what was applied
	 * @throws MigrationException on any failure; nothing of a failed migration remains
	 */
	public MigrateResult migrate() {
		long start = System.nanoTime();
		try {
			MigrationSet onDisk = validate();
			MigrateResult result = this.session.withLock(onDisk, (connection, lockWait) -> {
				List<AppliedMigration> applied = this.tracker.readApplied(connection);
				MigrationPlan plan = checked(MigrationPlan.of(onDisk, applied));
				this.listener.stateChanged(MigrationState.MIGRATING);
				List<Migration> done = new ArrayList<>();
				if (!plan.pending().isEmpty()) {
					logger.info("Applying {} pending migration(s): {}", plan.pending().size(), plan.pending());
					try (BlockerWatch watch = blockerWatch()) {
						executor(watch).apply(connection, plan.pending()).forEach((step) -> done.add(step.migration()));
					}
				}
				return new MigrateResult(done, plan.applied().size() + done.size(), onDisk.size(), lockWait,
						Duration.ofNanos(System.nanoTime() - start));
			});
			logger.info(
					"Migrations up to date: {} applied by this run, {} applied in all, {} on disk, in {} ms"
							+ " (lock wait {} ms)",
					result.applied().size(), result.appliedTotal(), result.onDisk(), result.duration().toMillis(),
					result.lockWait().toMillis());
			this.listener.stateChanged(MigrationState.APPLIED);
			return result;
		}
		catch (MigrationException ex) {
			fail(ex);
			throw ex;
		}
	}

	/**
	 * Compares the disk with the applied set without changing anything (no lock, no
	 * tracker creation).
	 * @return the plan, problems included
	 */
	public MigrationPlan plan() {
		MigrationSet onDisk = validate();
		return this.session
			.withConnection((connection) -> MigrationPlan.of(onDisk, this.tracker.readApplied(connection)));
	}

	/**
	 * Runs every pending migration in one transaction and rolls it back, under the lock.
	 * Validation problems throw; a failing migration is reported in the result.
	 * @return the per-migration report
	 */
	public DryRunResult dryRun() {
		MigrationSet onDisk = validate();
		return this.session.withLock(null, (connection, lockWait) -> {
			MigrationPlan plan = checked(MigrationPlan.of(onDisk, this.tracker.readApplied(connection)));
			try (BlockerWatch watch = blockerWatch()) {
				DryRunObserver observer = (this.configuration.compatPolicy() != CompatPolicy.OFF)
						? new CompatibilityAnalyzer() : DryRunObserver.NONE;
				DryRunResult result = new DryRunner(this.tracker, executor(watch), this.configuration, observer)
					.run(connection, plan);
				logger.info("Dry run of {} pending migration(s): {}; {} finding(s), {} failing the gate",
						plan.pending().size(),
						result.succeeded() ? "all succeeded" : result.failure().get().getMessage(),
						result.findings().size(), result.gateFailures().size());
				return result;
			}
		});
	}

	/**
	 * The CI gate: restores a {@code pg_dump} snapshot of production into this migrator's
	 * database, which must be empty, then {@linkplain #dryRun() dry-runs} the pending
	 * migrations against it. The restore connects as the login user (it creates the
	 * snapshot's roles); the dry run then runs as {@link MigrationConfiguration#role()}.
	 * @param snapshot the pg_dump file (schema plus the tracker's rows)
	 * @return the per-migration report with the compatibility findings
	 */
	public DryRunResult dryRun(java.nio.file.Path snapshot) {
		validate();
		new SnapshotRestorer().restore(this.dataSource, snapshot);
		return dryRun();
	}

	/**
	 * Checks that the applied set equals the migrations on disk, names and checksums
	 * included.
	 * @return the plan
	 * @throws VerificationFailedException on pending or missing migrations
	 * @throws MigrationValidationException on name or checksum disagreement
	 */
	public MigrationPlan verify() {
		MigrationPlan plan = checked(plan());
		List<String> differences = new ArrayList<>();
		plan.pending()
			.forEach((m) -> differences.add("pending: " + m.version() + " (" + m.path() + ") is not applied"));
		plan.appliedMissingOnDisk()
			.forEach((row) -> differences
				.add("applied but missing on disk: " + row.version() + " '" + row.name() + "'"));
		if (!differences.isEmpty()) {
			throw new VerificationFailedException(differences);
		}
		return plan;
	}

	/**
	 * Re-records the checksums of applied migrations from the files on disk.
	 * @return the versions whose checksum changed
	 */
	public List<Long> repair() {
		MigrationSet onDisk = validate();
		return this.session.withLock(onDisk, (connection, lockWait) -> {
			MigrationPlan plan = MigrationPlan.of(onDisk, this.tracker.readApplied(connection));
			rejectNameMismatches(plan);
			List<Long> repaired = new ArrayList<>();
			for (AppliedMigration row : plan.applied()) {
				Migration migration = onDisk.get(row.version());
				if (migration != null && !migration.checksum().equals(row.checksum())) {
					this.tracker.updateChecksum(connection, row.version(), migration.checksum());
					repaired.add(row.version());
				}
			}
			logger.info("Repair re-recorded the checksums of {} migration(s): {}", repaired.size(), repaired);
			return repaired;
		});
	}

	/**
	 * Records every version on disk up to {@code target} as applied without running it.
	 * @param target the highest version to record
	 * @return the versions recorded
	 */
	public List<Long> baseline(long target) {
		MigrationSet onDisk = validate();
		return this.session.withLock(onDisk, (connection, lockWait) -> {
			List<Long> recorded = new ArrayList<>();
			for (Migration migration : onDisk.all()) {
				if (migration.version() <= target
						&& this.tracker.insertImported(connection, migration.version(), migration.name(), "baseline")) {
					this.tracker.updateChecksum(connection, migration.version(), migration.checksum());
					recorded.add(migration.version());
				}
			}
			logger.info("Baseline recorded {} migration(s) up to version {} as applied: {}", recorded.size(), target,
					recorded);
			return recorded;
		});
	}

	/**
	 * Runs the down migration of {@code target} and deletes its tracker row, in one
	 * transaction.
	 * @param target the version to undo
	 * @return the migration undone
	 */
	public Migration down(long target) {
		MigrationSet onDisk = validate();
		return this.session.withLock(onDisk, (connection, lockWait) -> {
			Migration migration = onDisk.get(target);
			boolean applied = this.tracker.readApplied(connection).stream().anyMatch((row) -> row.version() == target);
			if (!applied) {
				throw new InvalidConfigurationException("Version " + target + " is not applied; nothing to undo.");
			}
			if (migration == null || migration.down() == null) {
				throw new InvalidConfigurationException("Version " + target + " has no down migration on disk"
						+ " (expected " + target + "_<name>.down.sql next to its up file).");
			}
			try (BlockerWatch watch = blockerWatch()) {
				new DownRunner(this.tracker, executor(watch)).run(connection, migration);
			}
			logger.info("Undid migration {} with {}", migration, migration.downFileName());
			return migration;
		});
	}

	private MigrationPlan checked(MigrationPlan plan) {
		this.listener.planned(plan);
		rejectNameMismatches(plan);
		if (!plan.checksumMismatches().isEmpty()) {
			List<String> problems = plan.checksumMismatches().stream().map(Object::toString).toList();
			switch (this.configuration.checksumPolicy()) {
				case FAIL -> throw new ChecksumMismatchException(
						"Applied migrations were changed after they ran (nothing was executed):", problems,
						"Restore the files as they were applied and put the change in a new migration; if the"
								+ " change is cosmetic, run the 'repair' mode to re-record the checksums.");
				case WARN -> problems.forEach((p) -> logger.warn("Checksum drift: {}", p));
				case OFF -> {
				}
			}
		}
		plan.appliedMissingOnDisk()
			.forEach((row) -> logger.warn("Version {} '{}' is applied but no longer on disk", row.version(),
					row.name()));
		return plan;
	}

	private void rejectNameMismatches(MigrationPlan plan) {
		if (!plan.nameMismatches().isEmpty()) {
			throw new NameMismatchException("Applied versions disagree with the files on disk (nothing was executed):",
					plan.nameMismatches().stream().map(Object::toString).toList(),
					"If the tracker row is wrong (e.g. written by a test run), correct it: UPDATE "
							+ this.configuration.tracker()
							+ " SET name = '<name on disk>' WHERE version = <version>; if a file was renamed or"
							+ " renumbered after it was applied, restore its old name and give new work a new version.");
		}
	}

	private BlockerWatch blockerWatch() {
		return new BlockerWatch(this.dataSource::getConnection, this.configuration.lockTimeout(), this.listener);
	}

	private MigrationExecutor executor(BlockerWatch watch) {
		return new MigrationExecutor(this.tracker, this.configuration, this.listener, watch, this.appliedBy);
	}

	private void fail(MigrationException ex) {
		logger.error("Migration run failed: {}", ex.getMessage());
		this.listener.stateChanged(MigrationState.FAILED);
		this.listener.failed(ex);
	}

	/**
	 * The host recorded as provenance by default: {@code $HOSTNAME} (the container ID
	 * under Docker), else the resolved local host name.
	 * @return the host name
	 */
	public static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
