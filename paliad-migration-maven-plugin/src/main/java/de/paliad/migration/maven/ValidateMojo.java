package de.paliad.migration.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.Migrator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The offline checks of the migration files, as the application's {@code validate} mode
 * runs them, with no database: file names, duplicate versions (across all locations: two
 * branches that each added version 42 fail the build of their merge), empty files and the
 * static checks. Fails the build naming every offending file.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractMigrationsMojo {

	@Override
	public void execute() throws MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping the validation of the migrations (paliad.migration.skip)");
			return;
		}
		List<String> folders = new ArrayList<>();
		for (String location : this.locations) {
			for (Path folder : sourceFolders(location)) {
				folders.add(FILESYSTEM + folder.toAbsolutePath());
			}
		}
		if (folders.isEmpty()) {
			getLog().warn("No migration folder found for " + this.locations + "; nothing to validate");
			return;
		}
		try {
			MigrationSet migrations = Migrator
				.offline(MigrationConfiguration.builder()
					.locations(folders)
					.classLoader(getClass().getClassLoader())
					.build())
				.validate();
			getLog().info("Validated " + migrations.size() + " migrations in " + folders);
		}
		catch (MigrationException ex) {
			// The core's message names every file and says what to do.
			throw new MojoFailureException(ex.getMessage(), ex);
		}
	}

}
