package de.paliad.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.InvalidConfigurationException;
import de.paliad.migration.core.LegacyTrackerType;
import de.paliad.migration.core.TransactionMode;
import de.paliad.migration.mode.Mode;
import de.paliad.migration.mode.Output;
import de.paliad.migration.startup.OnFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the boot-time migrator ({@code paliad.migration.*}).
 */
@ConfigurationProperties("paliad.migration")
public class PaliadMigrationProperties {

	/**
	 * Whether to enable the migrator.
	 */
	private boolean enabled = true;

	/**
	 * Locations of migration files: 'classpath:' or 'filesystem:' prefixed folders.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/migration"));

	/**
	 * Schema of the tracker table; created when missing.
	 */
	private String schema = "public";

	/**
	 * Name of the tracker table that records the applied migrations.
	 */
	private String table = "applied_migrations";

	/**
	 * What the application does with the migrations: every mode but 'migrate' starts no
	 * web server, prints a report and exits.
	 */
	private Mode mode = Mode.MIGRATE;

	/**
	 * What a failed migration run at startup does to the process.
	 */
	private OnFailure onFailure = OnFailure.UNREADY;

	/**
	 * How pending migrations are grouped into transactions.
	 */
	private TransactionMode transaction = TransactionMode.PER_MIGRATION;

	/**
	 * What a changed file of an already applied migration does.
	 */
	private ChecksumPolicy verifyChecksums = ChecksumPolicy.FAIL;

	/**
	 * How long to wait for another instance's migration lock.
	 */
	private Duration lockWaitTimeout = Duration.ofMinutes(10);

	/**
	 * Per-migration 'lock_timeout': how long one statement may wait for a table lock.
	 */
	private Duration lockTimeout = Duration.ofSeconds(5);

	/**
	 * Per-migration 'statement_timeout'; zero for none.
	 */
	private Duration statementTimeout = Duration.ZERO;

	/**
	 * How often a migration that hit 'lock_timeout' is retried.
	 */
	private int lockRetries = 3;

	/**
	 * How long to wait before retrying a run that failed for a transient reason (database
	 * unreachable, lock held), with 'on-failure=unready'; also the Retry-After of gated
	 * requests.
	 */
	private Duration retryInterval = Duration.ofSeconds(30);

	/**
	 * How long a shutdown (SIGTERM) during the startup's migration run waits for the run
	 * to finish before cancelling it: the migration in flight then rolls back with its
	 * tracker row and the next start applies it. Keep wait plus about 3 s of cancelling
	 * below the orchestrator's stop grace period (Docker's default 10 s).
	 */
	private Duration shutdownWait = Duration.ofSeconds(5);

	/**
	 * Whether HTTP requests other than management requests get 503 with Retry-After while
	 * the migrations are not applied.
	 */
	private boolean gateTraffic = true;

	/**
	 * JDBC URL of the database to migrate, when the migrations should not use the
	 * application's DataSource (e.g. a direct connection instead of a PgBouncer).
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate, when it differs from the application's.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * The version that the 'down' and 'baseline' modes work on.
	 */
	private @Nullable Long target;

	/**
	 * Format of the report of every mode but 'migrate'.
	 */
	private Output output = Output.TEXT;

	/**
	 * A plain 'pg_dump' file (schema plus the tracker's rows) restored into the empty
	 * database before the 'dry-run' mode: the CI gate against a copy of production.
	 */
	private @Nullable String snapshot;

	/**
	 * Whether 'dry-run' without a snapshot rehearses the pending migrations on the
	 * configured database as 'migrate' runs them and commits them (for a disposable
	 * scratch database in CI), instead of running them in one transaction that is rolled
	 * back. With a snapshot the dry run always rehearses.
	 */
	private boolean rehearse;

	/**
	 * What a 'dry-run' finding that breaks the running version does: 'fail' (exit code 3
	 * unless the migration says '-- paliad:allow-breaking <reason>'), 'warn', or 'off'
	 * (no compatibility analysis).
	 */
	private CompatPolicy compat = CompatPolicy.FAIL;

	/**
	 * Reports the 'dry-run' mode writes besides its output, comma-separated
	 * '<format>:<file>' entries (text, json, sarif, gitlab, markdown) and 'github' or
	 * 'gitea' for annotations on standard output, e.g.
	 * 'sarif:build/gate.sarif,markdown:build/gate.md,github'.
	 */
	private @Nullable String reports;

	/**
	 * What replaces the migration location in the file paths of the 'dry-run' reports, so
	 * they are relative to the repository root, e.g.
	 * 'app/src/main/resources/db/migration/'. By default a 'classpath:' location becomes
	 * 'src/main/resources/<location>/'.
	 */
	private @Nullable String reportPathPrefix;

