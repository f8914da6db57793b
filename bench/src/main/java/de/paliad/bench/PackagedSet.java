package de.paliad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import de.paliad.bench.runner.PaliadRunner;
import de.paliad.migration.core.MigrationIndex;

/**
 * A set's paliad files packaged as an application built with the Maven plugin's
 * {@code index} goal ships them: in a jar, under {@value PaliadRunner#PACKAGED_PATH},
 * with the build-time index ({@link MigrationIndex#FILE_NAME}) beside them. The index is
 * written by the same public call the plugin's {@code IndexMojo} makes
 * ({@link MigrationIndex#of(Path)}, then {@link MigrationIndex#writeTo(Path)}), and only
 * a jar makes the migrator trust it (files in a folder may change after any build). Built
 * once per set, outside the timing.
 */
final class PackagedSet {

	/** The jar's name in a set's folder. */
	static final String JAR_NAME = "paliad-indexed.jar";

	private PackagedSet() {
	}

	/**
	 * Packages {@code <set>/paliad} into {@code <set>/}{@value #JAR_NAME}.
	 * @param set a folder {@link MigrationSetGenerator} wrote
	 * @return the jar
	 */
	static Path write(Path set) throws IOException {
		Path folder = set.resolve(Tool.PALIAD.setFolder());
		Path index = index(set);
		Path jar = set.resolve(JAR_NAME);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// Folder entries, as Maven's jar plugin writes them: without them the class
			// loader does not find the location at all.
			String prefix = "";
			for (String part : PaliadRunner.PACKAGED_PATH.split("/")) {
				prefix = prefix + part + "/";
				out.putNextEntry(new JarEntry(prefix));
				out.closeEntry();
			}
			List<Path> files;
			try (Stream<Path> list = Files.list(folder)) {
				files = list.sorted().toList();
			}
			for (Path file : files) {
				add(out, prefix + file.getFileName(), file);
			}
			add(out, prefix + MigrationIndex.FILE_NAME, index);
		}
		return jar;
	}

	/**
	 * Writes the index of {@code <set>/paliad} as
	 * {@code <set>/}{@value MigrationIndex#FILE_NAME}: beside the folder, not in it,
	 * because the filesystem variant lists that folder.
	 * @param set a folder {@link MigrationSetGenerator} wrote
	 * @return the index file
	 */
	static Path index(Path set) {
		Path index = set.resolve(MigrationIndex.FILE_NAME);
		MigrationIndex.of(set.resolve(Tool.PALIAD.setFolder())).writeTo(index);
		return index;
	}

	static void add(JarOutputStream out, String name, Path file) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(Files.readAllBytes(file));
		out.closeEntry();
	}

}
