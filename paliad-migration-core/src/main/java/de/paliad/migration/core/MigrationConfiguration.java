package de.paliad.migration.core;

import java.time.Duration;
import java.util.List;

/**
 * Everything the {@link Migrator} needs besides the database. Immutable; build one with
 * {@link #builder()}. Defaults match the documented property defaults.
 *
 * @param locations where migrations are found ({@code classpath:} or {@code filesystem:})
 * @param tracker the tracker table
 * @param transactionMode how pending migrations are grouped into transactions
 * @param checksumPolicy what a changed applied file does
 * @param lockWaitTimeout how long to wait for the migration lock
 * @param lockTimeout per-migration {@code lock_timeout}
 * @param statementTimeout per-migration {@code statement_timeout}, zero for none
 * @param lockRetries how often a migration that hit {@code lock_timeout} is retried
 * @param legacyType the legacy tracker to import from
 * @param legacyTable the legacy tracker's table, or {@code null}
 * @param appliedBy provenance recorded with each applied row (host, application version)
 * @param classLoader the class loader for {@code classpath:} locations
 * @param compatPolicy what a breaking finding of the dry run does
 * @param role the role to {@code SET ROLE} to after connecting, or {@code null}
 */
public record MigrationConfiguration(List<String> locations, TableName tracker, TransactionMode transactionMode,
		ChecksumPolicy checksumPolicy, Duration lockWaitTimeout, Duration lockTimeout, Duration statementTimeout,
		int lockRetries, LegacyTrackerType legacyType, TableName legacyTable, String appliedBy, ClassLoader classLoader,
		CompatPolicy compatPolicy, String role) {

	public MigrationConfiguration {
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
	}

	private static void requireNonNegative(Duration duration, String property) {
		if (duration == null || duration.isNegative()) {
			throw new InvalidConfigurationException(property + " must be zero or positive but was " + duration + ".");
		}
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

		private String legacyTable;

		private String appliedBy;

		private ClassLoader classLoader;

		private CompatPolicy compatPolicy = CompatPolicy.FAIL;

		private String role;

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

		public Builder legacy(LegacyTrackerType type, String table) {
			this.legacyType = type;
			this.legacyTable = table;
			return this;
		}

		public Builder appliedBy(String appliedBy) {
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
		public Builder role(String role) {
			this.role = (role != null && !role.isBlank()) ? role : null;
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
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
					legacy, this.appliedBy, loader, this.compatPolicy, this.role);
		}

	}

}
