package de.paliad.migration.core;

import java.nio.file.Path;
import java.util.List;

import de.paliad.migration.testing.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code validate} says about allow directives before any SQL runs, and what a
 * well-formed directive covers. No database is involved.
 */
class AllowDirectiveValidationTests {

	@TempDir
	Path dir;

	private MigrationSet validate(String migration) {
		MigrationDirectory files = new MigrationDirectory(this.dir).write("7_change.up.sql", migration);
		return Migrator.offline(MigrationConfiguration.builder().locations(files.location()).build()).validate();
	}

	private void assertRejected(String migration, String... messageParts) {
		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(() -> validate(migration))
			.withMessageContaining("7_change.up.sql line ")
			.withMessageContainingAll(messageParts);
	}

	@Test
	void anUnknownRuleIdIsRejectedWithTheClosestIds() {
		assertRejected("-- paliad:allow drop-colum the app stopped reading it\nALTER TABLE t DROP COLUMN c;\n",
				"7_change.up.sql line 1: -- paliad:allow names no rule 'drop-colum'", "did you mean drop-column",
				"docs/rules.md");
	}

	@Test
	void aMissingReasonIsRejected() {
		assertRejected("SELECT 1;\n-- paliad:allow drop-column\nALTER TABLE t DROP COLUMN c;\n",
				"7_change.up.sql line 2: -- paliad:allow drop-column needs a reason after the rule ID");
	}

	@Test
	void aMissingRuleIdIsRejected() {
		assertRejected("-- paliad:allow\nALTER TABLE t DROP COLUMN c;\n", "line 1: -- paliad:allow needs a rule ID",
				"and a reason");
	}

	@Test
	void allowBreakingWithoutAReasonIsStillRejected() {
		assertRejected("-- paliad:allow-breaking   \nALTER TABLE t DROP COLUMN c;\n",
				"line 1: -- paliad:allow-breaking needs a reason");
	}

	@Test
	void concurrentlyInATransactionCannotBeAllowed() {
		assertRejected(
				"-- paliad:allow concurrently-in-transaction it worked on my machine\nCREATE INDEX CONCURRENTLY i ON t (c);\n",
				"line 1: concurrently-in-transaction cannot be allowed: PostgreSQL itself refuses",
				Migration.NO_TRANSACTION_DIRECTIVE);
	}

	@Test
	void anUnknownDirectiveIsRejectedRatherThanIgnored() {
		assertRejected("-- paliad:allow-blocking the table is small\nCREATE INDEX i ON t (c);\n",
				"line 1: unknown directive '-- paliad:allow-blocking'", "-- paliad:allow <rule-id> <reason>");
	}

	@Test
	void proseMentioningPaliadIsNoDirective() {
		Migration migration = validate(
				"-- paliad: this one drops the old column\n-- paliad:\nALTER TABLE t DROP COLUMN c;\n")
			.get(7);

		assertThat(migration.allowance(Rule.DROP_COLUMN, migration.statements().get(0))).isNull();
	}

	@Test
	void aDirectiveSharingItsLineWithSqlIsRejected() {
		assertRejected("ALTER TABLE t DROP COLUMN c; -- paliad:allow drop-column gone\n",
				"line 1: the directive '-- paliad:allow drop-column gone' shares its line with SQL");
	}

	@Test
	void aDirectiveInsideAStatementIsRejected() {
		assertRejected("ALTER TABLE t\n  -- paliad:allow drop-column gone\n  DROP COLUMN c;\n",
				"line 2: the directive '-- paliad:allow drop-column gone' stands inside a statement");
	}

	@Test
	void aDirectiveAfterTheLastStatementIsRejected() {
		assertRejected("ALTER TABLE t DROP COLUMN c;\n-- paliad:allow drop-column gone\n",
				"line 2: the directive '-- paliad:allow drop-column gone' allows nothing: no statement follows it");
	}

