package de.paliad.migration.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build-time index of a migration location: one line per migration file with its
 * version, name, size, SHA-256, whether it runs in a transaction and the result of the
 * static checks. The {@code paliad-migration-maven-plugin} writes it as
 * {@value #FILE_NAME} beside the migrations in the build output, so it is packaged with
 * them; at boot from a jar, the migrator reads it instead of reading and hashing every
 * applied migration. In a folder on the class path (an IDE, tests), where files change
 * without a new build, the index is ignored.
 * <p>
 * What the index is trusted with, and why: it is computed from the very files that are
 * packaged with it, in the same build. At boot, the listing of the location must match it
 * exactly (no file missing from the index, no entry without its file, every size equal),
 * or the run stops with a {@link MigrationValidationException} asking for a rebuild.
 * Files the run reads anyway (pending migrations, which are lexed and run, and every file
 * in the {@code validate} mode) are hashed and must match their entry. Only the checksum
 * and the transaction flag of an <em>applied</em> migration are taken from the index
 * unread: a file edited inside the jar after the build, keeping its size, escapes drift
 * detection.
 */
public final class MigrationIndex {

	/** The index's file name, at the root of a migration location. */
	public static final String FILE_NAME = "paliad-index.txt";

	private static final String HEADER = "# paliad-migration index v1";

	private static final String COLUMNS = "# version\tkind\tname\tsize\tsha256\ttransactional\tpath\tstatic-check";

	private static final String OK = "ok";

	private final List<Entry> entries;

	private MigrationIndex(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * Indexes a folder of migrations, as the build does for the folder it packages. Reads
	 * every file once; a file that fails the static checks is indexed with its problems
	 * (the {@code validate} goal is the one that fails the build for them).
	 * @param directory the folder, e.g. {@code target/classes/db/migration}
	 * @return the index
	 * @throws MigrationValidationException when file names do not parse or versions are
	 * claimed twice
	 */
	public static MigrationIndex of(Path directory) {
		MigrationScanner scanner = new MigrationScanner(MigrationIndex.class.getClassLoader());
		try (MigrationScanner.Listing listing = scanner.scan(List.of("filesystem:" + directory.toAbsolutePath()))) {
			Map<MigrationResource, MigrationFileName> names = MigrationLoader.names(listing.resources());
			List<Entry> entries = new ArrayList<>();
			names.forEach((resource, name) -> {
				byte[] content = resource.read();
				String script = MigrationLoader.decode(content);
				List<String> problems = name.down() ? MigrationLoader.syntaxProblems(resource.path(), script)
						: MigrationLoader.check(resource.path(), script).problems();
				entries.add(new Entry(resource.relativePath(), name.version(), name.name(), name.down(), content.length,
						Checksums.sha256(content), !MigrationLoader.hasNoTransactionDirective(script),
						problems.isEmpty() ? OK : String.join(" | ", problems)));
			});
			entries.sort((a, b) -> a.path().compareTo(b.path()));
			return new MigrationIndex(entries);
		}
	}

	/**
	 * How many files the index lists.
	 * @return the number of up and down files
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * How many indexed files failed the static checks.
	 * @return the number of files whose static-check column is not {@code ok}
	 */
	public int staticCheckFailures() {
		return (int) this.entries.stream().filter((entry) -> !OK.equals(entry.staticCheck())).count();
	}

	/**
	 * Writes the index, replacing the file.
	 * @param file where, normally {@value #FILE_NAME} in the indexed folder
	 */
	public void writeTo(Path file) {
		try {
			Files.writeString(file, format(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the migration index " + file + ": " + ex.getMessage(), ex);
		}
	}

	String format() {
		StringBuilder text = new StringBuilder(HEADER)
			.append(" - written at build time by paliad-migration-maven-plugin from the files beside it; do not edit\n")
			.append(COLUMNS)
			.append('\n');
		for (Entry entry : this.entries) {
			text.append(entry.version())
				.append('\t')
				.append(entry.down() ? "down" : "up")
				.append('\t')
				.append(entry.name())
				.append('\t')
				.append(entry.size())
				.append('\t')
				.append(entry.sha256())
				.append('\t')
				.append(entry.transactional())
				.append('\t')
				.append(entry.path())
				.append('\t')
				.append(entry.staticCheck().replaceAll("[\\t\\r\\n]+", " "))
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * Reads an index.
	 * @param text the index file's text
	 * @param where the index file, for messages
	 * @return the index
	 * @throws MigrationValidationException when a line cannot be read
	 */
	static MigrationIndex parse(String text, String where) {
		List<Entry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		String[] lines = text.split("\\R");
		if (lines.length == 0 || !lines[0].startsWith(HEADER)) {
			problems.add(where + " does not start with '" + HEADER + "'");
		}
		for (int i = 0; i < lines.length && problems.isEmpty(); i++) {
			String line = lines[i];
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t", 8);
			try {
				if (columns.length != 8) {
					throw new IllegalArgumentException("expected 8 tab-separated columns");
				}
				entries.add(new Entry(columns[6], Long.parseLong(columns[0]), columns[2], "down".equals(columns[1]),
						Long.parseLong(columns[3]), columns[4], Boolean.parseBoolean(columns[5]), columns[7]));
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + " line " + (i + 1) + " cannot be read (" + ex.getMessage() + ")");
			}
		}
		if (!problems.isEmpty()) {
			throw stale(problems);
		}
		return new MigrationIndex(entries);
	}

	/**
	 * Checks the listing of the index's location against the index and attaches each
	 * file's entry.
	 * @param listed the files of the location the index belongs to
	 * @param where the index file, for messages
	 * @return the files, migrations with their entries
	 * @throws MigrationValidationException naming every file the index disagrees with
	 */
	List<MigrationResource> attach(List<MigrationResource> listed, String where) {
		Map<String, Entry> byPath = new LinkedHashMap<>();
		this.entries.forEach((entry) -> byPath.put(entry.path(), entry));
		List<String> problems = new ArrayList<>();
		List<MigrationResource> attached = new ArrayList<>();
		for (MigrationResource resource : listed) {
			if (!MigrationFileName.looksLikeMigration(resource.fileName())) {
				attached.add(resource);
				continue;
			}
			Entry entry = byPath.remove(resource.relativePath());
			if (entry == null) {
				problems.add(resource.path() + " is not in the index " + where);
			}
			else if (resource.size() >= 0 && resource.size() != entry.size()) {
				problems.add(resource.path() + " has " + resource.size() + " bytes but the index " + where + " says "
						+ entry.size());
			}
			else {
				attached.add(resource.withIndexEntry(entry));
			}
		}
		byPath.keySet()
			.forEach((path) -> problems.add("the index " + where + " lists " + path + " but there is no such file"));
		if (!problems.isEmpty()) {
			throw stale(problems);
		}
		return attached;
	}

	/**
	 * The index disagrees with the files it was packaged with.
	 * @param problems one sentence per file
	 * @return the exception to throw
	 */
	static MigrationValidationException stale(List<String> problems) {
		return new MigrationValidationException(
				"The build-time migration index disagrees with the migration files (nothing was executed):", problems,
				"The files were changed after the build that indexed them. Rebuild the application (the"
						+ " paliad-migration-maven-plugin's index goal rewrites " + FILE_NAME
						+ "), and never edit migrations inside a built jar.");
	}

	/**
	 * One indexed file.
	 *
	 * @param path the path inside the location, {@code /}-separated
	 * @param version the version
	 * @param name the name part of the file name
	 * @param down whether it is a down file
	 * @param size the size in bytes
	 * @param sha256 lowercase hex SHA-256 of the bytes
	 * @param transactional whether it runs in a transaction
	 * @param staticCheck {@code ok}, or the static-check problems found at build time
	 */
	record Entry(String path, long version, String name, boolean down, long size, String sha256, boolean transactional,
			String staticCheck) {

	}

}
