package de.paliad.migration.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

import org.jspecify.annotations.Nullable;

/**
 * Turns the files of the migration locations into a {@link MigrationSet}: parses names,
 * pairs up and down files, rejects duplicates, and runs the static checks. Needs no
 * database, so the {@code validate} mode and CI can run it offline.
 * <p>
 * Lexing is the expensive part of a boot with many migrations, and an applied migration
 * never runs again, so {@link #load(List, LongPredicate)} lexes and checks only the
 * versions asked for (the pending ones) and reads the other files only to hash them, or
 * not at all when a {@linkplain MigrationIndex build-time index} vouches for them. Every
 * file is read at most once.
 */
final class MigrationLoader {

	private final MigrationScanner scanner;

	MigrationLoader(ClassLoader classLoader) {
		this.scanner = new MigrationScanner(classLoader);
	}

	/**
	 * Loads every migration, lexed and checked: the {@code validate} mode, and every
	 * operation but {@code migrate}.
	 */
	MigrationSet load(List<String> locations) {
		try (Listed listed = list(locations)) {
			return listed.load(Listed.ALL);
		}
	}

	/**
	 * Lists the locations and checks the file names, reading no file yet.
	 * @throws MigrationValidationException on malformed names, duplicate versions, or an
	 * index that disagrees with the listing
	 */
	Listed list(List<String> locations) {
		MigrationScanner.Listing listing = this.scanner.scan(locations);
		try {
			return new Listed(listing, names(listing.resources()));
		}
		catch (RuntimeException ex) {
			listing.close();
			throw ex;
		}
	}

	/**
	 * Parses the names of the files that look like migrations.
	 * @return the migration files and their parsed names, in listing order
	 * @throws MalformedMigrationException when a name does not parse or a down file has
	 * no up file
	 * @throws DuplicateVersionException when two files claim a version
	 */
	static Map<MigrationResource, MigrationFileName> names(List<MigrationResource> resources) {
		List<String> malformed = new ArrayList<>();
		Map<Long, List<MigrationResource>> ups = new TreeMap<>();
		Map<Long, List<MigrationResource>> downs = new TreeMap<>();
		Map<MigrationResource, MigrationFileName> names = new LinkedHashMap<>();
		for (MigrationResource resource : resources) {
			if (!MigrationFileName.looksLikeMigration(resource.fileName())) {
				continue;
			}
			try {
				MigrationFileName name = MigrationFileName.parse(resource.fileName());
				names.put(resource, name);
				(name.down() ? downs : ups).computeIfAbsent(name.version(), (v) -> new ArrayList<>()).add(resource);
			}
			catch (IllegalArgumentException ex) {
				malformed.add(resource.path() + " — " + ex.getMessage());
			}
		}
		downs.forEach((version, files) -> {
			if (!ups.containsKey(version)) {
				files.forEach((file) -> malformed
					.add(file.path() + " — a down migration without an up migration of version " + version));
			}
		});
		if (!malformed.isEmpty()) {
			throw new MalformedMigrationException(
					"Migration files with names that do not parse (nothing was executed):", malformed,
					"Rename them to <version>_<name>.up.sql (or .down.sql), or move them out of the migration location.");
		}
		rejectDuplicates(ups, "up");
		rejectDuplicates(downs, "down");
		return names;
	}

	private static void rejectDuplicates(Map<Long, List<MigrationResource>> byVersion, String kind) {
		List<String> problems = new ArrayList<>();
		byVersion.forEach((version, files) -> {
			if (files.size() > 1) {
				problems.add("version " + version + " is claimed by " + files.size() + " " + kind + " files: "
						+ String.join(" and ", files.stream().map(MigrationResource::path).toList()));
			}
		});
		if (!problems.isEmpty()) {
			throw new DuplicateVersionException("Two migration files share a version (nothing was executed):", problems,
					"Give one of them a version that is not taken yet (parallel branches often pick the same number).");
		}
	}

	private static TreeMap<Long, Migration> parseAll(Map<Long, MigrationResource> ups,
			Map<Long, MigrationResource> downs, Map<MigrationResource, MigrationFileName> names, LongPredicate lexed) {
		List<String> problems = new ArrayList<>();
		List<String> emptyFiles = new ArrayList<>();
		List<String> staleIndex = new ArrayList<>();
		TreeMap<Long, Migration> migrations = new TreeMap<>();
		ups.forEach((version, up) -> {
			@Nullable MigrationResource down = downs.get(version);
			String name = names.get(up).name();
			@Nullable String downFileName = (down != null) ? down.fileName() : null;
			MigrationIndex.Entry indexed = up.indexed();
			if (!lexed.test(version) && indexed != null) {
				// Vouched for by the build that packaged it: nothing to read.
				migrations.put(version, new Migration(version, name, up.fileName(), up.path(), indexed.sha256(),
						indexed.transactional(), null, null, downFileName, AllowDirectives.NONE));
				return;
			}
			byte[] content = read(up, staleIndex);
			if (!lexed.test(version)) {
				// Applied: only the first line (the no-transaction directive) is looked
				// at.
				migrations.put(version,
						new Migration(version, name, up.fileName(), up.path(), Checksums.sha256(content),
								!hasNoTransactionDirective(decode(firstLine(content))), null, null, downFileName,
								AllowDirectives.NONE));
				return;
			}
			String script = decode(content);
			Checked checked = check(up.path(), script);
			problems.addAll(checked.problems());
			if (checked.statements().isEmpty()) {
				if (checked.problems().isEmpty()) {
					emptyFiles.add(up.path() + " contains no SQL statement");
				}
				return;
			}
			@Nullable List<SqlStatement> downStatements = null;
			if (down != null) {
				try {
					downStatements = SqlLexer.split(decode(read(down, staleIndex)));
				}
				catch (SqlSyntaxException ex) {
					problems.add(up.path() + " (or its down file): " + ex.getMessage());
					return;
				}
			}
			migrations.put(version, new Migration(version, name, up.fileName(), up.path(), Checksums.sha256(content),
					checked.transactional(), checked.statements(), downStatements, downFileName, checked.directives()));
		});
		if (!staleIndex.isEmpty()) {
			throw MigrationIndex.stale(staleIndex);
		}
		if (!emptyFiles.isEmpty()) {
			throw new MalformedMigrationException("Empty migration files (nothing was executed):", emptyFiles,
					"Put the migration's SQL in the file, or delete the file if it was committed by mistake.");
		}
		if (!problems.isEmpty()) {
			throw new StaticCheckException("Migrations failed the static checks (nothing was executed):", problems,
					"See docs/migrations.md#static-checks for what is allowed and why.");
		}
		return migrations;
	}

