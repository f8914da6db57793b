package de.paliad.migration.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.paliad.migration.core.GateReport.Format;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's reports in every format CI reads, rendered from real gate runs: the
 * checked-in production snapshot with pending migrations that break, block, expand and
 * contract (allowed), and dry runs whose migration fails with the server's DETAIL or
 * HINT. SARIF is validated against the official 2.1.0 schema, the Code Quality report
 * against GitLab's documented format (both vendored under {@code report-schemas/}).
 */
class GateReportFormatTests {

	private static final String PREFIX = "app/src/main/resources/db/migration/";

	private static final JsonMapper json = JsonMapper.builder().build();

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

	@Test
	void sarifOfARealGateRunIsValidSarif210WithTheRuleCatalogueAndEveryFindingAtItsFileAndLine() throws Exception {
		String sarif = mixedGate().render(Format.SARIF);

		assertThat(errors(schema(SpecificationVersion.DRAFT_4, "sarif-schema-2.1.0.json"), sarif)).isEmpty();
		JsonNode run = json.readTree(sarif).get("runs").get(0);
		List<String> ruleIds = texts(run.get("tool").get("driver").get("rules"), "id");
		assertThat(ruleIds)
			.contains("drop-column", "create-index-without-concurrently", "add-column", "migration-failed")
			.hasSize(Rule.values().length + 1);
		JsonNode dropColumnRule = rule(run, "drop-column");
		assertThat(dropColumnRule.get("helpUri").asString()).endsWith("docs/rules.md#drop-column")
			.startsWith("https://");
		assertThat(dropColumnRule.at("/defaultConfiguration/level").asString()).isEqualTo("error");
		assertThat(rule(run, "add-column").at("/defaultConfiguration/level").asString()).isEqualTo("note");

		JsonNode drop = result(run, "drop-column", "public.users.display_name");
		assertThat(drop.get("level").asString()).isEqualTo("error");
		assertThat(drop.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
			.isEqualTo(PREFIX + "124_mixed.up.sql");
		assertThat(drop.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
		assertThat(drop.at("/message/text").asString()).contains("ALTER TABLE users DROP COLUMN display_name");
		assertThat(drop.has("suppressions")).isFalse();
		JsonNode index = result(run, "create-index-without-concurrently", "public.documents");
		assertThat(index.get("level").asString()).as("blocking under the size limit").isEqualTo("warning");
		assertThat(index.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
		assertThat(result(run, "add-column", "public.documents.summary").get("level").asString()).isEqualTo("note");
		JsonNode allowed = result(run, "rename-column", "public.projects.title");
		assertThat(allowed.get("level").asString()).isEqualTo("error");
		assertThat(allowed.at("/suppressions/0/kind").asString()).isEqualTo("inSource");
		assertThat(allowed.at("/suppressions/0/justification").asString())
			.isEqualTo("v2.3 reads projects.name (expand/contract step 3)");
		assertThat(allowed.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
		assertThat(run.at("/invocations/0/exitCode").asInt()).isEqualTo(3);
	}

	@Test
	void theSchemaValidatorRejectsABrokenSarifLogSoTheValidationChecksSomething() throws Exception {
		String sarif = mixedGate().render(Format.SARIF);
		Schema schema = schema(SpecificationVersion.DRAFT_4, "sarif-schema-2.1.0.json");

		assertThat(errors(schema, sarif.replace("\"level\":\"warning\"", "\"level\":\"fatal\""))).isNotEmpty();
		assertThat(errors(schema, sarif.replace("\"startLine\":1", "\"startLine\":0"))).isNotEmpty();
		assertThat(errors(schema, sarif.replace("\"version\":\"2.1.0\"", "\"version\":\"2.0.0\""))).isNotEmpty();
	}

	@Test
	void aFailedMigrationIsASarifResultWithTheServersDetail() throws Exception {
		this.fixture.files()
			.write("1_create_accounts.up.sql", "CREATE TABLE accounts (id int PRIMARY KEY);")
			.write("2_seed_accounts.up.sql", "-- two rows, one key\nINSERT INTO accounts VALUES (1), (1);");

		String sarif = report(this.fixture.migrator().dryRun()).render(Format.SARIF);

		assertThat(errors(schema(SpecificationVersion.DRAFT_4, "sarif-schema-2.1.0.json"), sarif)).isEmpty();
		JsonNode failure = result(json.readTree(sarif).get("runs").get(0), "migration-failed", null);
		assertThat(failure.get("level").asString()).isEqualTo("error");
		assertThat(failure.at("/message/text").asString()).contains("SQLSTATE 23505")
			.contains("DETAIL: Key (id)=(1) already exists.");
		assertThat(failure.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
			.isEqualTo(PREFIX + "2_seed_accounts.up.sql");
		assertThat(failure.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
	}

	@Test
	void annotationsPutEachFindingOnItsFileAndLineWithTheLevelItHasInTheGate() throws Exception {
		GateReport report = mixedGate();
		String annotations = report.render(Format.GITHUB);

		List<String> lines = annotations.lines().toList();
		assertThat(lines).allSatisfy(
				(line) -> assertThat(line).matches("::(error|warning|notice) file=[^,]+,line=\\d+,title=[^:]+::.+"));
		assertThat(lines).filteredOn((line) -> line.contains("[drop-column]"))
			.singleElement()
			.satisfies((line) -> assertThat(line)
				.startsWith("::error file=" + PREFIX + "124_mixed.up.sql,line=1,title=paliad-migration breaking"
						+ " [drop-column]%3A column dropped::column public.users.display_name is dropped")
				.endsWith(" — ALTER TABLE users DROP COLUMN display_name This fails the gate. See "
						+ GateReport.DOCUMENTATION_BASE + "docs/rules.md#drop-column"));
		assertThat(lines).filteredOn((line) -> line.contains("[create-index-without-concurrently]"))
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("::warning file=" + PREFIX + "124_mixed.up.sql,line=2,"));
		assertThat(lines).filteredOn((line) -> line.contains("public.documents.note"))
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("::notice ")
				.as("the data's percent sign is escaped, commas and colons stay")
				.endsWith("DEFAULT 'a,b: 100%25' See " + GateReport.DOCUMENTATION_BASE + "docs/rules.md#add-column"));
		assertThat(lines).filteredOn((line) -> line.contains("[rename-column]"))
			.singleElement()
			.satisfies(
					(line) -> assertThat(line).contains("(allowed: v2.3 reads projects.name (expand/contract step 3))")
						.doesNotContain("This fails the gate"));
		assertThat(report.render(Format.GITEA)).as("Gitea's runner reads GitHub's commands").isEqualTo(annotations);
	}

	@Test
	void aFailureAnnotationCarriesTheHintOnLinesOfItsOwnEscapedForTheRunner() throws Exception {
		this.fixture.files().write("1_call.up.sql", "\n\nSELECT no_such_function(1);");

		String annotations = report(this.fixture.migrator().dryRun()).render(Format.GITHUB);

		assertThat(annotations.lines()).singleElement()
			.satisfies((line) -> assertThat(line)
				.startsWith("::error file=" + PREFIX + "1_call.up.sql,line=3,title=paliad-migration%3A migration 1"
						+ " failed (SQLSTATE 42883)::Migration 1 (1_call.up.sql) failed at line 3")
				.contains("%0AHINT: No function matches the given name and argument types."));
	}

	@Test
	void workflowCommandEscapingFollowsTheActionsToolkit() {
		assertThat(WorkflowAnnotations.data("100% done\r\nnext: a,b")).isEqualTo("100%25 done%0D%0Anext: a,b");
		assertThat(WorkflowAnnotations.property("db/V1:x,y.sql 50%\n")).isEqualTo("db/V1%3Ax%2Cy.sql 50%25%0A");
	}

	@Test
	void theCodeQualityReportHasGitLabsFieldsAndSeverities() throws Exception {
		String report = mixedGate().render(Format.GITLAB);

		Schema schema = schema(SpecificationVersion.DRAFT_7, "gitlab-codequality.schema.json");
		assertThat(errors(schema, report)).isEmpty();
		assertThat(errors(schema, report.replace("\"severity\":\"blocker\"", "\"severity\":\"error\"")))
			.as("GitLab's five severities only")
			.isNotEmpty();
		JsonNode issues = json.readTree(report);
		assertThat(issue(issues, "drop-column").get("severity").asString()).isEqualTo("blocker");
		assertThat(issue(issues, "create-index-without-concurrently").get("severity").asString()).isEqualTo("major");
		assertThat(issue(issues, "rename-column").get("severity").asString()).as("allowed").isEqualTo("info");
		assertThat(issue(issues, "drop-column").at("/location/path").asString()).isEqualTo(PREFIX + "124_mixed.up.sql");
		assertThat(issue(issues, "drop-column").at("/location/lines/begin").asInt()).isEqualTo(1);
		assertThat(texts(issues, "fingerprint")).doesNotHaveDuplicates()
			.allSatisfy((fingerprint) -> assertThat(fingerprint).matches("[0-9a-f]{64}"));
	}

	@Test
	void aFingerprintStaysTheSameWhenTheFindingMovesToAnotherLine() throws Exception {
		this.fixture.files().write("1_create_users.up.sql", "CREATE TABLE users (id int, display_name text);");
		this.fixture.migrator().migrate();
		this.fixture.files().write("2_drop_display_name.up.sql", "ALTER TABLE users DROP COLUMN display_name;");
		JsonNode before = issue(gitLab(this.fixture.migrator().dryRun()), "drop-column");
		this.fixture.files()
			.write("2_drop_display_name.up.sql", "-- v2.4 reads name\n\nALTER TABLE users DROP COLUMN display_name;");
		JsonNode after = issue(gitLab(this.fixture.migrator().dryRun()), "drop-column");

		assertThat(after.at("/location/lines/begin").asInt()).isEqualTo(3);
		assertThat(before.at("/location/lines/begin").asInt()).isEqualTo(1);
		assertThat(after.get("fingerprint").asString()).isEqualTo(before.get("fingerprint").asString());
	}

	@Test
	void theMarkdownSummaryHasAVerdictAFindingsTableWithRuleLinksAndTheInfoFindingsCollapsed() throws Exception {
		DryRunResult result = mixedGateResult();
		String markdown = report(result).render(Format.MARKDOWN);
		// The table lists every finding that is not info: the drop, the index, the
		// allowed
		// rename, and the ACCESS EXCLUSIVE on users held while the index is built.
		long notInfo = result.findings().stream().filter((f) -> f.severity() != Severity.INFO).count();
		long info = result.findings().size() - notInfo;
		assertThat(notInfo).isEqualTo(4);

		List<String> lines = markdown.lines().toList();
		assertThat(lines.get(0)).isEqualTo("### ❌ paliad-migration gate failed: 1 finding(s) fail the gate");
		int findings = lines.indexOf("#### Findings (" + notInfo + ")");
		assertThat(findings).as(markdown).isPositive();
		assertThat(lines.get(findings + 2)).isEqualTo("| | severity | rule | file | object | finding |");
		assertThat(lines.get(findings + 3)).isEqualTo("| --- | --- | --- | --- | --- | --- |");
		List<String> rows = lines.subList(findings + 4, findings + 4 + (int) notInfo);
		assertThat(rows).allSatisfy((row) -> assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(8));
		assertThat(rows).anySatisfy((row) -> assertThat(row).startsWith("| ❌ | breaking | [drop-column]("
				+ GateReport.DOCUMENTATION_BASE + "docs/rules.md#drop-column) | `" + PREFIX + "124_mixed.up.sql:1` |"));
		assertThat(rows).anySatisfy((row) -> assertThat(row).startsWith("| ☑️ | breaking | [rename-column]")
			.contains("allowed: v2.3 reads projects.name (expand/contract step 3)"));
		int details = lines
			.indexOf("<details><summary>" + info + " info finding(s): safe under a rolling deploy</summary>");
		assertThat(details).isGreaterThan(findings);
		assertThat(lines.subList(details, lines.size())).contains("</details>")
			.anySatisfy((row) -> assertThat(row).startsWith("| ℹ️ | info | [add-column]"));
	}

	@Test
	void theMarkdownSummaryOfAFailedMigrationShowsTheServersDetail() throws Exception {
		this.fixture.files()
			.write("1_create_accounts.up.sql", "CREATE TABLE accounts (id int PRIMARY KEY);")
			.write("2_seed_accounts.up.sql", "INSERT INTO accounts VALUES (1), (1);");

		String markdown = report(this.fixture.migrator().dryRun()).render(Format.MARKDOWN);

		assertThat(markdown).startsWith("### ❌ paliad-migration gate failed: a migration failed\n")
			.contains("\n#### Migration 2 failed\n\n`" + PREFIX + "2_seed_accounts.up.sql` line 1, SQLSTATE `23505`\n")
			.contains("\n**DETAIL:** Key (id)=(1) already exists.\n");
	}

	@Test
	void aPassingGateSaysSoInEveryFormat() throws Exception {
		this.fixture.files().write("1_create_items.up.sql", "CREATE TABLE items (id int);");
		GateReport report = report(this.fixture.migrator().dryRun());

		assertThat(report.exitCode()).isEqualTo(ExitCode.SUCCESS);
		assertThat(report.render(Format.MARKDOWN)).startsWith("### ✅ paliad-migration gate passed\n");
		assertThat(report.render(Format.GITHUB).lines()).as("a new table is info: notices, no error or warning")
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).startsWith("::notice file="))
			.anySatisfy(
					(line) -> assertThat(line).startsWith("::notice file=" + PREFIX + "1_create_items.up.sql,line=1,"));
		assertThat(json.readTree(report.render(Format.GITLAB)))
			.allSatisfy((issue) -> assertThat(issue.get("severity").asString()).isEqualTo("info"));
		assertThat(json.readTree(report.render(Format.JSON)).get("passed").asBoolean()).isTrue();
		assertThat(report.render(Format.TEXT)).contains("all succeeded; ")
			.contains(" finding(s), 0 failing the gate (compat=fail).")
			.endsWith("Exit code: 0" + System.lineSeparator());
	}

	@Test
	void theJsonReportKeepsItsShapeAndAddsPathsRulesAndTheGateVerdict() throws Exception {
		JsonNode report = json.readTree(mixedGate().render(Format.JSON));

		assertThat(report.get("mode").asString()).isEqualTo("dry-run");
		assertThat(report.get("exitCode").asInt()).isEqualTo(3);
		assertThat(report.get("passed").asBoolean()).isFalse();
		assertThat(report.get("error").isNull()).isTrue();
		assertThat(texts(report.get("steps"), "path")).containsExactly(PREFIX + "124_mixed.up.sql",
				PREFIX + "125_contract_title.up.sql");
		JsonNode drop = report.get("findings").get(0);
		assertThat(texts(report.get("findings"), "rule")).contains("drop-column");
		assertThat(List.of("rule", "severity", "size", "overSizeLimit", "version", "file", "line", "object", "message",
				"statement", "allowedBecause", "path", "title", "documentation", "failsGate"))
			.allSatisfy((field) -> assertThat(drop.has(field)).as(field).isTrue());
		assertThat(drop.get("failsGate").asBoolean()).isTrue();
	}

	@Test
	void underCompatWarnNothingFailsTheGateButBreakingStaysAnError() throws Exception {
		GateReport report = GateReport.of(mixedGateResult(), CompatPolicy.WARN).paths(locations(), PREFIX);

		assertThat(report.exitCode()).isEqualTo(ExitCode.SUCCESS);
		assertThat(report.render(Format.GITHUB)).contains("::error file=" + PREFIX + "124_mixed.up.sql,line=1,")
			.doesNotContain("This fails the gate");
		assertThat(issue(json.readTree(report.render(Format.GITLAB)), "drop-column").get("severity").asString())
			.isEqualTo("critical");
	}

	/**
	 * One pending migration that breaks, blocks and expands, and one contract step a
	 * directive allows, against the production snapshot.
	 */
	private DryRunResult mixedGateResult() throws URISyntaxException {
		this.fixture.files().write("124_mixed.up.sql", """
				ALTER TABLE users DROP COLUMN display_name;
				CREATE INDEX documents_title_idx ON documents (title);
				ALTER TABLE documents ADD COLUMN summary text;
				ALTER TABLE documents ADD COLUMN note text DEFAULT 'a,b: 100%';
				""").write("125_contract_title.up.sql", """
				-- paliad:allow-breaking v2.3 reads projects.name (expand/contract step 3)
				ALTER TABLE projects RENAME COLUMN title TO name;
				""");
		return MigrationGate.check(this.fixture.db().dataSource(), snapshot(),
				MigrationConfiguration.builder()
					.locations(locations())
					.role("app_owner")
					.compatPolicy(CompatPolicy.FAIL)
					.build());
	}

	private GateReport mixedGate() throws URISyntaxException {
		return report(mixedGateResult());
	}

	private List<String> locations() {
		return List.of("filesystem:" + this.prod, this.fixture.files().location());
	}

	private GateReport report(DryRunResult result) {
		return GateReport.of(result, CompatPolicy.FAIL).paths(locations(), PREFIX);
	}

	private JsonNode gitLab(DryRunResult result) {
		return json.readTree(report(result).render(Format.GITLAB));
	}

	private static Path snapshot() throws URISyntaxException {
		return Paths.get(GateReportFormatTests.class.getResource("/gate/prod-schema.sql").toURI());
	}

	private static Schema schema(SpecificationVersion version, String file) throws IOException {
		try (InputStream schema = GateReportFormatTests.class.getResourceAsStream("/report-schemas/" + file)) {
			return SchemaRegistry.withDefaultDialect(version).getSchema(schema);
		}
	}

	private static List<String> errors(Schema schema, String document) {
		return schema.validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
	}

	private static JsonNode rule(JsonNode run, String id) {
		for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
			if (rule.get("id").asString().equals(id)) {
				return rule;
			}
		}
		throw new AssertionError("no rule " + id + " in " + run);
	}

	private static JsonNode result(JsonNode run, String ruleId, String object) {
		for (JsonNode result : run.get("results")) {
			if (result.get("ruleId").asString().equals(ruleId)
					&& (object == null || result.at("/properties/object").asString().equals(object))) {
				return result;
			}
		}
		throw new AssertionError("no result " + ruleId + " on " + object + " in " + run.get("results"));
	}

	private static JsonNode issue(JsonNode issues, String checkName) {
		for (JsonNode issue : issues) {
			if (issue.get("check_name").asString().equals(checkName)) {
				return issue;
			}
		}
		throw new AssertionError("no issue " + checkName + " in " + issues);
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.get(field).asString()));
		return texts;
	}

}
