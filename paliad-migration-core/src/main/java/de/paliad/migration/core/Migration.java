package de.paliad.migration.core;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One migration found on disk, parsed and checked. Immutable; its parsed statements stay
 * inside the core.
 */
public final class Migration {

	/**
	 * The directive, alone on the first line, that makes a migration run outside a
	 * transaction.
	 */
	public static final String NO_TRANSACTION_DIRECTIVE = "-- paliad:no-transaction";

	/**
	 * The directive, in a comment line before the first statement and followed by a
	 * reason, that lets the CI gate accept this migration's breaking changes (the
	 * contract step of an expand/contract change).
	 */
	public static final String ALLOW_BREAKING_DIRECTIVE = "-- paliad:allow-breaking";

	/**
	 * The directive, followed by a rule ID and a reason, that lets the CI gate accept one
	 * rule's findings: of the whole migration when it stands among the comment lines
	 * before the first statement, of the next statement anywhere else (see
	 * {@code docs/rules.md}).
	 */
	public static final String ALLOW_DIRECTIVE = "-- paliad:allow";

	private final long version;

	private final String name;

	private final String fileName;

	private final String path;

	private final String checksum;

	private final boolean transactional;

	private final @Nullable List<SqlStatement> statements;

	private final @Nullable List<SqlStatement> down;

	private final @Nullable String downFileName;

	private final AllowDirectives allowDirectives;

	Migration(long version, String name, String fileName, String path, String checksum, boolean transactional,
			@Nullable List<SqlStatement> statements, @Nullable List<SqlStatement> down, @Nullable String downFileName,
			AllowDirectives allowDirectives) {
		this.version = version;
		this.name = name;
		this.fileName = fileName;
		this.path = path;
		this.checksum = checksum;
		this.transactional = transactional;
		this.statements = (statements != null) ? List.copyOf(statements) : null;
		this.down = (down != null) ? List.copyOf(down) : null;
		this.downFileName = downFileName;
		this.allowDirectives = allowDirectives;
	}

	/**
	 * The version.
	 * @return the version, positive
	 */
	public long version() {
		return this.version;
	}

	/**
	 * The name part of the file name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The up file's name.
	 * @return the file name, without folders
	 */
	public String fileName() {
		return this.fileName;
	}

	/**
	 * Where the up file was found.
	 * @return the location plus the path inside it
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The checksum recorded when it is applied.
	 * @return lowercase hex SHA-256 of the up file's bytes
	 */
	public String checksum() {
		return this.checksum;
	}

	/**
	 * Whether it runs in a transaction.
	 * @return {@code false} when the file starts with {@value #NO_TRANSACTION_DIRECTIVE}
	 */
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * The down file's name.
	 * @return the file name, or {@code null} when there is no down file
	 */
	public @Nullable String downFileName() {
		return this.downFileName;
	}

	/**
	 * The reason given by an {@value #ALLOW_BREAKING_DIRECTIVE} comment before the first
	 * statement.
	 * @return the reason, or {@code null} when there is no such comment
	 */
	public @Nullable String allowBreakingReason() {
		return this.allowDirectives.allowBreakingReason();
	}

	/**
	 * The reason this migration gives for allowing {@code rule} at {@code statement},
	 * from an {@value #ALLOW_BREAKING_DIRECTIVE} directive (every breaking rule) or a
	 * {@code -- paliad:allow <rule-id> <reason>} directive, of the whole migration or
	 * placed before the statement. A migration that was not lexed has no directives: the
	 * gate only analyses pending migrations, which are always lexed.
	 * @param rule the rule of a finding
	 * @param statement the statement that produced it, one of {@link #statements()}
	 * @return the reason, or {@code null} when the finding is not allowed
	 */
	@Nullable String allowance(Rule rule, SqlStatement statement) {
		return this.allowDirectives.reasonFor(rule, statement);
	}

	/**
	 * The up file's top-level statements.
	 * @throws IllegalStateException when the migration was loaded as already applied,
	 * without lexing
	 */
	List<SqlStatement> statements() {
		if (this.statements == null) {
			throw new IllegalStateException("Migration " + this + " was loaded without lexing (it was applied)");
		}
		return this.statements;
	}

	/**
	 * Whether the up file was lexed and checked: always, except for migrations that a
	 * {@code migrate} run found applied.
	 */
	boolean lexed() {
		return this.statements != null;
	}

	/**
	 * The down file's statements, or {@code null} when there is no down file.
	 */
	@Nullable List<SqlStatement> down() {
		return this.down;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof Migration that && this.version == that.version && this.name.equals(that.name)
				&& this.fileName.equals(that.fileName) && this.path.equals(that.path)
				&& this.checksum.equals(that.checksum) && this.transactional == that.transactional
				&& Objects.equals(this.statements, that.statements) && Objects.equals(this.down, that.down)
				&& Objects.equals(this.downFileName, that.downFileName)
				&& this.allowDirectives.equals(that.allowDirectives);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.version, this.name, this.fileName, this.path, this.checksum, this.transactional,
				this.statements, this.down, this.downFileName, this.allowDirectives);
	}

	@Override
	public String toString() {
		return this.version + " (" + this.fileName + ")";
	}

}