	@Test
	void everyProblemIsListedInOneMessage() {
		assertRejected("-- paliad:allow nope reason\n-- paliad:allow drop-column\nALTER TABLE t DROP COLUMN c;\n",
				"line 1: -- paliad:allow names no rule 'nope'", "line 2: -- paliad:allow drop-column needs a reason");
	}

	@Test
	void directiveTextInStringsBlockCommentsAndDollarQuotedBodiesIsNotADirective() {
		Migration migration = validate("""
				COMMENT ON TABLE t IS '
				-- paliad:allow nope not a directive';
				/*
				-- paliad:allow drop-column not a directive either
				*/
				CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$
				-- paliad:allow drop-column nor this
				SELECT 1 $body$;
				ALTER TABLE t DROP COLUMN c;
				""").get(7);

		assertThat(migration.allowance(Rule.DROP_COLUMN, migration.statements().get(2))).isNull();
	}

	@Test
	void aFileLevelDirectiveCoversEveryStatementAndOnlyItsRule() {
		Migration migration = validate("""
				-- paliad:no-transaction
				-- paliad:allow create-index-without-concurrently the table has 40 rows
				DROP INDEX CONCURRENTLY IF EXISTS old_idx;
				CREATE INDEX i ON t (c);
				""").get(7);

		List<SqlStatement> statements = migration.statements();
		assertThat(statements).allSatisfy((statement) -> {
			assertThat(migration.allowance(Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY, statement))
				.isEqualTo("the table has 40 rows");
			assertThat(migration.allowance(Rule.DROP_INDEX_WITHOUT_CONCURRENTLY, statement)).isNull();
		});
		assertThat(migration.allowBreakingReason()).isNull();
	}

	@Test
	void aStatementLevelDirectiveCoversTheFirstStatementStartingAfterIt() {
		Migration migration = validate("""
				ALTER TABLE t ADD COLUMN d text; ALTER TABLE t ADD COLUMN e text;
				-- paliad:allow drop-column c is no longer read
				-- paliad:allow rename-column b is read as bb since v2.3

				ALTER TABLE t DROP COLUMN c; ALTER TABLE t RENAME COLUMN b TO bb;
				ALTER TABLE t DROP COLUMN f;
				""").get(7);

		List<SqlStatement> statements = migration.statements();
		assertThat(statements).hasSize(5);
		assertThat(statements).extracting((s) -> migration.allowance(Rule.DROP_COLUMN, s))
			.containsExactly(null, null, "c is no longer read", null, null);
		assertThat(statements).extracting((s) -> migration.allowance(Rule.RENAME_COLUMN, s))
			.containsExactly(null, null, "b is read as bb since v2.3", null, null);
	}

	@Test
	void allowBreakingCoversEveryBreakingRuleButNoBlockingOne() {
		Migration migration = validate("""
				-- paliad:allow-breaking contract step of the display_name rename
				ALTER TABLE t DROP COLUMN c;
				""").get(7);

		SqlStatement statement = migration.statements().get(0);
		assertThat(migration.allowBreakingReason()).isEqualTo("contract step of the display_name rename");
		assertThat(migration.allowance(Rule.DROP_COLUMN, statement))
			.isEqualTo("contract step of the display_name rename");
		assertThat(migration.allowance(Rule.RENAME_TABLE, statement))
			.isEqualTo("contract step of the display_name rename");
		assertThat(migration.allowance(Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY, statement)).isNull();
		assertThat(migration.allowance(Rule.CONCURRENTLY_IN_TRANSACTION, statement)).isNull();
	}

	@Test
	void aMigrationWithoutDirectivesAllowsNothing() {
		Migration migration = validate("-- just a comment\nALTER TABLE t DROP COLUMN c;\n").get(7);

		assertThat(migration.allowance(Rule.DROP_COLUMN, migration.statements().get(0))).isNull();
		assertThat(migration.allowBreakingReason()).isNull();
	}

}
