package de.paliad.migration.core;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SqlLexerTests {

	private static List<SqlStatement> split(String script) throws SqlSyntaxException {
		return SqlLexer.split(script);
	}

	private static SqlStatement single(String script) throws SqlSyntaxException {
		List<SqlStatement> statements = split(script);
		assertThat(statements).hasSize(1);
		return statements.get(0);
	}

	private static List<String> texts(List<SqlStatement> statements) {
		return statements.stream().map(SqlStatement::text).toList();
	}

	private static SqlSyntaxException syntaxError(String script) {
		return catchThrowableOfType(SqlSyntaxException.class, () -> split(script));
	}

	@Nested
	class Splitting {

		@Test
		void multiStatementScriptIsSplitInOrderWithLineNumbers() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					CREATE TABLE a (id int);

					-- second one spans two lines
					INSERT INTO a
					VALUES (1);
					  SELECT 1; SELECT 2;
					""");

			assertThat(texts(statements)).containsExactly("CREATE TABLE a (id int)", "INSERT INTO a\nVALUES (1)",
					"SELECT 1", "SELECT 2");
			assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4, 6, 6);
		}

		@Test
		void textIsTheSourceExactlyAsWrittenWithoutTerminatingSemicolon() throws SqlSyntaxException {
			SqlStatement statement = single("  \n\tUPDATE t   SET x = 'a;b'\n  WHERE y = 1 ;  \n");

			assertThat(statement.text()).isEqualTo("UPDATE t   SET x = 'a;b'\n  WHERE y = 1");
			assertThat(statement.line()).isEqualTo(2);
		}

		@Test
		void leadingCommentsAreDroppedFromTextButInnerCommentsAreKept() throws SqlSyntaxException {
			SqlStatement statement = single("""
					-- explains the statement
					/* and more */
					SELECT 1 /* inner */ + 2 -- trailing on same line
					     + 3;
					""");

			assertThat(statement.text()).isEqualTo("SELECT 1 /* inner */ + 2 -- trailing on same line\n     + 3");
			assertThat(statement.line()).isEqualTo(3);
		}

		@Test
		void commentsAfterTheLastTokenAreNotPartOfTheText() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 1 /* before semicolon */;\nSELECT 2 -- at end of file");

			assertThat(texts(statements)).containsExactly("SELECT 1", "SELECT 2");
		}

		@Test
		void statementWithoutTrailingSemicolonAtEndOfFileIsKept() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 1;\nSELECT 2\n");

			assertThat(texts(statements)).containsExactly("SELECT 1", "SELECT 2");
			assertThat(statements.get(1).line()).isEqualTo(2);
		}

		@Test
		void scriptOfOnlyCommentsYieldsNoStatements() throws SqlSyntaxException {
			assertThat(split("""
					-- nothing to do here
					/* really
					   /* nothing */ at all */
					-- COMMIT;
					""")).isEmpty();
		}

		@Test
		void emptyStatementsAreDropped() throws SqlSyntaxException {
			assertThat(split("")).isEmpty();
			assertThat(split(" \n\t ")).isEmpty();
			assertThat(texts(split(";;\n SELECT 1;; -- c\n ; /* c */ ;SELECT 2;;"))).containsExactly("SELECT 1",
					"SELECT 2");
		}

		@Test
		void nullScriptIsRejected() {
			assertThatNullPointerException().isThrownBy(() -> split(null));
		}

	}

	@Nested
	class Words {

		@Test
		void wordsAreUpperCasedInOrder() throws SqlSyntaxException {
			SqlStatement statement = single("alter Table public.Accounts add column Name text");

			assertThat(statement.words()).containsExactly("ALTER", "TABLE", "PUBLIC", "ACCOUNTS", "ADD", "COLUMN",
					"NAME", "TEXT");
			assertThat(statement.firstWord()).isEqualTo("ALTER");
		}

		@Test
		void numbersParametersAndOperatorsAreNotWords() throws SqlSyntaxException {
			SqlStatement statement = single(
					"SELECT 1 + 2.5 * .5 - 1e10 / 1.5E-3 % 0x1F | 0o17 & 0b101, 1_000_000, $1 <> $2");

			assertThat(statement.words()).containsExactly("SELECT");
		}

		@Test
		void typeCastsKeepTheTypeAsAWord() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT '1'::int, x::timestamptz");

			assertThat(statement.words()).containsExactly("SELECT", "INT", "X", "TIMESTAMPTZ");
		}

		@Test
		void nonAsciiLettersArePartOfWords() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT café, _private1 FROM t");

			assertThat(statement.words()).containsExactly("SELECT", "CAFÉ", "_PRIVATE1", "FROM", "T");
		}

		@Test
		void statementWithoutWordsHasEmptyFirstWord() throws SqlSyntaxException {
			SqlStatement statement = single("$$ only a literal $$");

			assertThat(statement.words()).isEmpty();
			assertThat(statement.firstWord()).isEmpty();
		}

		@Test
		void hasWordToleratesLowerCaseInput() throws SqlSyntaxException {
			SqlStatement statement = single("create index concurrently idx on t (x)");

			assertThat(statement.hasWord("CONCURRENTLY")).isTrue();
			assertThat(statement.hasWord("concurrently")).isTrue();
			assertThat(statement.hasWord("UNIQUE")).isFalse();
		}

		@Test
		void hasWordSequenceMatchesConsecutiveWordsOnly() throws SqlSyntaxException {
			SqlStatement statement = single("CREATE UNIQUE INDEX CONCURRENTLY i ON t (x)");

			assertThat(statement.hasWordSequence("INDEX", "CONCURRENTLY")).isTrue();
			assertThat(statement.hasWordSequence("create", "unique")).isTrue();
			assertThat(statement.hasWordSequence("CREATE", "INDEX")).isFalse();
			assertThat(statement.hasWordSequence("ON", "T", "X", "Y")).isFalse();
		}

		@Test
		void wordsListIsImmutable() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT 1");

			assertThat(statement.words()).isUnmodifiable();
		}

	}

	@Nested
	class TransactionControl {

		@Test
		void topLevelCommitIsAStatementWithFirstWordCommit() throws SqlSyntaxException {
			List<SqlStatement> statements = split("INSERT INTO t VALUES (1);\nCOMMIT;\n");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(1).firstWord()).isEqualTo("COMMIT");
			assertThat(statements.get(1).text()).isEqualTo("COMMIT");
			assertThat(statements.get(1).line()).isEqualTo(2);
		}

		@Test
		void topLevelBeginEndRollbackAndStartTransactionAreStatements() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					BEGIN;
					START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
					ROLLBACK;
					END;
					commit work;
					""");

			assertThat(statements).extracting(SqlStatement::firstWord)
				.containsExactly("BEGIN", "START", "ROLLBACK", "END", "COMMIT");
			assertThat(statements.get(1).hasWordSequence("START", "TRANSACTION")).isTrue();
			assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 3, 4, 5);
		}

		@Test
		void commitInsideDollarQuotedBodyIsNotATopLevelWord() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					CREATE PROCEDURE p() LANGUAGE plpgsql AS $$
					BEGIN
						INSERT INTO t VALUES (1);
						COMMIT;
						ROLLBACK;
					END;
					$$;
					SELECT 1;
					""");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).words()).containsExactly("CREATE", "PROCEDURE", "P", "LANGUAGE", "PLPGSQL",
					"AS");
			assertThat(statements.get(0).text()).endsWith("END;\n$$");
			assertThat(statements.get(1).line()).isEqualTo(8);
		}

		@Test
		void commitInsideTaggedDollarQuoteContainingPlainDollarQuoteIsNotAWord() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$
					BEGIN
						EXECUTE $$ COMMIT; $$;
						PERFORM 'x';
					END
					$fn$;
					SELECT 2;
					""");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).hasWord("COMMIT")).isFalse();
			assertThat(statements.get(0).hasWord("EXECUTE")).isFalse();
			assertThat(statements.get(1).text()).isEqualTo("SELECT 2");
		}

		@Test
		void dollarQuoteTagsAreCaseSensitive() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT $fn$ $FN$; COMMIT; $Fn$ $fn$; SELECT 1");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).words()).containsExactly("SELECT");
			assertThat(statements.get(1).text()).isEqualTo("SELECT 1");
		}

		@Test
		void commitInsideSingleQuotedStringIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("INSERT INTO log VALUES ('it''s; COMMIT; done', 'COMMIT')");

			assertThat(statement.hasWord("COMMIT")).isFalse();
			assertThat(statement.words()).containsExactly("INSERT", "INTO", "LOG", "VALUES");
		}

		@Test
		void backslashIsLiteralInPlainString() throws SqlSyntaxException {
			// with standard_conforming_strings the string ends right after the backslash
			List<SqlStatement> statements = split("SELECT 'C:\\'; COMMIT; SELECT '\\'");

			assertThat(texts(statements)).containsExactly("SELECT 'C:\\'", "COMMIT", "SELECT '\\'");
		}

		@Test
		void commitInsideEscapeStringWithEscapedQuoteIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT E'it\\'s; COMMIT; \\\\', e'\\'COMMIT'");

			assertThat(statement.words()).containsExactly("SELECT");
		}

		@Test
		void escapeStringEndsAfterEscapedBackslash() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT E'\\\\'; COMMIT");

			assertThat(texts(statements)).containsExactly("SELECT E'\\\\'", "COMMIT");
		}

		@Test
		void escapeStringAlsoAcceptsDoubledQuotes() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT E'it''s; COMMIT'; SELECT 1");

			assertThat(texts(statements)).containsExactly("SELECT E'it''s; COMMIT'", "SELECT 1");
		}

		@Test
		void escapePrefixOnlyCountsAtTheStartOfAToken() throws SqlSyntaxException {
			// 'e' is a column here and the backslash in the plain string is literal
			List<SqlStatement> statements = split("SELECT e, type'\\'; COMMIT");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).words()).containsExactly("SELECT", "E", "TYPE");
			assertThat(statements.get(1).firstWord()).isEqualTo("COMMIT");
		}

		@Test
		void commitInsideUnicodeStringIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT U&'d\\0061t; COMMIT' UESCAPE '\\', u&'x''COMMIT'");

			assertThat(statement.words()).containsExactly("SELECT", "UESCAPE");
		}

		@Test
		void commitInsideBitHexAndNationalStringsIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT B'COMMIT', X'COMMIT', N'COMMIT;', n'x'");

			assertThat(statement.words()).containsExactly("SELECT");
		}

		@Test
		void commitInsideLineCommentIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT 1 -- COMMIT; it's fine\n, 2");

			assertThat(statement.words()).containsExactly("SELECT");
			assertThat(statement.text()).isEqualTo("SELECT 1 -- COMMIT; it's fine\n, 2");
		}

		@Test
		void commitInsideBlockCommentIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("SELECT /* COMMIT; it's $$ */ 1");

			assertThat(statement.words()).containsExactly("SELECT");
		}

		@Test
		void commitInsideNestedBlockCommentIsNotAWord() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 1 /* outer /* inner */ COMMIT; */; SELECT 2");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).words()).containsExactly("SELECT");
			assertThat(statements.get(1).text()).isEqualTo("SELECT 2");
		}

		@Test
		void commitInsideQuotedIdentifierIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single(
					"SELECT 1 AS \"commit\", 2 AS \"a\"\"; COMMIT\", U&\"COMMIT\" FROM \"Begin\"");

			assertThat(statement.words()).containsExactly("SELECT", "AS", "AS", "FROM");
		}

		@Test
		void commentMarkersInsideStringsAreNotComments() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT '--', '/*'; COMMIT; SELECT \"--\"");

			assertThat(texts(statements)).containsExactly("SELECT '--', '/*'", "COMMIT", "SELECT \"--\"");
		}

		@Test
		void quoteInsideCommentDoesNotStartAString() throws SqlSyntaxException {
			List<SqlStatement> statements = split("-- it's\n/* \"don't */ SELECT 1; -- $$\nCOMMIT");

			assertThat(texts(statements)).containsExactly("SELECT 1", "COMMIT");
		}

		@Test
		void minusAndSlashOperatorsAreNotComments() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 4 - -1, 8 / 2 * 3; COMMIT");

			assertThat(texts(statements)).containsExactly("SELECT 4 - -1, 8 / 2 * 3", "COMMIT");
		}

	}

	@Nested
	class Concurrently {

		@Test
		void createIndexConcurrentlyHasWordConcurrently() throws SqlSyntaxException {
			SqlStatement statement = single("CREATE INDEX CONCURRENTLY idx_a ON a (id);");

			assertThat(statement.hasWord("CONCURRENTLY")).isTrue();
			assertThat(statement.hasWordSequence("CREATE", "INDEX", "CONCURRENTLY")).isTrue();
		}

		@Test
		void concurrentlyInsideCommentStringIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("COMMENT ON TABLE t IS 'concurrently'");

			assertThat(statement.hasWord("CONCURRENTLY")).isFalse();
			assertThat(statement.firstWord()).isEqualTo("COMMENT");
		}

		@Test
		void concurrentlyAsQuotedIdentifierIsNotAWord() throws SqlSyntaxException {
			SqlStatement statement = single("CREATE INDEX \"concurrently\" ON t (x) -- CONCURRENTLY");

			assertThat(statement.hasWord("CONCURRENTLY")).isFalse();
		}

	}

	@Nested
	class DollarSigns {

		@Test
		void positionalParameterIsNotADollarQuote() throws SqlSyntaxException {
			List<SqlStatement> statements = split("PREPARE p (int) AS SELECT $1 + $12;\nCOMMIT;\nSELECT $2$");

			assertThat(texts(statements)).containsExactly("PREPARE p (int) AS SELECT $1 + $12", "COMMIT", "SELECT $2$");
			assertThat(statements.get(1).firstWord()).isEqualTo("COMMIT");
		}

		@Test
		void dollarInsideIdentifierIsNotADollarQuote() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT foo$bar, foo$bar$ FROM t; COMMIT; SELECT x$$y$$");

			assertThat(statements).hasSize(3);
			assertThat(statements.get(0).words()).containsExactly("SELECT", "FOO$BAR", "FOO$BAR$", "FROM", "T");
			assertThat(statements.get(1).firstWord()).isEqualTo("COMMIT");
			assertThat(statements.get(2).words()).containsExactly("SELECT", "X$$Y$$");
		}

		@Test
		void dollarQuoteTagFollowsIdentifierRules() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT $_tag9$ ; COMMIT; $_tag9$; SELECT 1");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).words()).containsExactly("SELECT");
		}

		@Test
		void dollarWithoutClosingTagDollarIsNotADollarQuote() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT $abc; COMMIT");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).words()).containsExactly("SELECT", "ABC");
			assertThat(statements.get(1).firstWord()).isEqualTo("COMMIT");
		}

		@Test
		void emptyDollarQuotedStringIsClosedImmediately() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT $$$$; COMMIT");

			assertThat(texts(statements)).containsExactly("SELECT $$$$", "COMMIT");
		}

	}

	@Nested
	class RoutineBodies {

		@Test
		void beginAtomicBodyWithCaseEndStaysOneStatement() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					CREATE FUNCTION classify(x int) RETURNS text
					LANGUAGE sql
					BEGIN ATOMIC
						SELECT CASE WHEN x > 0 THEN 'positive' ELSE 'other' END;
						SELECT CASE x WHEN 0 THEN 'zero' END;
					END;
					SELECT classify(1);
					""");

			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).text()).startsWith("CREATE FUNCTION classify").endsWith("'zero' END;\nEND");
			assertThat(statements.get(0).hasWordSequence("BEGIN", "ATOMIC")).isTrue();
			assertThat(statements.get(1).text()).isEqualTo("SELECT classify(1)");
			assertThat(statements.get(1).line()).isEqualTo(7);
		}

		@Test
		void createOrReplaceProcedureWithBeginAtomicStaysOneStatement() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					create or replace procedure insert_two()
					language sql
					begin atomic
						insert into t values (1);
						insert into t values (2);
					end;
					COMMIT;
					""");

			assertThat(statements).extracting(SqlStatement::firstWord).containsExactly("CREATE", "COMMIT");
			assertThat(statements.get(0).words()).containsSequence("INSERT", "INTO", "T", "VALUES");
		}

		@Test
		void nestedBeginInsideAtomicBodyIsCounted() throws SqlSyntaxException {
			List<SqlStatement> statements = split(
					"CREATE FUNCTION f() RETURNS int BEGIN ATOMIC BEGIN SELECT 1; END; SELECT 2; END; SELECT 3");

			assertThat(texts(statements)).containsExactly(
					"CREATE FUNCTION f() RETURNS int BEGIN ATOMIC BEGIN SELECT 1; END; SELECT 2; END", "SELECT 3");
		}

		@Test
		void commentBetweenBeginAndAtomicStillEntersBody() throws SqlSyntaxException {
			List<SqlStatement> statements = split(
					"CREATE FUNCTION f() RETURNS int BEGIN /* sql-standard */ ATOMIC SELECT 1; END; SELECT 2");

			assertThat(statements).hasSize(2);
		}

		@Test
		void beginAtomicOutsideRoutineDefinitionDoesNotJoinStatements() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT begin atomic FROM t; SELECT 2; END; SELECT 3");

			assertThat(texts(statements)).containsExactly("SELECT begin atomic FROM t", "SELECT 2", "END", "SELECT 3");
		}

		@Test
		void routineWithoutBeginAtomicEndsAtItsSemicolon() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					CREATE FUNCTION sign_of(x int) RETURNS int LANGUAGE sql
						RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END;
					SELECT 1;
					""");

			assertThat(texts(statements)).hasSize(2).last().isEqualTo("SELECT 1");
		}

		@Test
		void beginAtomicInsideDollarQuotedBodyIsIgnored() throws SqlSyntaxException {
			List<SqlStatement> statements = split(
					"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN ATOMIC; $$; SELECT 1");

			assertThat(texts(statements)).hasSize(2).last().isEqualTo("SELECT 1");
		}

		@Test
		void beginAtomicInParameterNameDoesNotEnterBody() throws SqlSyntaxException {
			// 'begin' is a non-reserved keyword and may name a parameter; only BEGIN
			// ATOMIC counts
			List<SqlStatement> statements = split(
					"CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN begin; SELECT 1");

			assertThat(statements).hasSize(2);
		}

	}

	@Nested
	class LineCounting {

		@Test
		void linesAreCountedAcrossMultiLineStringsCommentsAndBodies() throws SqlSyntaxException {
			List<SqlStatement> statements = split("""
					SELECT 'a
					b';
					/* one
					   two */ SELECT "x
					y";
					SELECT $$
					$$, E'\\
					';
					-- comment
					SELECT 4;
					""");

			assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4, 6, 10);
		}

		@Test
		void crLfCountsAsOneLineBreak() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 1;\r\n\r\nSELECT 'a\r\nb';\r\n/* x\r\n */ SELECT 3;\r\n");

			assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 6);
			assertThat(statements.get(1).text()).isEqualTo("SELECT 'a\r\nb'");
		}

		@Test
		void loneCarriageReturnCountsAsLineBreak() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 1;\r-- comment\rSELECT 2;");

			assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3);
			assertThat(statements.get(1).text()).isEqualTo("SELECT 2");
		}

		@Test
		void lineCommentEndsAtCarriageReturn() throws SqlSyntaxException {
			List<SqlStatement> statements = split("SELECT 1 -- note\r\n; COMMIT");

			assertThat(texts(statements)).containsExactly("SELECT 1", "COMMIT");
		}

	}

	@Nested
	class Unterminated {

		@Test
		void unterminatedStringThrowsWithItsStartLine() {
			SqlSyntaxException ex = syntaxError("SELECT 1;\nSELECT 'abc;\nCOMMIT;\n");

			assertThat(ex).isNotNull().hasMessage("unterminated string starting at line 2");
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void stringEndingInDoubledQuoteIsUnterminated() {
			SqlSyntaxException ex = syntaxError("SELECT 'it''");

			assertThat(ex).isNotNull().hasMessageContaining("unterminated string");
			assertThat(ex.line()).isEqualTo(1);
		}

		@Test
		void unterminatedEscapeStringThrowsWithItsStartLine() {
			SqlSyntaxException ex = syntaxError("\n\nSELECT E'it\\'s;\n");

			assertThat(ex).isNotNull().hasMessageContaining("escape string").hasMessageEndingWith("line 3");
			assertThat(ex.line()).isEqualTo(3);
		}

		@Test
		void escapeStringEndingInBackslashIsUnterminated() {
			SqlSyntaxException ex = syntaxError("SELECT E'abc\\");

			assertThat(ex).isNotNull().hasMessageContaining("escape string");
			assertThat(ex.line()).isEqualTo(1);
		}

		@Test
		void unterminatedUnicodeStringThrowsWithItsStartLine() {
			SqlSyntaxException ex = syntaxError("SELECT 1;\nSELECT U&'abc");

			assertThat(ex).isNotNull().hasMessageContaining("U&'");
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void unterminatedQuotedIdentifierThrowsWithItsStartLine() {
			SqlSyntaxException ex = syntaxError("SELECT 1;\n\nSELECT \"col\"\"; COMMIT;");

			assertThat(ex).isNotNull().hasMessage("unterminated quoted identifier starting at line 3");
			assertThat(ex.line()).isEqualTo(3);
		}

		@Test
		void unterminatedDollarQuoteNamesItsTagAndStartLine() {
			SqlSyntaxException ex = syntaxError("""
					SELECT 1;
					CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$
					BEGIN
						COMMIT;
					END;
					$FN$;
					""");

			assertThat(ex).isNotNull().hasMessage("unterminated dollar-quoted string $fn$ starting at line 2");
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void unterminatedPlainDollarQuoteThrows() {
			SqlSyntaxException ex = syntaxError("DO $$\nBEGIN\nEND $;");

			assertThat(ex).isNotNull().hasMessage("unterminated dollar-quoted string $$ starting at line 1");
		}

		@Test
		void unterminatedBlockCommentThrowsWithItsStartLine() {
			SqlSyntaxException ex = syntaxError("SELECT 1;\n/* never\nclosed");

			assertThat(ex).isNotNull().hasMessage("unterminated block comment starting at line 2");
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void nestedBlockCommentClosedOnlyOnceIsUnterminated() {
			SqlSyntaxException ex = syntaxError("/* outer\n/* inner */\nSELECT 1;");

			assertThat(ex).isNotNull().hasMessage("unterminated block comment starting at line 1");
		}

		@Test
		void unterminatedBeginAtomicBodyThrowsWithLineOfBegin() {
			SqlSyntaxException ex = syntaxError("""
					CREATE FUNCTION f() RETURNS int LANGUAGE sql
					BEGIN ATOMIC
						SELECT CASE WHEN true THEN 1 END;
					""");

			assertThat(ex).isNotNull().hasMessage("unterminated BEGIN ATOMIC body starting at line 2");
			assertThat(ex.line()).isEqualTo(2);
		}

	}

	@Nested
	class LineComments {

		@Test
		void lineCommentsArePlacedAmongTheStatements() throws SqlSyntaxException {
			SqlLexer.Lexed lexed = SqlLexer.lex("""
					-- header
					CREATE TABLE a (id int); -- trailing
					ALTER TABLE a
					  -- inside
					  ADD COLUMN b int;
					   -- before the third
					DROP TABLE a;
					-- after the last
					""");

			assertThat(lexed.statements()).hasSize(3);
			assertThat(lexed.lineComments())
				.extracting(SqlLexer.LineComment::text, SqlLexer.LineComment::line,
						SqlLexer.LineComment::aloneOnItsLine, SqlLexer.LineComment::followingStatement,
						SqlLexer.LineComment::insideStatement)
				.containsExactly(tuple("-- header", 1, true, 0, false), tuple("-- trailing", 2, false, 1, false),
						tuple("-- inside", 4, true, 2, true), tuple("-- before the third", 6, true, 2, false),
						tuple("-- after the last", 8, true, 3, false));
		}

		@Test
		void commentTextInsideLiteralsBodiesAndBlockCommentsIsNoLineComment() throws SqlSyntaxException {
			SqlLexer.Lexed lexed = SqlLexer.lex("""
					SELECT '-- in a string', E'it\\'s -- not a comment' -- real one
					, "-- in an identifier";
					/* -- in a block comment */
					DO $$ BEGIN -- in a body
					END $$;
					CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$ SELECT 1 -- in a tagged body
					$fn$;
					""");

			assertThat(lexed.lineComments())
				.extracting(SqlLexer.LineComment::text, SqlLexer.LineComment::line,
						SqlLexer.LineComment::insideStatement)
				.containsExactly(tuple("-- real one", 1, true));
		}

		@Test
		void aCommentInsideABeginAtomicBodyIsInsideItsStatement() throws SqlSyntaxException {
			SqlLexer.Lexed lexed = SqlLexer
				.lex("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC\n-- body\nSELECT 1;\nEND;\nSELECT 2;");

			assertThat(lexed.statements()).hasSize(2);
			assertThat(lexed.lineComments()).singleElement().satisfies((comment) -> {
				assertThat(comment.insideStatement()).isTrue();
				assertThat(comment.followingStatement()).isEqualTo(1);
			});
		}

		@Test
		void carriageReturnLineEndsCountLikeNewlines() throws SqlSyntaxException {
			SqlLexer.Lexed lexed = SqlLexer.lex("SELECT 1;\r\n-- two\r\nSELECT 2;\r-- four\rSELECT 3;");

			assertThat(lexed.lineComments())
				.extracting(SqlLexer.LineComment::text, SqlLexer.LineComment::line,
						SqlLexer.LineComment::aloneOnItsLine, SqlLexer.LineComment::followingStatement)
				.containsExactly(tuple("-- two", 2, true, 1), tuple("-- four", 4, true, 2));
		}

	}

}
