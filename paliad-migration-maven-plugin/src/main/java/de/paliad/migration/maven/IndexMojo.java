package de.paliad.migration.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationIndex;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the migration index ({@code paliad-index.txt}) into each {@code classpath:}
 * location of the build output, from the files that will be packaged: one line per file
 * with its version, name, size, SHA-256, whether it runs in a transaction and the result
 * of the static checks. A migrator booting from the packaged jar then takes the checksums
 * of applied migrations from the index instead of reading and hashing every file.
 * {@code filesystem:} locations are not indexed (their files change without a build).
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class IndexMojo extends AbstractMigrationsMojo {

	/**
	 * The build output that {@code classpath:} locations are indexed in, after the
	 * resources were copied there.
	 */
	@Parameter(property = "paliad.migration.outputDirectory", defaultValue = "${project.build.outputDirectory}",
			required = true)
	File outputDirectory;

	@Override
	public void execute() throws MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping the migration index (paliad.migration.skip)");
			return;
		}
		for (String location : this.locations) {
			String path = classpathPath(location);
			if (path == null) {
				getLog().info("Not indexing " + location + ": only classpath: locations are packaged with the build");
				continue;
			}
			Path folder = this.outputDirectory.toPath().resolve(path);
			if (!Files.isDirectory(folder)) {
				getLog().info("No migrations at " + folder + " to index for " + location);
				continue;
			}
			index(location, folder);
		}
	}

	private void index(String location, Path folder) throws MojoFailureException {
		try {
			MigrationIndex index = MigrationIndex.of(folder);
			Path file = folder.resolve(MigrationIndex.FILE_NAME);
			index.writeTo(file);
			getLog().info("Indexed " + index.size() + " migration files of " + location + " in " + file);
			if (index.staticCheckFailures() > 0) {
				getLog().warn(index.staticCheckFailures() + " indexed files fail the static checks (see " + file
						+ "); the validate goal fails the build for them");
			}
		}
		catch (MigrationException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
	}

}
