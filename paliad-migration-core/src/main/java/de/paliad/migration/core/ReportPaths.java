package de.paliad.migration.core;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A migration file's path relative to the repository root, as CI annotations, SARIF and
 * Code Quality reports need it. A migration only knows its location plus the path inside
 * it ({@code classpath:db/migration/V3__x.sql}); the location is replaced by the
 * configured prefix, or by where such a location lives in a Maven or Gradle project
 * ({@code src/main/resources/db/migration/}).
 */
final class ReportPaths {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final List<String> locations;

	private final @Nullable String prefix;

	/**
	 * @param locations the migration locations
	 * @param prefix what replaces the location, or {@code null} to derive it
	 */
	ReportPaths(List<String> locations, @Nullable String prefix) {
		// The longest first: of 'classpath:db' and 'classpath:db/extra', the file
		// classpath:db/extra/1_x.sql belongs to the second.
		this.locations = locations.stream()
			.map((location) -> withSlash(location.strip()))
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		this.prefix = (prefix == null || prefix.isBlank()) ? null : withSlash(slashes(prefix.strip()));
	}

	/**
	 * The repository-relative path of a migration file.
	 * @param path the migration's path ({@link Migration#path()})
	 * @return the path, {@code /}-separated
	 */
	String of(String path) {
		if (this.prefix != null) {
			for (String location : this.locations) {
				if (path.startsWith(location)) {
					return this.prefix + path.substring(location.length());
				}
			}
			return this.prefix + fileName(path);
		}
		return derived(path);
	}

	private static String derived(String path) {
		if (path.startsWith(FILESYSTEM)) {
			return relativeToWorkingDirectory(path.substring(FILESYSTEM.length()));
		}
		String resource = path.startsWith(CLASSPATH) ? path.substring(CLASSPATH.length()) : path;
		while (resource.startsWith("/")) {
			resource = resource.substring(1);
		}
		return "src/main/resources/" + resource;
	}

	/**
	 * CI runs the gate from the repository root, so a file below the working directory is
	 * given relative to it; any other stays as configured.
	 */
	private static String relativeToWorkingDirectory(String file) {
		try {
			Path path = Path.of(file).normalize();
			Path workingDirectory = Path.of("").toAbsolutePath();
			if (path.isAbsolute() && path.startsWith(workingDirectory)) {
				return slashes(workingDirectory.relativize(path).toString());
			}
			return slashes(path.toString());
		}
		catch (RuntimeException ex) {
			return slashes(file);
		}
	}

	private static String fileName(String path) {
		String slashed = slashes(path);
		return slashed.substring(slashed.lastIndexOf('/') + 1);
	}

	private static String withSlash(String path) {
		return path.endsWith("/") ? path : path + "/";
	}

	private static String slashes(String path) {
		return path.replace('\\', '/');
	}

}
