package de.paliad.migration.core;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a plain-format {@code pg_dump} file (schema, plus the tracker's rows) into an
 * empty scratch database, the way {@code psql -f} would: SQL statements, {@code COPY ...
 * FROM stdin} blocks, and psql meta-commands that pg_dump writes ({@code \restrict},
 * {@code \connect}) skipped. The roles the dump references (owners, grantees, default
 * privileges) are created first, without login and without superuser, so the dry run can
 * {@code SET ROLE} to the production migration role and meet the same ownership rules.
 * The statistics a PostgreSQL 18 {@code pg_dump --statistics} writes are restored on a
 * server that has the functions for them (18 and later) and skipped on an older one.
 */
final class SnapshotRestorer {

	private static final Logger logger = LoggerFactory.getLogger(SnapshotRestorer.class);

	private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?i)^COPY\\s.+\\sFROM\\s+stdin\\s*;\\s*$");

	private static final Pattern ROLE_REFERENCE = Pattern.compile(
			"(?i)(?:OWNER\\s+TO|GRANT\\s.+?\\sTO|REVOKE\\s.+?\\sFROM|FOR\\s+ROLE|AUTHORIZATION|SET\\s+ROLE)\\s+((?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)(?:\\s*,\\s*(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*))*)");

	private static final Set<String> ROLE_STATEMENTS = Set.of("ALTER", "GRANT", "REVOKE", "CREATE", "SET");

	/**
	 * A SET of a parameter this server does not know: psql reports it and goes on, so do
	 * we.
	 */
	private static final String UNDEFINED_OBJECT = "42704";

	private static final Set<String> NOT_ROLES = Set.of("public", "current_user", "session_user", "current_role");

	/**
	 * What a restore did.
	 *
	 * @param rolesCreated roles that did not exist and were created
	 * @param statements how many SQL statements ran
	 * @param copiedRows how many rows the COPY blocks loaded
	 * @param statisticsSkipped how many pg_dump statistics calls were skipped because the
	 * server is older than PostgreSQL 18
	 */
	record Result(List<String> rolesCreated, int statements, long copiedRows, int statisticsSkipped) {

	}

	/**
	 * Restores {@code dump} into the database of {@code dataSource}, which must hold no
	 * tables yet (a guard against restoring over a real database).
	 * @param dataSource a superuser (or database owner with CREATEROLE) connection to the
	 * scratch database
	 * @param dump the pg_dump file
	 * @return what was restored
	 */
	Result restore(DataSource dataSource, Path dump) {
		String script = read(dump);
		List<Segment> segments = segments(script);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			requireEmptyDatabase(connection);
			List<String> created = createRoles(connection, referencedRoles(segments, dump));
			boolean statistics = serverVersion(connection) >= DumpStatistics.FIRST_VERSION;
			int statements = 0;
			int skipped = 0;
			long rows = 0;
			for (Segment segment : segments) {
				if (segment.copyData() != null) {
					rows += copy(connection, segment);
				}
				else {
					int[] counts = execute(connection, segment, dump, statistics);
					statements += counts[0];
					skipped += counts[1];
				}
			}
			resetSession(connection);
			if (skipped > 0) {
				logger.info("Snapshot {}: skipped {} pg_dump statistics call(s); this server is older than"
						+ " PostgreSQL 18 and cannot restore them (the gate still reads the table sizes from them)",
						dump.getFileName(), skipped);
			}
			logger.info("Restored snapshot {}: {} statements, {} rows, roles created {}", dump.getFileName(),
					statements, rows, created);
			return new Result(created, statements, rows, skipped);
		}
		catch (SQLException ex) {
			throw new SnapshotRestoreException("Restoring the snapshot " + dump + " failed: " + ex.getMessage(), ex);
		}
	}

	private static String read(Path dump) {
		try {
			return Files.readString(dump, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationException("Cannot read the snapshot file " + dump + ": " + ex.getMessage());
		}
	}

	/** A run of SQL text, or one COPY statement with its data lines. */
	private record Segment(String sql, int firstLine, @Nullable String copyData) {

		List<SqlStatement> statements(Path dump) {
			try {
				return SqlLexer.split(this.sql);
			}
			catch (SqlSyntaxException ex) {
				throw new InvalidConfigurationException("The snapshot " + dump + " does not parse near line "
						+ (this.firstLine + ex.line() - 1) + ": " + ex.getMessage());
			}
		}

	}

	/**
	 * Cuts the dump into SQL text and COPY blocks, dropping psql meta-command lines.
	 * pg_dump writes each COPY statement and each meta-command on a line of its own.
	 */
	static List<Segment> segments(String script) {
		List<Segment> segments = new ArrayList<>();
		String[] lines = script.split("\r?\n", -1);
		StringBuilder sql = new StringBuilder();
		int sqlStart = 1;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (COPY_FROM_STDIN.matcher(line).matches()) {
				segments.add(new Segment(sql.toString(), sqlStart, null));
				StringBuilder data = new StringBuilder();
				int copyLine = i + 1;
				while (++i < lines.length && !lines[i].equals("\\.")) {
					data.append(lines[i]).append('\n');
				}
				segments.add(new Segment(line, copyLine, data.toString()));
				sql = new StringBuilder();
				sqlStart = i + 2;
			}
			else if (line.startsWith("\\")) {
				sql.append('\n'); // keep line numbers; psql meta-commands are not SQL
			}
			else {
				sql.append(line).append('\n');
			}
		}
		segments.add(new Segment(sql.toString(), sqlStart, null));
		return segments;
	}

	/** The roles named by ownership, grant, default-privilege and SET ROLE statements. */
	static Set<String> referencedRoles(List<Segment> segments, Path dump) {
		Set<String> roles = new LinkedHashSet<>();
		for (Segment segment : segments) {
			if (segment.copyData() != null) {
				continue;
			}
			for (SqlStatement statement : segment.statements(dump)) {
				if (ROLE_STATEMENTS.contains(statement.firstWord())) {
					addRoles(statement.text(), roles);
				}
			}
		}
		return roles;
	}

	private static void addRoles(String statement, Set<String> roles) {
		Matcher matcher = ROLE_REFERENCE.matcher(statement);
		while (matcher.find()) {
			for (String name : matcher.group(1).split("\\s*,\\s*")) {
				String role = name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
						: name.toLowerCase(java.util.Locale.ROOT);
				if (!NOT_ROLES.contains(role)) {
					roles.add(role);
				}
			}
		}
	}

	private static void requireEmptyDatabase(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n"
						+ " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm')"
						+ " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")) {
			rs.next();
			if (rs.getLong(1) > 0) {
				throw new InvalidConfigurationException("Refusing to restore a snapshot into database '"
						+ connection.getCatalog() + "': it already has " + rs.getLong(1) + " tables or views."
						+ " Point the dry run at an empty scratch database, never at a real one.");
			}
		}
	}

	private static List<String> createRoles(Connection connection, Set<String> roles) throws SQLException {
		List<String> created = new ArrayList<>();
		for (String role : roles) {
			try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
				exists.setString(1, role);
				try (ResultSet rs = exists.executeQuery()) {
					if (rs.next()) {
						continue;
					}
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE ROLE \"" + role.replace("\"", "\"\"") + "\" NOLOGIN NOSUPERUSER");
				created.add(role);
			}
		}
		return created;
	}

	private static int serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
			rs.next();
			return Integer.parseInt(rs.getString(1));
		}
	}

	/**
	 * Runs a segment's statements.
	 * @return the statements run and the statistics calls skipped
	 */
	private static int[] execute(Connection connection, Segment segment, Path dump, boolean statistics)
			throws SQLException {
		List<SqlStatement> statements = segment.statements(dump);
		int skipped = 0;
		try (Statement jdbc = connection.createStatement()) {
			jdbc.setEscapeProcessing(false);
			for (SqlStatement statement : statements) {
				if (!statistics && "SELECT".equals(statement.firstWord())
						&& DumpStatistics.isStatisticsCall(statement.text())) {
					skipped++;
					continue;
				}
				try {
					jdbc.execute(statement.text());
				}
				catch (SQLException ex) {
					if ("SET".equals(statement.firstWord()) && UNDEFINED_OBJECT.equals(ex.getSQLState())) {
						// A newer pg_dump sets parameters an older server lacks
						// (transaction_timeout).
						logger.warn("Snapshot line {}: {}; skipped", segment.firstLine() + statement.line() - 1,
								ex.getMessage());
						continue;
					}
					throw new SnapshotRestoreException(
							"The snapshot " + dump + " failed at line " + (segment.firstLine() + statement.line() - 1)
									+ " (SQLSTATE " + ex.getSQLState() + "): " + ex.getMessage(),
							ex);
				}
			}
		}
		return new int[] { statements.size() - skipped, skipped };
	}

	private static long copy(Connection connection, Segment segment) throws SQLException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		try {
			String sql = segment.sql().strip();
			return copy.copyIn(sql.substring(0, sql.length() - 1), new StringReader(segment.copyData()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * pg_dump empties search_path and may SET ROLE; the connection may go back to a pool.
	 */
	private static void resetSession(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET ALL; RESET ROLE; RESET SESSION AUTHORIZATION");
		}
	}

}
