package de.paliad.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import de.paliad.migration.core.MigrationIndex;

/**
 * A copy of the sample app's fat jar with a generated set packaged where an application
 * packages its migrations: paliad's files and their build-time index (as the Maven
 * plugin's {@code index} goal writes it) under {@code BOOT-INF/classes/}{@value #PALIAD},
 * Flyway's files under {@code BOOT-INF/classes/}{@value #FLYWAY}. Every variant of the
 * app measurement boots this same jar; the folder variants only point their location
 * elsewhere. Built once, outside the timing.
 */
final class AppJar {

	/** paliad's files and index inside the jar's classes. */
	static final String PALIAD = "bench/paliad";

	/** Flyway's files inside the jar's classes. */
	static final String FLYWAY = "bench/flyway";

	private static final String CLASSES = "BOOT-INF/classes/";

	private AppJar() {
	}

	/**
	 * Writes {@code target} from {@code sampleJar} and the set.
	 * @param sampleJar the sample app's fat jar
	 * @param set a folder {@link MigrationSetGenerator} wrote
	 * @param target the jar to write
	 * @return {@code target}
	 */
	static Path write(Path sampleJar, Path set, Path target) throws IOException {
		Path index = PackagedSet.index(set);
		try (JarFile source = new JarFile(sampleJar.toFile());
				JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
			for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements();) {
				JarEntry entry = entries.nextElement();
				JarEntry copy = new JarEntry(entry.getName());
				if (entry.getMethod() == ZipEntry.STORED) {
					// Nested jars must stay stored (uncompressed) for Boot's launcher.
					copy.setMethod(ZipEntry.STORED);
					copy.setSize(entry.getSize());
					copy.setCompressedSize(entry.getSize());
					copy.setCrc(entry.getCrc());
				}
				out.putNextEntry(copy);
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			// Folder entries: without them the class loader does not find a location.
			for (String folder : List.of("bench/", PALIAD + "/", FLYWAY + "/")) {
				out.putNextEntry(new JarEntry(CLASSES + folder));
				out.closeEntry();
			}
			copyFolder(out, set.resolve(Tool.PALIAD.setFolder()), CLASSES + PALIAD + "/");
			PackagedSet.add(out, CLASSES + PALIAD + "/" + MigrationIndex.FILE_NAME, index);
			copyFolder(out, set.resolve(Tool.FLYWAY.setFolder()), CLASSES + FLYWAY + "/");
		}
		return target;
	}

	private static void copyFolder(JarOutputStream out, Path folder, String prefix) throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.sorted().toList();
		}
		for (Path file : files) {
			PackagedSet.add(out, prefix + file.getFileName(), file);
		}
	}

}
