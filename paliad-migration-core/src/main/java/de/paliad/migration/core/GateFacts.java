package de.paliad.migration.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What every renderer of the gate's report needs, decided once: the repository path of
 * each migration, each finding's level, the failure's details, and stable fingerprints.
 */
final class GateFacts {

	/** The rule ID of a migration that failed; not a rule of the catalogue. */
	static final String MIGRATION_FAILED = "migration-failed";

	private static final Pattern FAILED_AT_LINE = Pattern.compile("failed at line (\\d+)");

	final DryRunResult result;

	final CompatPolicy compat;

	final @Nullable String snapshot;

	final ExitCode exitCode;

	final List<Finding> gateFailures;

	private final ReportPaths paths;

	private final Map<Long, Migration> migrations = new HashMap<>();

	GateFacts(DryRunResult result, CompatPolicy compat, @Nullable String snapshot, ReportPaths paths,
			ExitCode exitCode) {
		this.result = result;
		this.compat = compat;
		this.snapshot = snapshot;
		this.paths = paths;
		this.exitCode = exitCode;
		this.gateFailures = (compat == CompatPolicy.FAIL) ? result.gateFailures() : List.of();
		result.plan().onDisk().all().forEach((migration) -> this.migrations.put(migration.version(), migration));
	}

	/** The repository-relative path of a migration's file. */
	String path(long version, String fileName) {
		Migration migration = this.migrations.get(version);
		return (migration != null) ? this.paths.of(migration.path()) : this.paths.of(fileName);
	}

	String path(Finding finding) {
		return path(finding.version(), finding.fileName());
	}

	/** Whether this finding fails this gate (it never does under compat=warn). */
	boolean failsGate(Finding finding) {
		return this.compat == CompatPolicy.FAIL && finding.failsGate();
	}

	/**
	 * How loud a finding is in CI: what fails the gate is an error; breaking is an error
	 * even when allowed or under {@code compat=warn}, so a reviewer still sees it.
	 */
	Level level(Finding finding) {
		return switch (finding.severity()) {
			case BREAKING -> Level.ERROR;
			case BLOCKING -> failsGate(finding) ? Level.ERROR : Level.WARNING;
			case WARNING -> Level.WARNING;
			case INFO -> Level.NOTE;
		};
	}

	static String severity(Finding finding) {
		return finding.severity().name().toLowerCase(Locale.ROOT);
	}

	static String documentation(Rule rule) {
		return GateReport.DOCUMENTATION_BASE + rule.documentation();
	}

	/** The finding's message with its size, as one line. */
	static String message(Finding finding) {
		return finding.message() + ((finding.size() != null) ? " (" + finding.size() + ")" : "");
	}

	/**
	 * A fingerprint that stays the same across runs while the finding does: rule, file
	 * and object, not the line, which moves when the file is edited above it. Repeats of
	 * the same rule on the same object in one file get a counter.
	 */
	Fingerprints fingerprints() {
		return new Fingerprints();
	}

	/** The failure of the run, if a migration failed. */
	@Nullable Failure failure() {
		MigrationFailedException failure = this.result.failure().orElse(null);
		if (failure == null) {
			return null;
		}
		Matcher line = FAILED_AT_LINE.matcher(String.valueOf(failure.getMessage()));
		String detail = null;
		String hint = null;
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				ServerErrorMessage server = psql.getServerErrorMessage();
				detail = server.getDetail();
				hint = server.getHint();
				break;
			}
			if (!(cause instanceof SQLException)) {
				break;
			}
		}
		String fileName = this.migrations.containsKey(failure.version())
				? this.migrations.get(failure.version()).fileName() : failure.migrationName();
		return new Failure(failure.version(), fileName, path(failure.version(), fileName),
				line.find() ? Integer.parseInt(line.group(1)) : 1, failure.sqlState(), failure.serverMessage(),
				String.valueOf(failure.getMessage()), detail, hint, failure);
	}

	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (byte b : digest) {
				hex.append(String.format("%02x", b));
			}
			return hex.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The levels of SARIF; annotations and Code Quality map from these. */
	enum Level {

		ERROR, WARNING, NOTE;

		String sarif() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Hands out each finding's fingerprint once per report. */
	final class Fingerprints {

		private final Set<String> seen = new HashSet<>();

		String of(Finding finding) {
			return unique(finding.rule().id() + "\0" + path(finding) + "\0" + finding.object());
		}

		String of(Failure failure) {
			return unique(MIGRATION_FAILED + "\0" + failure.path() + "\0" + failure.sqlState());
		}

		private String unique(String key) {
			String fingerprint = sha256(key);
			for (int repeat = 2; !this.seen.add(fingerprint); repeat++) {
				fingerprint = sha256(key + "\0" + repeat);
			}
			return fingerprint;
		}

	}

	/**
	 * The migration that failed, where, and what the server said.
	 *
	 * @param version its version
	 * @param fileName its file
	 * @param path its repository-relative path
	 * @param line the line of the failure in the file
	 * @param sqlState the SQLSTATE
	 * @param serverMessage the server's message, first line
	 * @param message the whole report message, with what to do
	 * @param detail the server's DETAIL, or {@code null}
	 * @param hint the server's HINT, or {@code null}
	 * @param exception the failure
	 */
	record Failure(long version, String fileName, String path, int line, @Nullable String sqlState,
			String serverMessage, String message, @Nullable String detail, @Nullable String hint,
			MigrationFailedException exception) {

	}

}
