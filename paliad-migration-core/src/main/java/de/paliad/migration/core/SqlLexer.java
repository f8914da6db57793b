package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Splits a PostgreSQL script into its top-level statements and tells the words of each
 * statement apart from text inside strings, quoted identifiers, dollar-quoted bodies and
 * comments. It is a lexer, not a parser: it knows PostgreSQL's lexical rules
 * ({@code standard_conforming_strings = on}) and nothing about the grammar, except for
 * SQL-standard routine bodies ({@code BEGIN ATOMIC ... END}), whose inner semicolons must
 * not end the statement.
 *
 * <p>
 * Handled: {@code '...'} with {@code ''} doubling (a backslash is literal),
 * {@code E'...'} escape strings, {@code U&'...'}, {@code B'...'}, {@code X'...'},
 * {@code N'...'}, {@code "..."} and {@code U&"..."} identifiers with {@code ""} doubling,
 * {@code $$...$$} and {@code $tag$...$tag$}, positional parameters {@code $1},
 * identifiers containing {@code $}, {@code --} comments and nesting {@code /* *}{@code /}
 * comments. Lines are counted for {@code \n}, {@code \r\n} and a lone {@code \r}.
 *
 * <p>
 * Not handled: psql meta-commands ({@code \connect}, {@code \gexec}) and psql variables;
 * they are lexed as ordinary characters.
 */
final class SqlLexer {

	private final String script;

	private int pos;

	private int line = 1;

	/** Line comments with the number of tokens before them. */
	private final List<PendingComment> comments = new ArrayList<>();

	private SqlLexer(String script) {
		this.script = script;
	}

	/**
	 * Splits a script into its top-level statements, in order. Empty statements (only
	 * whitespace, comments or {@code ;}) are dropped. A last statement without a
	 * terminating {@code ;} is kept.
	 * @param script the whole script
	 * @return the statements, never {@code null}
	 * @throws SqlSyntaxException if a string, quoted identifier, dollar-quoted string,
	 * block comment or {@code BEGIN ATOMIC} body is not closed before the end of the
	 * script
	 */
	static List<SqlStatement> split(String script) throws SqlSyntaxException {
		return lex(script).statements();
	}

	/**
	 * Splits a script like {@link #split(String)} and also returns its {@code --} line
	 * comments (not those inside strings, dollar-quoted bodies or block comments), each
	 * placed relative to the statements, which is what directives in comments need.
	 * @param script the whole script
	 * @return the statements and the line comments, in order
	 * @throws SqlSyntaxException as {@link #split(String)}
	 */
	static Lexed lex(String script) throws SqlSyntaxException {
		Objects.requireNonNull(script, "script");
		SqlLexer lexer = new SqlLexer(script);
		List<Token> tokens = lexer.tokenize();
		Splitter splitter = new Splitter(script);
		List<SqlStatement> statements = splitter.split(tokens);
		return new Lexed(statements, splitter.place(lexer.comments));
	}

	private List<Token> tokenize() throws SqlSyntaxException {
		List<Token> tokens = new ArrayList<>();
		while (skipWhitespaceAndComments(tokens.size())) {
			int start = this.pos;
			int startLine = this.line;
			Kind kind = scanToken();
			tokens.add(new Token(kind, start, this.pos, startLine, wordOf(kind, start)));
		}
		return tokens;
	}

	private @Nullable String wordOf(Kind kind, int start) {
		return (kind != Kind.WORD) ? null : this.script.substring(start, this.pos).toUpperCase(Locale.ROOT);
	}

	/**
	 * @return whether a token follows
	 */
	private boolean skipWhitespaceAndComments(int tokensBefore) throws SqlSyntaxException {
		while (!atEnd()) {
			if (isWhitespace(peek(0))) {
				advance();
			}
			else if (lookingAt("--")) {
				int start = this.pos;
				skipLineComment();
				this.comments.add(new PendingComment(this.script.substring(start, this.pos), this.line,
						aloneOnItsLine(start), tokensBefore));
			}
			else if (lookingAt("/*")) {
				skipBlockComment();
			}
			else {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether only whitespace precedes the position on its line.
	 */
	private boolean aloneOnItsLine(int start) {
		for (int i = start - 1; i >= 0; i--) {
			char c = this.script.charAt(i);
			if (c == '\n' || c == '\r') {
				return true;
			}
			if (!isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

	private void skipLineComment() {
		while (!atEnd() && peek(0) != '\n' && peek(0) != '\r') {
			advance();
		}
	}

	private void skipBlockComment() throws SqlSyntaxException {
		int startLine = this.line;
		int depth = 0;
		do {
			if (atEnd()) {
				throw new SqlSyntaxException("unterminated block comment starting at line " + startLine, startLine);
			}
			if (lookingAt("/*")) {
				depth++;
				advanceTo(this.pos + 2);
			}
			else if (lookingAt("*/")) {
				depth--;
				advanceTo(this.pos + 2);
			}
			else {
				advance();
			}
		}
		while (depth > 0);
	}

	private Kind scanToken() throws SqlSyntaxException {
		char c = peek(0);
		if (c == ';') {
			advance();
			return Kind.SEMICOLON;
		}
		if (c == '\'') {
			scanQuoted('\'', false, "string");
			return Kind.OTHER;
		}
		if (c == '"') {
			scanQuoted('"', false, "quoted identifier");
			return Kind.OTHER;
		}
		if (c == '$') {
			scanDollar();
			return Kind.OTHER;
		}
		if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
			scanNumber();
			return Kind.OTHER;
		}
		if (isIdentifierStart(c)) {
			return scanWordOrPrefixedLiteral();
		}
		// Operators and punctuation: one character at a time is enough, because comment
		// starts are checked before every token and nothing else here can hide a ';'.
		advance();
		return Kind.OTHER;
	}

	/**
	 * A letter may be a keyword or identifier, or the prefix of a literal such as
	 * {@code E'...'}; the prefix only counts at the start of a token, so {@code le'x'} is
	 * the word {@code le} followed by a string.
	 */
	private Kind scanWordOrPrefixedLiteral() throws SqlSyntaxException {
		char c = Character.toUpperCase(peek(0));
		char next = peek(1);
		if (c == 'E' && next == '\'') {
			advance();
			scanQuoted('\'', true, "escape string E'...'");
			return Kind.OTHER;
		}
		if ((c == 'B' || c == 'X' || c == 'N') && next == '\'') {
			advance();
			scanQuoted('\'', false, "string " + c + "'...'");
			return Kind.OTHER;
		}
		if (c == 'U' && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
			advanceTo(this.pos + 2);
			boolean identifier = peek(0) == '"';
			scanQuoted(peek(0), false, identifier ? "quoted identifier U&\"...\"" : "string U&'...'");
			return Kind.OTHER;
		}
		scanIdentifier();
		return Kind.WORD;
	}

	private void scanIdentifier() {
		while (!atEnd() && isIdentifierPart(peek(0))) {
			advance();
		}
	}

	/**
	 * Scans a quoted construct whose quote character is escaped by doubling it and, for
	 * escape strings, also by a preceding backslash.
	 */
	private void scanQuoted(char quote, boolean backslashEscapes, String description) throws SqlSyntaxException {
		int startLine = this.line;
		advance();
		while (true) {
			if (atEnd()) {
				throw unterminated(description, startLine);
			}
			char c = advance();
			if (backslashEscapes && c == '\\') {
				if (atEnd()) {
					throw unterminated(description, startLine);
				}
				advance();
			}
			else if (c == quote) {
				if (peek(0) != quote) {
					return;
				}
				advance();
			}
		}
	}

	private static SqlSyntaxException unterminated(String description, int startLine) {
		return new SqlSyntaxException("unterminated " + description + " starting at line " + startLine, startLine);
	}

	/**
	 * A {@code $} starts a positional parameter ({@code $1}), a dollar quote ({@code $$}
	 * or {@code $tag$}), or is a lone character. A {@code $} inside an identifier never
	 * gets here, because {@link #scanIdentifier()} consumes it.
	 */
	private void scanDollar() throws SqlSyntaxException {
		if (isDigit(peek(1))) {
			advance();
			while (!atEnd() && isDigit(peek(0))) {
				advance();
			}
			return;
		}
		int tagEnd = dollarTagEnd();
		if (tagEnd < 0) {
			advance();
			return;
		}
		scanDollarQuoted(this.script.substring(this.pos, tagEnd));
	}

	/**
	 * @return the index just after the closing {@code $} of a dollar-quote delimiter
	 * starting at the current position, or -1 if there is none
	 */
	private int dollarTagEnd() {
		int i = this.pos + 1;
		if (i < this.script.length() && isIdentifierStart(this.script.charAt(i))) {
			i++;
			while (i < this.script.length() && isDollarTagPart(this.script.charAt(i))) {
				i++;
			}
		}
		return (i < this.script.length() && this.script.charAt(i) == '$') ? i + 1 : -1;
	}

	private void scanDollarQuoted(String delimiter) throws SqlSyntaxException {
		int startLine = this.line;
		int bodyStart = this.pos + delimiter.length();
		int close = this.script.indexOf(delimiter, bodyStart);
		if (close < 0) {
			throw unterminated("dollar-quoted string " + delimiter, startLine);
		}
		advanceTo(close + delimiter.length());
	}

	/**
	 * Numbers only need to be consumed far enough that their letters (exponent,
	 * {@code 0x} prefix) are not mistaken for words.
	 */
	private void scanNumber() {
		if (peek(0) == '0' && "xXoObB".indexOf(peek(1)) >= 0 && isRadixDigitOrSeparator(peek(2))) {
			advanceTo(this.pos + 2);
			while (isRadixDigitOrSeparator(peek(0))) {
				advance();
			}
			return;
		}
		skipDigits();
		// '..' is not a decimal point: 1..10 is a range in PL/pgSQL
		if (peek(0) == '.' && peek(1) != '.') {
			advance();
			skipDigits();
		}
		if (isExponentStart()) {
			advance();
			if (peek(0) == '+' || peek(0) == '-') {
				advance();
			}
			skipDigits();
		}
	}

	private boolean isExponentStart() {
		if (peek(0) != 'e' && peek(0) != 'E') {
			return false;
		}
		return isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)));
	}

	private void skipDigits() {
		// underscores are digit separators since PostgreSQL 16
		while (isDigit(peek(0)) || (peek(0) == '_' && isDigit(peek(1)))) {
			advance();
		}
	}

	private boolean atEnd() {
		return this.pos >= this.script.length();
	}

	/**
	 * @return the character {@code offset} ahead, or {@code '\0'} past the end
	 */
	private char peek(int offset) {
		int i = this.pos + offset;
		return (i < this.script.length()) ? this.script.charAt(i) : '\0';
	}

	private boolean lookingAt(String text) {
		return this.script.startsWith(text, this.pos);
	}

	/**
	 * Every consumed character goes through here so the line count stays right inside
	 * multi-line strings and comments; {@code \r\n} counts once, at its {@code \n}.
	 */
	private char advance() {
		char c = this.script.charAt(this.pos++);
		if (c == '\n' || (c == '\r' && peek(0) != '\n')) {
			this.line++;
		}
		return c;
	}

	private void advanceTo(int end) {
		while (this.pos < end) {
			advance();
		}
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Loose on purpose: accepting any letter also swallows invalid digits such as
	 * {@code 0xZZ}, which PostgreSQL rejects anyway, instead of reporting them as words.
	 */
	private static boolean isRadixDigitOrSeparator(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
	}

	/**
	 * PostgreSQL treats every non-ASCII character as a letter in identifiers.
	 */
	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || isDigit(c) || c == '$';
	}

	/**
	 * Like an identifier, but without {@code $}, which would end the tag.
	 */
	private static boolean isDollarTagPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

	private enum Kind {

		/** An unquoted keyword or identifier. */
		WORD,

		SEMICOLON,

		/**
		 * Anything else: literals, quoted identifiers, parameters, operators,
		 * punctuation.
		 */
		OTHER

	}

	/**
	 * A script's statements and its line comments.
	 *
	 * @param statements the top-level statements, as {@link #split(String)} returns them
	 * @param lineComments the {@code --} comments outside strings, quoted identifiers,
	 * dollar-quoted bodies and block comments, in order
	 */
	record Lexed(List<SqlStatement> statements, List<LineComment> lineComments) {

	}

	/**
	 * One {@code --} comment.
	 *
	 * @param text the comment from its {@code --} to the end of its line, without the
	 * line break
	 * @param line its 1-based line
	 * @param aloneOnItsLine whether only whitespace precedes it on its line
	 * @param followingStatement the index of the first statement that starts after it, or
	 * the number of statements when none does
	 * @param insideStatement whether it stands between two tokens of one statement
	 */
	record LineComment(String text, int line, boolean aloneOnItsLine, int followingStatement, boolean insideStatement) {

	}

	private record PendingComment(String text, int line, boolean aloneOnItsLine, int tokensBefore) {

	}

	/**
	 * @param start index of the first character
	 * @param end index just after the last character
	 * @param word the upper-cased text for {@link Kind#WORD}, otherwise {@code null}
	 */
	private record Token(Kind kind, int start, int end, int line, @Nullable String word) {

		boolean isWord(String upperCaseWord) {
			return upperCaseWord.equals(this.word);
		}

	}

	/**
	 * Groups tokens into statements at top-level semicolons, keeping the semicolons of a
	 * {@code BEGIN ATOMIC ... END} routine body inside the statement.
	 */
	private static final class Splitter {

		private final String script;

		private final List<SqlStatement> statements = new ArrayList<>();

		private final List<Token> current = new ArrayList<>();

		/** Index of the next token, and of the current statement's first token. */
		private int nextToken;

		private int currentStart;

		/** Per statement: the index of its first and of its last token. */
		private final List<int[]> tokenRanges = new ArrayList<>();

		/** Open BEGIN/CASE blocks of a routine body; 0 outside of one. */
		private int atomicDepth;

		private int atomicLine;

		Splitter(String script) {
			this.script = script;
		}

		List<SqlStatement> split(List<Token> tokens) throws SqlSyntaxException {
			for (Token token : tokens) {
				accept(token);
			}
			if (this.atomicDepth > 0) {
				throw unterminated("BEGIN ATOMIC body", this.atomicLine);
			}
			finishStatement();
			return this.statements;
		}

		private void accept(Token token) {
			int index = this.nextToken++;
			if (token.kind() == Kind.SEMICOLON && this.atomicDepth == 0) {
				finishStatement();
				return;
			}
			if (this.current.isEmpty()) {
				this.currentStart = index;
			}
			this.current.add(token);
			if (token.kind() == Kind.WORD) {
				trackRoutineBody(token);
			}
		}

		/**
		 * Mirrors psql: inside the body, CASE also closes with END, so it has to be
		 * counted like BEGIN or a CASE expression would end the body early.
		 */
		private void trackRoutineBody(Token word) {
			if (this.atomicDepth > 0) {
				if (word.isWord("BEGIN") || word.isWord("CASE")) {
					this.atomicDepth++;
				}
				else if (word.isWord("END")) {
					this.atomicDepth--;
				}
			}
			else if (word.isWord("ATOMIC") && previousTokenIsBegin() && isRoutineDefinition()) {
				this.atomicDepth = 1;
				this.atomicLine = this.current.get(this.current.size() - 2).line();
			}
		}

		private boolean previousTokenIsBegin() {
			int size = this.current.size();
			return size >= 2 && this.current.get(size - 2).isWord("BEGIN");
		}

		/**
		 * @return whether the statement starts with CREATE [OR REPLACE]
		 * FUNCTION|PROCEDURE
		 */
		private boolean isRoutineDefinition() {
			if (!tokenIs(0, "CREATE")) {
				return false;
			}
			int kindIndex = (tokenIs(1, "OR") && tokenIs(2, "REPLACE")) ? 3 : 1;
			return tokenIs(kindIndex, "FUNCTION") || tokenIs(kindIndex, "PROCEDURE");
		}

		private boolean tokenIs(int index, String upperCaseWord) {
			return index < this.current.size() && this.current.get(index).isWord(upperCaseWord);
		}

		private void finishStatement() {
			if (this.current.isEmpty()) {
				return;
			}
			Token first = this.current.get(0);
			Token last = this.current.get(this.current.size() - 1);
			String text = this.script.substring(first.start(), last.end());
			List<String> words = this.current.stream().map(Token::word).filter(Objects::nonNull).toList();
			this.statements.add(new SqlStatement(text, first.line(), words));
			this.tokenRanges.add(new int[] { this.currentStart, this.currentStart + this.current.size() - 1 });
			this.current.clear();
		}

		/**
		 * Places comments, in script order, among the statements of the whole split. A
		 * statement's token range has no gaps except for its dropped semicolons, which
		 * never start or end one.
		 */
		List<LineComment> place(List<PendingComment> comments) {
			List<LineComment> placed = new ArrayList<>(comments.size());
			int following = 0;
			for (PendingComment comment : comments) {
				while (following < this.tokenRanges.size()
						&& this.tokenRanges.get(following)[0] < comment.tokensBefore()) {
					following++;
				}
				boolean inside = following > 0 && comment.tokensBefore() <= this.tokenRanges.get(following - 1)[1];
				placed
					.add(new LineComment(comment.text(), comment.line(), comment.aloneOnItsLine(), following, inside));
			}
			return placed;
		}

	}

}
