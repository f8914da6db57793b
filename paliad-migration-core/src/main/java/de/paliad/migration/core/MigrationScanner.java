package de.paliad.migration.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the files below {@code classpath:} and {@code filesystem:} locations,
 * recursively. Works from an exploded classpath, a plain jar, and a Spring Boot fat jar
 * (whose nested {@code jar:nested:} URLs open as {@link JarURLConnection}s too).
 */
final class MigrationScanner {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(MigrationScanner.class);

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final ClassLoader classLoader;

	MigrationScanner(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	List<MigrationResource> scan(List<String> locations) {
		List<MigrationResource> resources = new ArrayList<>();
		for (String location : locations) {
			List<MigrationResource> found = scan(location.strip());
			if (found.isEmpty()) {
				// A typo in a location, or a jar built without folder entries, looks
				// exactly like "no migrations".
				logger.warn("Migration location '{}' holds no files; check the location if migrations were expected",
						location);
			}
			resources.addAll(found);
		}
		return resources;
	}

	private List<MigrationResource> scan(String location) {
		try {
			if (location.startsWith(FILESYSTEM)) {
				return scanDirectory(Paths.get(location.substring(FILESYSTEM.length())), location);
			}
			if (location.startsWith(CLASSPATH) || !location.contains(":")) {
				String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
				return scanClasspath(trimSlashes(path), location);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read migration location '" + location + "': " + ex.getMessage(),
					ex);
		}
		throw new InvalidConfigurationException(
				"Unsupported migration location '" + location + "': use 'classpath:<path>' or 'filesystem:<path>'.");
	}

	private static String trimSlashes(String path) {
		String trimmed = path;
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	private List<MigrationResource> scanClasspath(String path, String location) throws IOException {
		List<MigrationResource> resources = new ArrayList<>();
		for (URL url : Collections.list(this.classLoader.getResources(path))) {
			if ("file".equals(url.getProtocol())) {
				resources.addAll(scanDirectory(toPath(url), location));
			}
			else {
				resources.addAll(scanJar(url, location));
			}
		}
		return resources;
	}

	private static Path toPath(URL url) {
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Unreadable classpath URL " + url, ex);
		}
	}

	private static List<MigrationResource> scanDirectory(Path directory, String location) throws IOException {
		if (!Files.isDirectory(directory)) {
			if (location.startsWith(FILESYSTEM)) {
				throw new InvalidConfigurationException("Migration location '" + location + "' is not a directory ("
						+ directory.toAbsolutePath() + ").");
			}
			return List.of();
		}
		List<MigrationResource> resources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
				String relative = directory.relativize(file).toString().replace('\\', '/');
				resources.add(new MigrationResource(file.getFileName().toString(), join(location, relative),
						Files.readAllBytes(file)));
			}
		}
		return resources;
	}

	private static List<MigrationResource> scanJar(URL url, String location) throws IOException {
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new InvalidConfigurationException(
					"Cannot list migration location '" + location + "' served as " + url.getProtocol() + ": URLs.");
		}
		jarConnection.setUseCaches(false);
		String prefix = (jarConnection.getEntryName() != null) ? jarConnection.getEntryName() + "/" : "";
		List<MigrationResource> resources = new ArrayList<>();
		try (JarFile jar = jarConnection.getJarFile()) {
			List<JarEntry> entries = new ArrayList<>();
			for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
				JarEntry entry = e.nextElement();
				if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
					entries.add(entry);
				}
			}
			entries.sort((a, b) -> a.getName().compareTo(b.getName()));
			for (JarEntry entry : entries) {
				String relative = entry.getName().substring(prefix.length());
				String fileName = relative.substring(relative.lastIndexOf('/') + 1);
				try (InputStream in = jar.getInputStream(entry)) {
					resources.add(new MigrationResource(fileName, join(location, relative), in.readAllBytes()));
				}
			}
		}
		return resources;
	}

	private static String join(String location, String relative) {
		return location.endsWith("/") ? location + relative : location + "/" + relative;
	}

}
