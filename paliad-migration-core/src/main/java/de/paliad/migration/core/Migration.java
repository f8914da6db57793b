package de.paliad.migration.core;

import java.util.List;

/**
 * One migration found on disk, parsed and checked.
 *
 * @param version the version
 * @param name the name part of the file name
 * @param fileName the up file's name
 * @param path where the up file was found
 * @param checksum lowercase hex SHA-256 of the up file's bytes
 * @param transactional {@code false} when the file starts with
 * {@code -- paliad:no-transaction}
 * @param statements the up file's top-level statements
 * @param down the down migration's statements, or {@code null} when there is no down file
 * @param downFileName the down file's name, or {@code null}
 * @param allowBreakingReason the reason given by a
 * {@code -- paliad:allow-breaking <reason>} comment before the first statement, or
 * {@code null}
 */
public record Migration(long version, String name, String fileName, String path, String checksum, boolean transactional,
		List<SqlStatement> statements, List<SqlStatement> down, String downFileName, String allowBreakingReason) {

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

	public Migration {
		statements = List.copyOf(statements);
		down = (down != null) ? List.copyOf(down) : null;
	}

	@Override
	public String toString() {
		return this.version + " (" + this.fileName + ")";
	}

}
