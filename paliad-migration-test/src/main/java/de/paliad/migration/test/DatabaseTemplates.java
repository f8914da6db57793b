package de.paliad.migration.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.Migrator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates each distinct migration set once into a template database on a server, then
 * hands out copies of it ({@code CREATE DATABASE … TEMPLATE …}, with
 * {@code STRATEGY FILE_COPY} on PostgreSQL 15 and later).
 * <p>
 * A set is identified by the sorted (version, checksum) pairs of its files and the
 * tracker's name, so a changed file gets a new template and an unchanged set is never
 * migrated twice, not even by another JVM: templates stay on the server, named
 * {@code paliad_tpl_<hash>}. Creating one is guarded by an in-JVM lock and a PostgreSQL
 * advisory lock; it has no connections once migrated ({@code ALLOW_CONNECTIONS false}),
 * so any number of threads and JVMs may copy it at the same time. Copies are named
 * {@code paliad_copy_<pid>_<n>_<random>}.
 * <p>
 * A set's identity is computed once per JVM per location list: files changed while the
 * JVM runs are not noticed.
 */
public final class DatabaseTemplates {

	/** Prefix of the templates' names. */
	public static final String TEMPLATE_PREFIX = "paliad_tpl_";

	/**
	 * System property choosing the copy strategy on PostgreSQL 15 and later:
	 * {@code FILE_COPY} (the default: copies the template's files, after a checkpoint) or
	 * {@code WAL_LOG} (block by block through the WAL, PostgreSQL's own default).
	 */
	public static final String STRATEGY_PROPERTY = "paliad.test.copy-strategy";

	/**
	 * System property: how many copies of each template to keep ready, made in the
	 * background while tests run (default 2; {@code 0} makes every copy on demand). Read
	 * once per server and JVM.
	 */
	public static final String POOL_PROPERTY = CopyPool.SIZE_PROPERTY;

