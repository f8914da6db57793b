package de.paliad.migration.maven;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The scratch database the gate rehearses on: a new database on an embedded PostgreSQL
 * started for this one build (stopped and deleted on {@link #close()}), or a database the
 * user named by URL (left as the gate leaves it: the build owns neither it nor its
 * server).
 */
final class GateDatabase implements AutoCloseable {

	static final String SCRATCH_NAME = "paliad_gate";

	private final DataSource dataSource;

	private final String description;

	private final @Nullable EmbeddedPostgres server;

	private GateDatabase(DataSource dataSource, String description, @Nullable EmbeddedPostgres server) {
		this.dataSource = dataSource;
		this.description = description;
		this.server = server;
	}

	/**
	 * Starts an embedded server from a binaries jar and creates the scratch database on
	 * it, connected as the superuser {@code postgres} (the restore creates the snapshot's
	 * roles).
	 * @param binariesJar zonky's binaries jar for this platform
	 * @param version the binaries version, for the description
	 * @return the database
	 * @throws IOException when the server does not start
	 * @throws SQLException when the scratch database cannot be created
	 */
	static GateDatabase embedded(Path binariesJar, String version) throws IOException, SQLException {
		// A throw-away server for one build: durability settings only cost time here.
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.setPgBinaryResolver(fromJar(binariesJar))
			.start();
		try {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + SCRATCH_NAME);
			}
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(server.getJdbcUrl("postgres", SCRATCH_NAME));
			return new GateDatabase(dataSource,
					"an embedded PostgreSQL " + version + " (database " + SCRATCH_NAME + ")", server);
		}
		catch (SQLException | RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * A database the user gave.
	 * @param url its JDBC URL
	 * @param user the login user
	 * @param password the password, or {@code null}
	 * @return the database
	 */
	static GateDatabase external(String url, String user, @Nullable String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		dataSource.setUser(user);
		if (password != null) {
			dataSource.setPassword(password);
		}
		return new GateDatabase(dataSource, withoutSecrets(url) + " as " + user, null);
	}

	/**
	 * A URL fit for the build log: its query (which may hold {@code password=}) and any
	 * user info are left out.
	 * @param url the JDBC URL
	 * @return the URL up to the database name
	 */
	static String withoutSecrets(String url) {
		String withoutQuery = url.split("[?;]", 2)[0];
		if (withoutQuery.startsWith("jdbc:")) {
			try {
				URI uri = URI.create(withoutQuery.substring("jdbc:".length()));
				if (uri.getRawUserInfo() != null) {
					return withoutQuery.replace(uri.getRawUserInfo() + "@", "");
				}
			}
			catch (IllegalArgumentException ex) {
				// Not a URI after all; the query was the only place a secret belongs.
			}
		}
		return withoutQuery;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	boolean isEmbedded() {
		return this.server != null;
	}

	/**
	 * What the gate ran against, without credentials.
	 * @return the description
	 */
	String description() {
		return this.description;
	}

	/**
	 * Prepares an empty embedded database for a rehearsal without a snapshot as the
	 * production migration role: the role, as production has it, owning the schema it
	 * migrates (a snapshot brings its roles and owners along instead).
	 * @param role the role name
	 * @throws SQLException when the role cannot be set up
	 */
	void createOwnerRole(String role) throws SQLException {
		String quoted = "\"" + role.replace("\"", "\"\"") + "\"";
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + quoted + " NOLOGIN");
			statement.execute("GRANT CREATE ON DATABASE " + SCRATCH_NAME + " TO " + quoted);
			statement.execute("ALTER SCHEMA public OWNER TO " + quoted);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

	private static PgBinaryResolver fromJar(Path jar) {
		return (system, architecture) -> {
			// A binaries jar holds exactly one archive, for the platform it was built
			// for.
			JarFile file = new JarFile(jar.toFile());
			ZipEntry archive = file.stream()
				.filter((entry) -> entry.getName().endsWith(".txz"))
				.findFirst()
				.orElseThrow(() -> new IOException(jar + " holds no PostgreSQL archive (.txz)"));
			InputStream in = file.getInputStream(archive);
			return new FilterInputStream(in) {
				@Override
				public void close() throws IOException {
					super.close();
					file.close();
				}
			};
		};
	}

}