	/**
	 * Reads a file; when an index vouches for it, its bytes must be what was indexed.
	 */
	private static byte[] read(MigrationResource resource, List<String> staleIndex) {
		byte[] content = resource.read();
		MigrationIndex.Entry indexed = resource.indexed();
		if (indexed != null && !indexed.sha256().equals(Checksums.sha256(content))) {
			staleIndex.add(resource.path() + " has changed since the build indexed it (SHA-256 "
					+ Checksums.sha256(content) + ", indexed " + indexed.sha256() + ")");
		}
		return content;
	}

	/**
	 * Lexes an up file and runs the static checks on it.
	 * @param path the file, for messages
	 * @param script its text
	 * @return the statements and the problems
	 */
	static Checked check(String path, String script) {
		SqlLexer.Lexed lexed;
		try {
			lexed = SqlLexer.lex(script);
		}
		catch (SqlSyntaxException ex) {
			return new Checked(List.of(), true, AllowDirectives.NONE,
					List.of(path + " (or its down file): " + ex.getMessage()));
		}
		List<SqlStatement> statements = lexed.statements();
		if (statements.isEmpty()) {
			return new Checked(statements, true, AllowDirectives.NONE, List.of());
		}
		boolean transactional = !hasNoTransactionDirective(script);
		List<String> problems = new ArrayList<>(StaticChecks.check(path, transactional, statements));
		AllowDirectives.Parsed directives = AllowDirectives.parse(path, lexed);
		problems.addAll(directives.problems());
		return new Checked(statements, transactional, directives.directives(), problems);
	}

	/**
	 * Lexes a down file: it must split into statements.
	 * @return the problem, if any
	 */
	static List<String> syntaxProblems(String path, String script) {
		try {
			SqlLexer.split(script);
			return List.of();
		}
		catch (SqlSyntaxException ex) {
			return List.of(path + ": " + ex.getMessage());
		}
	}

	/** The bytes up to the first line feed: decoding the whole file is not needed. */
	private static byte[] firstLine(byte[] content) {
		for (int i = 0; i < content.length; i++) {
			if (content[i] == '\n') {
				return Arrays.copyOf(content, i);
			}
		}
		return content;
	}

	static String decode(byte[] content) {
		String script = new String(content, StandardCharsets.UTF_8);
		return script.startsWith("\uFEFF") ? script.substring(1) : script;
	}

	static boolean hasNoTransactionDirective(String script) {
		int newline = script.indexOf('\n');
		String firstLine = (newline < 0) ? script : script.substring(0, newline);
		return firstLine.strip().equals(Migration.NO_TRANSACTION_DIRECTIVE);
	}

	/**
	 * The migration files of the locations, named and free of duplicates, not read yet.
	 * Closing it closes the jars they are read from.
	 */
	static final class Listed implements AutoCloseable {

		/** Lexes every migration. */
		static final LongPredicate ALL = (version) -> true;

		private final MigrationScanner.Listing listing;

		private final Map<MigrationResource, MigrationFileName> names;

		private Listed(MigrationScanner.Listing listing, Map<MigrationResource, MigrationFileName> names) {
			this.listing = listing;
			this.names = names;
		}

		/**
		 * Reads the files and builds the migrations, lexing and checking only the
		 * versions {@code lexed} accepts (the others have no statements).
		 * @throws MigrationValidationException when a lexed file fails the static checks,
		 * or a file read differs from its index entry
		 */
		MigrationSet load(LongPredicate lexed) {
			Map<Long, MigrationResource> ups = new TreeMap<>();
			Map<Long, MigrationResource> downs = new TreeMap<>();
			this.names.forEach((resource, name) -> (name.down() ? downs : ups).put(name.version(), resource));
			return new MigrationSet(parseAll(ups, downs, this.names, lexed));
		}

		@Override
		public void close() {
			this.listing.close();
		}

	}

	/**
	 * An up file, lexed and checked.
	 *
	 * @param statements its top-level statements (none when it does not lex)
	 * @param transactional whether it runs in a transaction
	 * @param directives its allow directives
	 * @param problems what the static checks found, malformed directives included
	 */
	record Checked(List<SqlStatement> statements, boolean transactional, AllowDirectives directives,
			List<String> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

}
