package de.paliad.migration.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the files below {@code classpath:} and {@code filesystem:} locations,
 * recursively. Works from an exploded classpath, a plain jar, and a Spring Boot fat jar
 * (whose nested {@code jar:nested:} URLs open as {@link JarURLConnection}s too). Listing
 * reads names and sizes only; a file's bytes are read when the loader asks for them, so
 * the jars stay open until the {@link Listing} is closed. A {@code classpath:} location
 * whose root holds a {@linkplain MigrationIndex build-time index} gets it checked against
 * the listing and attached to the files.
 */
final class MigrationScanner {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(MigrationScanner.class);

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final ClassLoader classLoader;

	MigrationScanner(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Lists the locations. Close the listing when the files' bytes were read.
	 * @param locations the locations
	 * @return the listing
	 */
	Listing scan(List<String> locations) {
		Listing listing = new Listing();
		try {
			for (String location : locations) {
				int before = listing.resources.size();
				scan(location.strip(), listing);
				if (listing.resources.size() == before) {
					// A typo in a location, or a jar built without folder entries, looks
					// exactly like "no migrations".
					logger.warn(
							"Migration location '{}' holds no files; check the location if migrations were expected",
							location);
				}
			}
			return listing;
		}
		catch (RuntimeException ex) {
			listing.close();
			throw ex;
		}
	}

	private void scan(String location, Listing listing) {
		try {
			if (location.startsWith(FILESYSTEM)) {
				// No index here: files in a folder may be edited after any build.
				listing.resources.addAll(scanDirectory(Paths.get(location.substring(FILESYSTEM.length())), location));
				return;
			}
			if (location.startsWith(CLASSPATH) || !location.contains(":")) {
				String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
				scanClasspath(trimSlashes(path), location, listing);
				return;
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

	private void scanClasspath(String path, String location, Listing listing) throws IOException {
		for (URL url : Collections.list(this.classLoader.getResources(path))) {
			listing.resources.addAll("file".equals(url.getProtocol()) ? scanDirectory(toPath(url), location)
					: withIndex(scanJar(url, location, listing), url));
		}
	}

	/**
	 * The files of a location in a jar, with the entries of the index beside them, if the
	 * build wrote one.
	 */
	private static List<MigrationResource> withIndex(List<MigrationResource> found, URL root) {
		for (MigrationResource resource : found) {
			if (resource.relativePath().equals(MigrationIndex.FILE_NAME)) {
				List<MigrationResource> files = new ArrayList<>(found);
				files.remove(resource);
				MigrationIndex index = MigrationIndex.parse(MigrationLoader.decode(resource.read()), resource.path());
				logger.debug("Using the build-time migration index {} ({} files) of {}", resource.path(), index.size(),
						root);
				return index.attach(files, resource.path());
			}
		}
		return found;
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
		// One walk that reads each file's attributes once (Files.walk, isRegularFile and
		// size asked the file system three times per file).
		Map<Path, Long> files = new TreeMap<>();
		Files.walkFileTree(directory, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (attributes.isRegularFile()) {
					files.put(file, attributes.size());
				}
				else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
					// A link to a file (a Kubernetes ConfigMap mount) counts as the file.
					files.put(file, Files.size(file));
				}
				return FileVisitResult.CONTINUE;
			}
		});
		List<MigrationResource> resources = new ArrayList<>(files.size());
		files.forEach((file, size) -> {
			String relative = directory.relativize(file).toString().replace('\\', '/');
			resources.add(new MigrationResource(file.getFileName().toString(), join(location, relative), relative, size,
					() -> Files.readAllBytes(file), null));
		});
		return resources;
	}

	private static List<MigrationResource> scanJar(URL url, String location, Listing listing) throws IOException {
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new InvalidConfigurationException(
					"Cannot list migration location '" + location + "' served as " + url.getProtocol() + ": URLs.");
		}
		jarConnection.setUseCaches(false);
		String prefix = (jarConnection.getEntryName() != null) ? jarConnection.getEntryName() + "/" : "";
		// Uncached: this JarFile is ours to close (a cached one is shared with the class
		// loader). The listing keeps it open until the loader has read what it needs.
		JarFile jar = listing.keepOpen(jarConnection.getJarFile());
		List<JarEntry> entries = new ArrayList<>();
		for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
			JarEntry entry = e.nextElement();
			if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
				entries.add(entry);
			}
		}
		entries.sort((a, b) -> a.getName().compareTo(b.getName()));
		List<MigrationResource> resources = new ArrayList<>();
		for (JarEntry entry : entries) {
			String relative = entry.getName().substring(prefix.length());
			String fileName = relative.substring(relative.lastIndexOf('/') + 1);
			resources.add(new MigrationResource(fileName, join(location, relative), relative, entry.getSize(),
					() -> read(jar, entry), null));
		}
		return resources;
	}

	private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
		try (InputStream in = jar.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

	private static String join(String location, String relative) {
		return location.endsWith("/") ? location + relative : location + "/" + relative;
	}

	/**
	 * The files of the scanned locations, in location order, and the jars they are read
	 * from.
	 */
	static final class Listing implements AutoCloseable {

		private final List<MigrationResource> resources = new ArrayList<>();

		private final List<JarFile> jars = new ArrayList<>();

		List<MigrationResource> resources() {
			return this.resources;
		}

		private JarFile keepOpen(JarFile jar) {
			this.jars.add(jar);
			return jar;
		}

		@Override
		public void close() {
			for (JarFile jar : this.jars) {
				try {
					jar.close();
				}
				catch (IOException ex) {
					logger.debug("Could not close {}", jar.getName(), ex);
				}
			}
			this.jars.clear();
		}

	}

}
