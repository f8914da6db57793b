package de.paliad.migration.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of migration files that a test writes, as a {@code filesystem:} location.
 */
public final class MigrationDirectory {

	private final Path root;

	public MigrationDirectory(Path root) {
		this.root = root;
	}

	/** Writes (or overwrites) a file and returns this folder. */
	public MigrationDirectory write(String fileName, String content) {
		try {
			Path file = this.root.resolve(fileName);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public MigrationDirectory delete(String fileName) {
		try {
			Files.delete(this.root.resolve(fileName));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path root() {
		return this.root;
	}

	/** The {@code filesystem:} location of this folder. */
	public String location() {
		return "filesystem:" + this.root.toAbsolutePath();
	}

}
