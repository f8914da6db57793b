package de.paliad.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.LegacyTrackerType;
import de.paliad.migration.core.TransactionMode;
import de.paliad.migration.mode.Mode;
import de.paliad.migration.mode.Output;
import de.paliad.migration.startup.OnFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
	 * What a 'dry-run' finding that breaks the running version does: 'fail' (exit code 3
	 * unless the migration says '-- paliad:allow-breaking <reason>'), 'warn', or 'off'
	 * (no compatibility analysis).
	 */
	private CompatPolicy compat = CompatPolicy.FAIL;

	/**
	 * Role to 'SET ROLE' to after connecting, e.g. the schema owner, or in the CI gate
	 * the production migration role restored from the snapshot.
	 */
	private @Nullable String role;

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

	public CompatPolicy getCompat() {
		return this.compat;
	}

	public void setCompat(CompatPolicy compat) {
		this.compat = compat;
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
