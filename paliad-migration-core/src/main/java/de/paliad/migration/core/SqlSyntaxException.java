package de.paliad.migration.core;

/**
 * A script could not be split into statements because a lexical construct (string, quoted
 * identifier, dollar-quoted string, block comment, {@code BEGIN ATOMIC} body) is never
 * closed. The message names the construct and the 1-based line it starts on.
 */
class SqlSyntaxException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int line;

	/**
	 * @param message what is wrong, including the line, e.g.
	 * {@code "unterminated dollar-quoted string $fn$ starting at line 12"}
	 * @param line the 1-based line where the offending construct starts
	 */
	SqlSyntaxException(String message, int line) {
		super(message);
		this.line = line;
	}

	/**
	 * @return the 1-based line where the offending construct starts
	 */
	int line() {
		return this.line;
	}

}