	/** Prefix of the copies' names. */
	public static final String COPY_PREFIX = "paliad_copy_";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseTemplates.class);

	/** First key of the two-part advisory lock that guards template creation. */
	private static final int LOCK_NAMESPACE = 0x7061_6c74; // "palt"

	private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

	private static final Map<PostgresServer, DatabaseTemplates> byServer = new ConcurrentHashMap<>();

	private static final Map<SetIdentity, String> keys = new ConcurrentHashMap<>();

	private static final AtomicInteger copyCounter = new AtomicInteger();

	private final PostgresServer server;

	private final Map<String, Object> creationLocks = new ConcurrentHashMap<>();

	private final Set<String> ready = ConcurrentHashMap.newKeySet();

	private final AtomicInteger templatesMigrated = new AtomicInteger();

	private final CopyPool pool;

	private volatile int serverVersionNum;

	private DatabaseTemplates(PostgresServer server) {
		this.server = server;
		this.pool = new CopyPool(CopyPool.configuredSize(), this::createCopy, this::drop);
	}

	/**
	 * The templates on a server; one instance per server and JVM.
	 * @param server the server
	 * @return its templates
	 */
	public static DatabaseTemplates on(PostgresServer server) {
		return byServer.computeIfAbsent(server, DatabaseTemplates::new);
	}

	/**
	 * The templates on {@link PostgresServer#fromEnvironment()}.
	 * @return its templates
	 */
	public static DatabaseTemplates fromEnvironment() {
		return on(PostgresServer.fromEnvironment());
	}

	/** The server. */
	public PostgresServer server() {
		return this.server;
	}

	/**
	 * A new database with every migration of the configuration's set applied, copied from
	 * the set's template (which is created and migrated first if it does not exist). The
	 * copy was usually made ahead of time, while the previous test ran (see
	 * {@link #POOL_PROPERTY}).
	 * @param configuration locations and tracker of the set
	 * @return the copy; close it to drop it
	 */
	public DatabaseCopy copy(MigrationConfiguration configuration) {
		String template = template(configuration);
		return new DatabaseCopy(this, this.pool.take(template), template);
	}

	/**
	 * How many copies of the configuration's template are ready to be handed out now.
	 * @param configuration locations and tracker of the set
	 * @return the count (0 with the pool off)
	 */
	public int readyCopies(MigrationConfiguration configuration) {
		return this.pool.ready(template(configuration));
	}

	private String createCopy(String template) {
		String name = COPY_PREFIX + ProcessHandle.current().pid() + "_" + copyCounter.incrementAndGet() + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
		String strategy = (serverVersionNum() >= 150000) ? " STRATEGY " + strategy() : "";
		execute("CREATE DATABASE " + name + " TEMPLATE " + template + strategy);
		return name;
	}

	/**
	 * The migrated template of the configuration's set, created if missing.
	 * @param configuration locations and tracker of the set
	 * @return the template's name
	 */
	public String template(MigrationConfiguration configuration) {
		String name = TEMPLATE_PREFIX + key(configuration);
		if (this.ready.contains(name)) {
			return name;
		}
		synchronized (this.creationLocks.computeIfAbsent(name, (key) -> new Object())) {
			if (!this.ready.contains(name)) {
				createUnderLock(name, configuration);
				this.ready.add(name);
			}
		}
		return name;
	}

	/**
	 * How many templates this JVM has migrated on this server; a set whose template
	 * already existed does not count.
	 * @return the count
	 */
	public int templatesMigrated() {
		return this.templatesMigrated.get();
	}

	/**
	 * The identity of a configuration's migration set: a SHA-256 over the tracker's name
	 * and the sorted (version, checksum) pairs of its files, shortened to 24 hex digits.
	 * @param configuration locations and tracker of the set
	 * @return the key
	 */
	public static String key(MigrationConfiguration configuration) {
		SetIdentity identity = new SetIdentity(List.copyOf(configuration.locations()),
				String.valueOf(configuration.tracker()), configuration.classLoader());
		// Validation scans, hashes and lexes every file: once per JVM, not once per copy.
		return keys.computeIfAbsent(identity,
				(id) -> key(new Migrator(unusedDataSource(), configuration).validate(), identity.tracker()));
	}

	static String key(MigrationSet set, String tracker) {
		StringBuilder text = new StringBuilder(tracker).append('\n');
		set.all()
			.stream()
			.sorted(Comparator.comparingLong(Migration::version))
			.forEach((migration) -> text.append(migration.version())
				.append(':')
				.append(migration.checksum())
				.append('\n'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void createUnderLock(String name, MigrationConfiguration configuration) {
		try (Connection admin = this.server.admin()) {
			int lockKey = lockKey(name);
			acquire(admin, lockKey, name);
			try {
				if (isTemplate(admin, name)) {
					logger.debug("Template {} exists on {}", name, this.server);
					return;
				}
				long start = System.nanoTime();
				// A half-built template (a JVM died while migrating it) is rebuilt.
				execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				execute(admin, "CREATE DATABASE " + name);
				new Migrator(this.server.dataSource(name), configuration).migrate();
				// No connections may remain while it is copied: refuse new ones, end any
				// left.
				execute(admin, "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
				terminateSessions(admin, name);
				execute(admin, "ALTER DATABASE " + name + " WITH IS_TEMPLATE true");
				this.templatesMigrated.incrementAndGet();
				logger.info("Migrated template {} on {} in {} ms", name, this.server,
						(System.nanoTime() - start) / 1_000_000);
			}
			finally {
				release(admin, lockKey);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create the template database " + name + " on " + this.server + ": " + ex.getMessage(),
					ex);
		}
	}

	private void acquire(Connection admin, int lockKey, String name) throws SQLException {
		// Polling in autocommit, never waiting inside a transaction (see the migrator's
		// lock).
		long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
		try (PreparedStatement statement = admin.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
			statement.setInt(1, LOCK_NAMESPACE);
			statement.setInt(2, lockKey);
			long sleep = 10;
			while (true) {
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					if (result.getBoolean(1)) {
						return;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Another process has been creating the template " + name + " on "
							+ this.server + " for " + LOCK_WAIT.toMinutes() + " minutes");
				}
				sleepFor(sleep);
				sleep = Math.min(sleep * 2, 200);
			}
		}
	}

	private static void release(Connection admin, int lockKey) throws SQLException {
		try (PreparedStatement statement = admin.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
			statement.setInt(1, LOCK_NAMESPACE);
			statement.setInt(2, lockKey);
			statement.execute();
		}
	}

	private static boolean isTemplate(Connection admin, String name) throws SQLException {
		try (PreparedStatement statement = admin
			.prepareStatement("SELECT datistemplate FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void terminateSessions(Connection admin, String name) throws SQLException {
		try (PreparedStatement statement = admin.prepareStatement(
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
			statement.setString(1, name);
			statement.execute();
		}
	}

	void drop(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private static String strategy() {
		String strategy = System.getProperty(STRATEGY_PROPERTY, "FILE_COPY").trim().toUpperCase(java.util.Locale.ROOT);
		if (!strategy.equals("FILE_COPY") && !strategy.equals("WAL_LOG")) {
			throw new IllegalArgumentException(STRATEGY_PROPERTY + " must be FILE_COPY or WAL_LOG, not " + strategy);
		}
		return strategy;
	}

	private int serverVersionNum() {
		if (this.serverVersionNum == 0) {
			try (Connection admin = this.server.admin();
					Statement statement = admin.createStatement();
					ResultSet result = statement.executeQuery("SHOW server_version_num")) {
				result.next();
				this.serverVersionNum = Integer.parseInt(result.getString(1));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not reach " + this.server + ": " + ex.getMessage(), ex);
			}
		}
		return this.serverVersionNum;
	}

	private void execute(String sql) {
		try (Connection admin = this.server.admin()) {
			execute(admin, sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Failed on " + this.server + ": " + sql + ": " + ex.getMessage(), ex);
		}
	}

	private static void execute(Connection admin, String sql) throws SQLException {
		try (Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int lockKey(String name) {
		return name.hashCode();
	}

	private static void sleepFor(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a template", ex);
		}
	}

	private static javax.sql.DataSource unusedDataSource() {
		// validate() reads files only; a data source that is never asked for a
		// connection.
		return new org.postgresql.ds.PGSimpleDataSource();
	}

	private record SetIdentity(List<String> locations, String tracker, @Nullable ClassLoader classLoader) {
	}

}
