package de.paliad.migration.core;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

/**
 * A file found in a migration location, before its name is parsed. Listing a location
 * reads no file: the loader calls {@link #read()} only for the files whose bytes it needs
 * (to hash them, or to lex the ones that will run), and at most once per file.
 *
 * @param fileName the file's name, without folders
 * @param path where it was found, for messages (location plus relative path)
 * @param relativePath the path inside the location, {@code /}-separated
 * @param size the size in bytes as listed, or {@code -1} when the listing does not know
 * it
 * @param reader reads the file's bytes
 * @param indexed the build-time index's entry for the file, or {@code null} when the
 * location has no index
 */
record MigrationResource(String fileName, String path, String relativePath, long size, Reader reader,
		MigrationIndex.@Nullable Entry indexed) {

	/**
	 * Reads the file.
	 * @return its bytes
	 */
	byte[] read() {
		try {
			return this.reader.read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read migration file " + this.path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Identity, as the generated equality already was in effect (each listed file has a
	 * reader of its own): written out because the generated {@code hashCode} of a record
	 * is bootstrapped through {@code java.lang.invoke} on first use, some 60 classes and
	 * tens of milliseconds at boot for a map keyed by resources.
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

	MigrationResource withIndexEntry(MigrationIndex.Entry entry) {
		return new MigrationResource(this.fileName, this.path, this.relativePath, this.size, this.reader, entry);
	}

	/**
	 * Reads a listed file's bytes.
	 */
	@FunctionalInterface
	interface Reader {

		byte[] read() throws IOException;

	}

}