	/**
	 * Role to 'SET ROLE' to after connecting, e.g. the schema owner, or in the CI gate
	 * the production migration role restored from the snapshot.
	 */
	private @Nullable String role;

	// Table sizes of the CI gate (docs/deploy-gate.md#table-sizes).

	/**
	 * A CSV file of production table sizes ('schema,table,rows,bytes'): read by 'dry-run'
	 * to weigh blocking findings, written by the 'sizes' mode.
	 */
	private @Nullable String tableSizes;

	/**
	 * Size of a table (data size, e.g. '1GB', '500MB'; '0' for no limit) above which a
	 * blocking 'dry-run' finding on it fails the gate.
	 */
	private String sizeLimit = "1GB";

	/**
	 * Row count of a table above which a blocking 'dry-run' finding on it fails the gate;
	 * 0 for no limit.
	 */
	private long rowLimit = 10_000_000L;

	public @Nullable String getTableSizes() {
		return this.tableSizes;
	}

	public void setTableSizes(@Nullable String tableSizes) {
		this.tableSizes = tableSizes;
	}

	public String getSizeLimit() {
		return this.sizeLimit;
	}

	public void setSizeLimit(String sizeLimit) {
		this.sizeLimit = sizeLimit;
	}

	public long getRowLimit() {
		return this.rowLimit;
	}

	public void setRowLimit(long rowLimit) {
		this.rowLimit = rowLimit;
	}

	/**
	 * The size limit in bytes.
	 * @return the limit, 0 for none
	 * @throws InvalidConfigurationException for a value that is not a data size
	 */
	long sizeLimitBytes() {
		try {
			return DataSize.parse(this.sizeLimit.strip()).toBytes();
		}
		catch (RuntimeException ex) {
			throw new InvalidConfigurationException("paliad.migration.size-limit '" + this.sizeLimit
					+ "' is not a data size: use a number with a unit, e.g. 1GB, 500MB or 0 for no limit.");
		}
	}

	private final Legacy legacy = new Legacy();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	public TransactionMode getTransaction() {
		return this.transaction;
	}

	public void setTransaction(TransactionMode transaction) {
		this.transaction = transaction;
	}

	public ChecksumPolicy getVerifyChecksums() {
		return this.verifyChecksums;
	}

	public void setVerifyChecksums(ChecksumPolicy verifyChecksums) {
		this.verifyChecksums = verifyChecksums;
	}

	public Duration getLockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public void setLockWaitTimeout(Duration lockWaitTimeout) {
		this.lockWaitTimeout = lockWaitTimeout;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public Duration getShutdownWait() {
		return this.shutdownWait;
	}

	public void setShutdownWait(Duration shutdownWait) {
		this.shutdownWait = shutdownWait;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

	public boolean isGateTraffic() {
		return this.gateTraffic;
	}

	public void setGateTraffic(boolean gateTraffic) {
		this.gateTraffic = gateTraffic;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable Long getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable Long target) {
		this.target = target;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	public @Nullable String getSnapshot() {
		return this.snapshot;
	}

	public void setSnapshot(@Nullable String snapshot) {
		this.snapshot = snapshot;
	}

	public boolean isRehearse() {
		return this.rehearse;
	}

	public void setRehearse(boolean rehearse) {
		this.rehearse = rehearse;
	}

	public CompatPolicy getCompat() {
		return this.compat;
	}

	public void setCompat(CompatPolicy compat) {
		this.compat = compat;
	}

	public @Nullable String getReports() {
		return this.reports;
	}

	public void setReports(@Nullable String reports) {
		this.reports = reports;
	}

	public @Nullable String getReportPathPrefix() {
		return this.reportPathPrefix;
	}

	public void setReportPathPrefix(@Nullable String reportPathPrefix) {
		this.reportPathPrefix = reportPathPrefix;
	}

	public @Nullable String getRole() {
		return this.role;
	}

	public void setRole(@Nullable String role) {
		this.role = role;
	}

	public Legacy getLegacy() {
		return this.legacy;
	}

	/**
	 * A tracker of the tool used before, imported once when the applied set is empty.
	 */
	public static class Legacy {

		/**
		 * Kind of the legacy tracker to import from.
		 */
		private LegacyTrackerType type = LegacyTrackerType.NONE;

		/**
		 * The legacy tracker table, as 'schema.table' or 'table' (then in the tracker's
		 * schema), e.g. 'flyway_schema_history'.
		 */
		private @Nullable String table;

		public LegacyTrackerType getType() {
			return this.type;
		}

		public void setType(LegacyTrackerType type) {
			this.type = type;
		}

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

	}

}
