package de.paliad.migration.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -- paliad:allow <rule-id> <reason>} and {@code -- paliad:allow-breaking} on real
 * gate runs against the checked-in production snapshot (see
 * {@link CompatibilityGateTests}): what a directive covers and what it does not.
 */
class AllowDirectiveGateTests {

	@TempDir
	Path prod;

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@BeforeEach
	void copyProdMigrations() throws IOException, URISyntaxException {
		Path source = Paths.get(getClass().getResource("/gate/prod-migrations").toURI());
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.prod.resolve(file.getFileName()));
			}
		}
	}

	private DryRunResult gate(String migration) throws URISyntaxException {
		this.fixture.files().write("124_change.up.sql", migration);
		return MigrationGate.check(this.fixture.db().dataSource(),
				Paths.get(getClass().getResource("/gate/prod-schema.sql").toURI()),
				MigrationConfiguration.builder()
					.locations("filesystem:" + this.prod, this.fixture.files().location())
					.role("app_owner")
					.compatPolicy(CompatPolicy.FAIL)
					.build());
	}

	private static List<Finding> findings(DryRunResult result, Rule rule) {
		return result.findings().stream().filter((f) -> f.rule() == rule).toList();
	}

	@Test
	void aFileLevelDirectiveAllowsItsRuleInEveryStatementWithItsReason() throws Exception {
		DryRunResult result = gate("""
				-- Index the documents the search page filters on.
				-- paliad:allow create-index-without-concurrently documents has 300 rows in production
				CREATE INDEX documents_title_idx ON documents (title);
				CREATE INDEX documents_updated_idx ON documents (updated_at);
				""");

		assertThat(result.succeeded()).isTrue();
		assertThat(findings(result, Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY)).hasSize(2)
			.allSatisfy((f) -> assertThat(f.allowedBecause()).isEqualTo("documents has 300 rows in production"));
		assertThat(result.findings()).filteredOn((f) -> f.allowedBecause() != null)
			.allSatisfy((f) -> assertThat(f.rule()).isEqualTo(Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY));
	}

	@Test
	void aFileLevelDirectiveForABreakingRuleLetsTheGatePass() throws Exception {
		DryRunResult result = gate("""
				-- paliad:allow drop-column v2.3 stopped reading users.display_name (expand/contract step 3)
				ALTER TABLE users DROP COLUMN display_name;
				""");

		assertThat(result.gateFailures()).isEmpty();
		assertThat(findings(result, Rule.DROP_COLUMN)).singleElement().satisfies((f) -> {
			assertThat(f.allowedBecause())
				.isEqualTo("v2.3 stopped reading users.display_name (expand/contract step 3)");
			assertThat(f.failsGate()).isFalse();
			assertThat(f.toString()).contains("allowed: v2.3 stopped reading");
		});
	}

	@Test
	void aDirectiveForOneRuleDoesNotAllowAnother() throws Exception {
		DryRunResult result = gate("""
				-- paliad:allow rename-column the old name is no longer read
				ALTER TABLE users DROP COLUMN display_name;
				""");

		assertThat(result.gateFailures()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Rule.DROP_COLUMN);
			assertThat(f.allowedBecause()).isNull();
		});
	}

	@Test
	void aDirectiveAfterTheFirstStatementAllowsOnlyTheNextStatement() throws Exception {
		DryRunResult result = gate("""
				ALTER TABLE documents ADD COLUMN summary text;

				-- paliad:allow drop-column v2.3 stopped reading users.display_name
				ALTER TABLE users
				  DROP COLUMN display_name;
				ALTER TABLE documents DROP COLUMN body;
				""");

		assertThat(findings(result, Rule.DROP_COLUMN))
			.extracting(Finding::object, Finding::line, Finding::allowedBecause)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("public.users.display_name", 4,
							"v2.3 stopped reading users.display_name"),
					org.assertj.core.groups.Tuple.tuple("public.documents.body", 6, null));
		assertThat(result.gateFailures()).extracting(Finding::object).containsExactly("public.documents.body");
	}

	@Test
	void allowBreakingBeforeAStatementAllowsTheBreakingFindingsOfThatStatementOnly() throws Exception {
		DryRunResult result = gate("""
				ALTER TABLE documents ADD COLUMN summary text;
				-- paliad:allow-breaking v2.3 renamed the column in code
				ALTER TABLE projects RENAME COLUMN title TO name;
				ALTER TABLE users DROP COLUMN display_name;
				""");

		assertThat(findings(result, Rule.RENAME_COLUMN)).singleElement()
			.satisfies((f) -> assertThat(f.allowedBecause()).isEqualTo("v2.3 renamed the column in code"));
		assertThat(result.gateFailures()).extracting(Finding::rule).containsExactly(Rule.DROP_COLUMN);
	}

	@Test
	void aDirectiveInsideADollarQuotedBodyIsNotADirective() throws Exception {
		DryRunResult result = gate("""
				DO $$
				BEGIN
				-- paliad:allow drop-column this is PL/pgSQL text, not a directive
				  PERFORM 1;
				END
				$$;
				ALTER TABLE users DROP COLUMN display_name;
				""");

		assertThat(result.gateFailures()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Rule.DROP_COLUMN);
			assertThat(f.allowedBecause()).isNull();
		});
	}

}
