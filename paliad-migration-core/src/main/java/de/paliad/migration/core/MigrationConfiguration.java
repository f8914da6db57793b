package de.paliad.migration.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the {@link Migrator} needs besides the database. Immutable; build one with
 * {@link #builder()}, whose defaults match the documented property defaults. A class
 * rather than a record so that a new option is a new builder method, not a broken
 * constructor.
 */
public final class MigrationConfiguration {

	private final List<String> locations;

	private final TableName tracker;

	private final TransactionMode transactionMode;

	private final ChecksumPolicy checksumPolicy;

	private final Duration lockWaitTimeout;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private final int lockRetries;

	private final LegacyTrackerType legacyType;

	private final @Nullable TableName legacyTable;

	private final @Nullable String appliedBy;

	private final ClassLoader classLoader;

	private final CompatPolicy compatPolicy;

	private final @Nullable String role;

	// Table sizes of the CI gate (docs/deploy-gate.md#table-sizes).

	/** The default size limit: a rewrite of 1 GB under ACCESS EXCLUSIVE takes seconds. */
	public static final long DEFAULT_SIZE_LIMIT = 1L << 30;

	/** The default row limit: a scan of 10 M rows under lock takes seconds. */
	public static final long DEFAULT_ROW_LIMIT = 10_000_000L;

	private final @Nullable Path tableSizes;

	private final long sizeLimit;

	private final long rowLimit;

	private MigrationConfiguration(List<String> locations, TableName tracker, TransactionMode transactionMode,
			ChecksumPolicy checksumPolicy, Duration lockWaitTimeout, Duration lockTimeout, Duration statementTimeout,
			int lockRetries, LegacyTrackerType legacyType, @Nullable TableName legacyTable, @Nullable String appliedBy,
			ClassLoader classLoader, CompatPolicy compatPolicy, @Nullable String role, @Nullable Path tableSizes,
			long sizeLimit, long rowLimit) {
		locations = List.copyOf(locations);
		if (locations.isEmpty()) {
			throw new InvalidConfigurationException("At least one migration location is required.");
		}
		requireNonNegative(lockWaitTimeout, "lock-wait-timeout");
		requireNonNegative(lockTimeout, "lock-timeout");
		requireNonNegative(statementTimeout, "statement-timeout");
		if (lockRetries < 0) {
			throw new InvalidConfigurationException("lock-retries must be 0 or more but was " + lockRetries + ".");
		}
		if (role != null) {
			TableName.requireIdentifier(role, "role");
		}
		if (legacyType != LegacyTrackerType.NONE && legacyTable == null) {
			throw new InvalidConfigurationException(
					"legacy.type is " + legacyType + " but legacy.table is not set: name the legacy tracker table.");
		}
		this.locations = locations;
		this.tracker = tracker;
		this.transactionMode = transactionMode;
		this.checksumPolicy = checksumPolicy;
		this.lockWaitTimeout = lockWaitTimeout;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
		this.lockRetries = lockRetries;
		this.legacyType = legacyType;
		this.legacyTable = legacyTable;
		this.appliedBy = appliedBy;
		this.classLoader = classLoader;
		this.compatPolicy = compatPolicy;
		this.role = role;
		if (sizeLimit < 0 || rowLimit < 0) {
			throw new InvalidConfigurationException("size-limit and row-limit must be 0 (no limit) or more but were "
					+ sizeLimit + " bytes and " + rowLimit + " rows.");
		}
		this.tableSizes = tableSizes;
		this.sizeLimit = sizeLimit;
		this.rowLimit = rowLimit;
	}

	private static void requireNonNegative(@Nullable Duration duration, String property) {
		if (duration == null || duration.isNegative()) {
			throw new InvalidConfigurationException(property + " must be zero or positive but was " + duration + ".");
		}
	}

	/**
	 * Where migrations are found, each {@code classpath:} or {@code filesystem:}.
	 * @return the locations, never empty
	 */
	public List<String> locations() {
		return this.locations;
	}

	/**
	 * The tracker table, schema-qualified.
	 * @return the tracker, e.g. {@code public.applied_migrations}
	 */
	public String tracker() {
		return this.tracker.toString();
	}

	/**
	 * The tracker table as a validated name, for SQL.
	 * @return the tracker table
	 */
	TableName trackerTable() {
		return this.tracker;
	}

	/**
	 * How pending migrations are grouped into transactions.
	 * @return the transaction mode
	 */
	public TransactionMode transactionMode() {
		return this.transactionMode;
	}

	/**
	 * What an applied migration whose file changed since does.
	 * @return the checksum policy
	 */
	public ChecksumPolicy checksumPolicy() {
		return this.checksumPolicy;
	}

	/**
	 * How long a run waits for the migration lock.
	 * @return the lock wait timeout, zero or positive
	 */
	public Duration lockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	/**
	 * The {@code lock_timeout} of each migration.
	 * @return the lock timeout, zero or positive
	 */
	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * The {@code statement_timeout} of each migration.
	 * @return the statement timeout, zero for none
	 */
	public Duration statementTimeout() {
		return this.statementTimeout;
	}

	/**
	 * How often a migration that hit {@code lock_timeout} is retried.
	 * @return the retries, zero or more
	 */
	public int lockRetries() {
		return this.lockRetries;
	}

	/**
	 * The kind of legacy tracker imported into an empty applied set.
	 * @return the legacy tracker type, {@link LegacyTrackerType#NONE} for no import
	 */
	public LegacyTrackerType legacyType() {
		return this.legacyType;
	}

	/**
	 * The legacy tracker's table, schema-qualified.
	 * @return the legacy table, e.g. {@code public.schema_migrations}, or {@code null}
	 * when none is configured
	 */
	public @Nullable String legacyTable() {
		return (this.legacyTable != null) ? this.legacyTable.toString() : null;
	}

	/**
	 * The legacy tracker's table as a validated name, for SQL.
	 * @return the legacy table, or {@code null}
	 */
	@Nullable TableName legacyTrackerTable() {
		return this.legacyTable;
	}

	/**
	 * The provenance recorded with each applied row after {@code current_user} (host,
	 * application version).
	 * @return the provenance, or {@code null} for the migrator's default (the host name)
	 */
	public @Nullable String appliedBy() {
		return this.appliedBy;
	}

	/**
	 * The class loader that {@code classpath:} locations are read from.
	 * @return the class loader
	 */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * What a finding of the dry run that breaks the running version does.
	 * @return the compatibility policy
	 */
	public CompatPolicy compatPolicy() {
		return this.compatPolicy;
	}

	/**
	 * The role to {@code SET ROLE} to after connecting.
	 * @return the role, or {@code null} to stay the login role
	 */
	public @Nullable String role() {
		return this.role;
	}

	/**
	 * The sidecar file with the production table sizes the CI gate weighs blocking
	 * findings by ({@code schema,table,rows,bytes}); read when a dry run starts, and
	 * written by the {@code sizes} mode.
	 * @return the file, or {@code null} to take the sizes from the snapshot's pg_dump
	 * statistics, if any
	 */
	public @Nullable Path tableSizes() {
		return this.tableSizes;
	}

	/**
	 * The size in bytes above which a blocking finding on a table fails the gate.
	 * @return the limit, 0 for none
	 */
	public long sizeLimit() {
		return this.sizeLimit;
	}

	/**
	 * The row count above which a blocking finding on a table fails the gate.
	 * @return the limit, 0 for none
	 */
	public long rowLimit() {
		return this.rowLimit;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder with the documented defaults.
	 */
	public static final class Builder {

		private List<String> locations = List.of("classpath:db/migration");

		private String schema = "public";

		private String table = "applied_migrations";

		private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;

		private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

		private Duration lockWaitTimeout = Duration.ofMinutes(10);

		private Duration lockTimeout = Duration.ofSeconds(5);

		private Duration statementTimeout = Duration.ZERO;

		private int lockRetries = 3;

		private LegacyTrackerType legacyType = LegacyTrackerType.NONE;

		private @Nullable String legacyTable;

		private @Nullable String appliedBy;

		private @Nullable ClassLoader classLoader;

		private CompatPolicy compatPolicy = CompatPolicy.FAIL;

		private @Nullable String role;

		private @Nullable Path tableSizes;

		private long sizeLimit = DEFAULT_SIZE_LIMIT;

		private long rowLimit = DEFAULT_ROW_LIMIT;

		private Builder() {
		}

		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder locations(List<String> locations) {
			this.locations = locations;
			return this;
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		public Builder table(String table) {
			this.table = table;
			return this;
		}

		public Builder transactionMode(TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
			return this;
		}

		public Builder checksumPolicy(ChecksumPolicy checksumPolicy) {
			this.checksumPolicy = checksumPolicy;
			return this;
		}

		public Builder lockWaitTimeout(Duration lockWaitTimeout) {
			this.lockWaitTimeout = lockWaitTimeout;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		public Builder lockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
			return this;
		}

		/**
		 * The legacy tracker to import from.
		 * @param type the kind of tracker
		 * @param table its table, {@code schema.table} or {@code table} (then in the
		 * tracker's schema), or {@code null} or blank for none
		 * @return this builder
		 */
		public Builder legacy(LegacyTrackerType type, @Nullable String table) {
			this.legacyType = type;
			this.legacyTable = table;
			return this;
		}

		/**
		 * The provenance recorded with each applied row.
		 * @param appliedBy e.g. the host and application version, or {@code null} for the
		 * host name
		 * @return this builder
		 */
		public Builder appliedBy(@Nullable String appliedBy) {
			this.appliedBy = appliedBy;
			return this;
		}

		public Builder compatPolicy(CompatPolicy compatPolicy) {
			this.compatPolicy = compatPolicy;
			return this;
		}

		/**
		 * The role to {@code SET ROLE} to after connecting (e.g. the schema owner, or in
		 * a dry run the production migration role restored from a snapshot).
		 * @param role the role, or {@code null}
		 * @return this builder
		 */
		public Builder role(@Nullable String role) {
			this.role = (role != null && !role.isBlank()) ? role : null;
			return this;
		}

		/**
		 * The sidecar file of production table sizes, for the CI gate and the
		 * {@code sizes} mode.
		 * @param tableSizes the file, or {@code null} for none
		 * @return this builder
		 */
		public Builder tableSizes(@Nullable Path tableSizes) {
			this.tableSizes = tableSizes;
			return this;
		}

		/**
		 * The size above which a blocking finding on a table fails the gate.
		 * @param bytes the limit in bytes, 0 for none
		 * @return this builder
		 */
		public Builder sizeLimit(long bytes) {
			this.sizeLimit = bytes;
			return this;
		}

		/**
		 * The row count above which a blocking finding on a table fails the gate.
		 * @param rows the limit, 0 for none
		 * @return this builder
		 */
		public Builder rowLimit(long rows) {
			this.rowLimit = rows;
			return this;
		}

		/**
		 * The class loader for {@code classpath:} locations.
		 * @param classLoader the class loader, or {@code null} for the thread's context
		 * class loader at {@link #build()}
		 * @return this builder
		 */
		public Builder classLoader(@Nullable ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public MigrationConfiguration build() {
			TableName tracker = new TableName(TableName.requireIdentifier(this.schema, "tracker schema"),
					TableName.requireIdentifier(this.table, "tracker table"));
			TableName legacy = (this.legacyTable != null && !this.legacyTable.isBlank())
					? TableName.parse(this.legacyTable, this.schema) : null;
			ClassLoader loader = (this.classLoader != null) ? this.classLoader
					: Thread.currentThread().getContextClassLoader();
			return new MigrationConfiguration(this.locations, tracker, this.transactionMode, this.checksumPolicy,
					this.lockWaitTimeout, this.lockTimeout, this.statementTimeout, this.lockRetries, this.legacyType,
					legacy, this.appliedBy, loader, this.compatPolicy, this.role, this.tableSizes, this.sizeLimit,
					this.rowLimit);
		}

	}

}
