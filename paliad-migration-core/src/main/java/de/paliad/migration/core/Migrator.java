package de.paliad.migration.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

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

	private final OperationContext context;

	private final RunCancellation cancellation = new RunCancellation();

	public Migrator(DataSource dataSource, MigrationConfiguration configuration) {
		this(dataSource, configuration, MigrationListener.NONE);
	}

	public Migrator(DataSource dataSource, MigrationConfiguration configuration, MigrationListener listener) {
		this.context = context(dataSource, configuration, listener);
	}

	private Migrator(OperationContext context) {
		this.context = context;
	}

	/**
	 * A migrator without a database, for the offline checks of {@link #validate()} (build
	 * tools, CI); every other operation throws {@link InvalidConfigurationException}.
	 * @param configuration the configuration, of which only the locations and the class
	 * loader matter
	 * @return the migrator
	 */
	public static Migrator offline(MigrationConfiguration configuration) {
		return new Migrator(context(null, configuration, MigrationListener.NONE));
	}

	private static OperationContext context(@Nullable DataSource dataSource, MigrationConfiguration configuration,
			MigrationListener listener) {
		String appliedBy = configuration.appliedBy();
		return new OperationContext(dataSource, configuration, listener, new Tracker(configuration.trackerTable()),
				(appliedBy != null) ? appliedBy : hostName());
	}

	public MigrationConfiguration configuration() {
		return this.context.configuration();
	}

	/**
	 * Reads and checks every migration on disk: naming, duplicates, static checks (of
	 * applied migrations too, unlike {@link #migrate()}). No database.
	 * @return the migrations
	 * @throws MigrationValidationException when a file is wrong
	 */
	public MigrationSet validate() {
		return this.context.load();
	}

	/**
	 * Applies every pending migration under the migration lock. Only the pending
	 * migrations are lexed and statically checked (an applied migration never runs
	 * again); applied ones are hashed for drift detection, or taken from a build-time
	 * {@link MigrationIndex}.
	 * @return what was applied
	 * @throws MigrationException on any failure; nothing of a failed migration remains
	 */
	public MigrateResult migrate() {
		return new MigrateOperation(this.context, this.cancellation).run();
	}

	/**
	 * Asks a running {@link #migrate()} to stop, from another thread (a shutdown hook):
	 * no further migration starts, a wait for the migration lock ends, and the statement
	 * in flight of a transactional migration is cancelled, so that migration rolls back
	 * with its tracker row. The run then throws {@link MigrationCancelledException}. A
	 * {@code no-transaction} migration in flight is left to finish. The server ignores a
	 * cancel that arrives between two statements: call this again until the run ended.
	 * Once called, every later {@link #migrate()} of this migrator stops at once.
	 */
	public void cancel() {
		this.cancellation.cancel();
	}

	/**
	 * Compares the disk with the applied set without changing anything (no lock, no
	 * tracker creation).
	 * @return the plan, problems included
	 */
	public MigrationPlan plan() {
		return new PlanOperation(this.context).run();
	}

	/**
	 * Runs every pending migration in one transaction and rolls it back, under the lock.
	 * Validation problems throw; a failing migration is reported in the result.
	 * @return the per-migration report
	 */
	public DryRunResult dryRun() {
		SizeAnnotator sizes = SizeAnnotator.of(configuration(), null); // before any
																		// database work
		return sizes.annotate(new DryRunOperation(this.context).run());
	}

	/**
	 * The CI gate on a disposable database without a snapshot: rehearses the pending
	 * migrations on this migrator's database exactly as {@link #migrate()} runs them (a
	 * transaction per migration, or one under {@code transaction=batch};
	 * {@code no-transaction} migrations for real) with the compatibility analysis, and
	 * COMMITS them. Only for a scratch database: use {@link #dryRun()} on one you care
	 * about.
	 * @return the per-migration report with the compatibility findings
	 */
	public DryRunResult rehearse() {
		SizeAnnotator sizes = SizeAnnotator.of(configuration(), null); // before any
																		// database work
		return sizes.annotate(new DryRunOperation(this.context).rehearse());
	}

	/**
	 * The CI gate: restores a {@code pg_dump} snapshot of production into this migrator's
	 * database, which must be empty, then {@linkplain #dryRun() dry-runs} the pending
	 * migrations against it. The restore connects as the login user (it creates the
	 * snapshot's roles); the dry run then runs as {@link MigrationConfiguration#role()}.
	 * @param snapshot the pg_dump file (schema plus the tracker's rows)
	 * @return the per-migration report with the compatibility findings
	 */
	public DryRunResult dryRun(Path snapshot) {
		SizeAnnotator sizes = SizeAnnotator.of(configuration(), snapshot); // before any
																			// database
																			// work
		return sizes.annotate(new DryRunOperation(this.context).run(snapshot));
	}

	/**
	 * The {@code sizes} mode: reads the size of every table of this migrator's database
	 * (read-only, as {@link MigrationConfiguration#role()}) and writes them to
	 * {@code file}, the sidecar the CI gate reads.
	 * @param file the file to write, e.g. {@code table-sizes.csv}
	 * @return the sizes written, ordered by schema and table
	 */
	public List<TableSize> writeTableSizes(Path file) {
		return new TableSizesOperation(this.context).run(file);
	}

	/**
	 * Checks that the applied set equals the migrations on disk, names and checksums
	 * included.
	 * @return the plan
	 * @throws VerificationFailedException on pending or missing migrations
	 * @throws MigrationValidationException on name or checksum disagreement
	 */
	public MigrationPlan verify() {
		return new VerifyOperation(this.context).run();
	}

	/**
	 * Re-records the checksums of applied migrations from the files on disk.
	 * @return the versions whose checksum changed
	 */
	public List<Long> repair() {
		return new RepairOperation(this.context).run();
	}

	/**
	 * Records every version on disk up to {@code target} as applied without running it.
	 * @param target the highest version to record
	 * @return the versions recorded
	 */
	public List<Long> baseline(long target) {
		return new BaselineOperation(this.context).run(target);
	}

	/**
	 * Runs the down migration of {@code target} and deletes its tracker row, in one
	 * transaction.
	 * @param target the version to undo
	 * @return the migration undone
	 */
	public Migration down(long target) {
		return new DownOperation(this.context).run(target);
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
