package de.paliad.migration.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * What both goals share: the project and its migration locations, written as the
 * application's {@code paliad.migration.locations} are.
 */
abstract class AbstractMigrationsMojo extends AbstractMojo {

	static final String CLASSPATH = "classpath:";

	static final String FILESYSTEM = "filesystem:";

	/**
	 * The migration locations, as in the application's
	 * {@code paliad.migration.locations}: {@code classpath:<path>} (mapped to the
	 * project's resource folders, e.g. {@code src/main/resources/<path>}) or
	 * {@code filesystem:<path>} (relative to the project's folder).
	 */
	@Parameter(property = "paliad.migration.locations", defaultValue = "classpath:db/migration")
	List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));

	/**
	 * Whether to skip the goal.
	 */
	@Parameter(property = "paliad.migration.skip", defaultValue = "false")
	boolean skip;

	/**
	 * The project being built.
	 */
	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	MavenProject project;

	/**
	 * The path inside the class path of a {@code classpath:} location (also of a location
	 * without prefix, as at runtime).
	 * @return the path without slashes around it, or {@code null} for a
	 * {@code filesystem:} location
	 */
	static @Nullable String classpathPath(String location) {
		String trimmed = location.strip();
		if (trimmed.startsWith(FILESYSTEM)) {
			return null;
		}
		String path = trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed;
		return path.replaceAll("^/+", "").replaceAll("/+$", "");
	}

	/**
	 * The folders a location stands for in the project's sources: each resource folder
	 * that holds a {@code classpath:} location, or the {@code filesystem:} folder.
	 */
	List<Path> sourceFolders(String location) {
		String path = classpathPath(location);
		List<Path> folders = new ArrayList<>();
		if (path == null) {
			folders.add(this.project.getBasedir().toPath().resolve(location.strip().substring(FILESYSTEM.length())));
			return folders;
		}
		for (Resource resource : this.project.getResources()) {
			Path folder = new File(resource.getDirectory()).toPath().resolve(path);
			if (Files.isDirectory(folder)) {
				folders.add(folder);
			}
		}
		return folders;
	}

	/**
	 * An enum parameter written as in the application's properties
	 * ({@code per-migration}).
	 */
	static <E extends Enum<E>> E option(Class<E> type, String name, String value) throws MojoFailureException {
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
