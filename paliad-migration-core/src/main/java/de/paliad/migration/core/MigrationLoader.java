package de.paliad.migration.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Turns the files of the migration locations into a {@link MigrationSet}: parses names,
 * pairs up and down files, rejects duplicates, and runs the static checks. Needs no
 * database, so the {@code validate} mode and CI can run it offline.
 */
final class MigrationLoader {

	private final MigrationScanner scanner;

	MigrationLoader(ClassLoader classLoader) {
		this.scanner = new MigrationScanner(classLoader);
	}

	MigrationSet load(List<String> locations) {
		return build(this.scanner.scan(locations));
	}

	static MigrationSet build(List<MigrationResource> resources) {
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
		return new MigrationSet(parseAll(ups, downs, names));
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

	private static TreeMap<Long, Migration> parseAll(Map<Long, List<MigrationResource>> ups,
			Map<Long, List<MigrationResource>> downs, Map<MigrationResource, MigrationFileName> names) {
		List<String> problems = new ArrayList<>();
		List<String> emptyFiles = new ArrayList<>();
		TreeMap<Long, Migration> migrations = new TreeMap<>();
		ups.forEach((version, files) -> {
			MigrationResource up = files.get(0);
			@Nullable MigrationResource down = downs.containsKey(version) ? downs.get(version).get(0) : null;
			try {
				String script = decode(up.content());
				List<SqlStatement> statements = SqlLexer.split(script);
				if (statements.isEmpty()) {
					emptyFiles.add(up.path() + " contains no SQL statement");
					return;
				}
				boolean transactional = !hasNoTransactionDirective(script);
				problems.addAll(StaticChecks.check(up.path(), transactional, statements));
				String allowBreaking = allowBreakingReason(script, statements.get(0).line());
				if ("".equals(allowBreaking)) {
					problems.add(up.path() + ": " + Migration.ALLOW_BREAKING_DIRECTIVE
							+ " needs a reason after it (it is printed by the CI gate)");
				}
				@Nullable List<SqlStatement> downStatements = (down != null) ? SqlLexer.split(decode(down.content())) : null;
				migrations.put(version,
						new Migration(version, names.get(up).name(), up.fileName(), up.path(),
								Checksums.sha256(up.content()), transactional, statements, downStatements,
								(down != null) ? down.fileName() : null, allowBreaking));
			}
			catch (SqlSyntaxException ex) {
				problems.add(up.path() + " (or its down file): " + ex.getMessage());
			}
		});
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

	static String decode(byte[] content) {
		String script = new String(content, StandardCharsets.UTF_8);
		return script.startsWith("\uFEFF") ? script.substring(1) : script;
	}

	/**
	 * The reason of an allow-breaking directive among the comment lines before the first
	 * statement: {@code null} when there is none, empty when it has no reason.
	 */
	static @Nullable String allowBreakingReason(String script, int firstStatementLine) {
		String[] lines = script.split("\\R", -1);
		for (int i = 0; i < Math.min(firstStatementLine - 1, lines.length); i++) {
			String line = lines[i].strip();
			if (line.startsWith(Migration.ALLOW_BREAKING_DIRECTIVE)) {
				return line.substring(Migration.ALLOW_BREAKING_DIRECTIVE.length()).strip();
			}
		}
		return null;
	}

	static boolean hasNoTransactionDirective(String script) {
		int newline = script.indexOf('\n');
		String firstLine = (newline < 0) ? script : script.substring(0, newline);
		return firstLine.strip().equals(Migration.NO_TRANSACTION_DIRECTIVE);
	}

}
