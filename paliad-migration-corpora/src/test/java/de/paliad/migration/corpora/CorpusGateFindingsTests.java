package de.paliad.migration.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.Finding;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gate on real-world SQL: for each corpus, the database as production has it before
 * its last {@link Corpus#pending()} migrations (the runner applies all the others), then
 * the dry run over those; its findings (rule, file, line, object) must equal the reviewed
 * {@code expected-findings.txt} next to the corpus. The current findings are written to
 * {@code target/corpora/<name>/current-findings.txt} for review.
 * <p>
 * The pending migrations are rehearsed as {@link Migrator#migrate()} runs them (one
 * transaction per migration, committed on this throw-away database), so each migration's
 * locks are its own: the one-transaction {@link Migrator#dryRun()} would still hold the
 * locks of earlier pending migrations and miss those a later one takes again.
 */
class CorpusGateFindingsTests {

	static final List<Corpus> corpora = Corpus.ALL;

	@TempDir
	Path applied;

	@ParameterizedTest
	@FieldSource("corpora")
	void theGatesFindingsOnTheLastMigrationsAreTheReviewedOnes(Corpus corpus) throws IOException {
		List<Path> files = corpus.files();
		for (Path file : files.subList(0, files.size() - corpus.pending())) {
			Files.copy(file, this.applied.resolve(file.getFileName()));
		}
		try (TestDatabase database = TestDatabases.create()) {
			corpus.setup().ifPresent((setup) -> Psql.onPath().apply(database, setup));
			new Migrator(database.dataSource(), configuration("filesystem:" + this.applied)).migrate();

			DryRunResult result = new Migrator(database.dataSource(),
					configuration("filesystem:" + corpus.migrations()))
				.rehearse();

			assertThat(result.steps()).as("migrations the dry run saw").hasSize(corpus.pending());
			List<Finding> findings = result.findings()
				.stream()
				.sorted(Comparator.comparingLong(Finding::version).thenComparingInt(Finding::line))
				.toList();
			Path current = Paths.get("target", "corpora", corpus.name(), "current-findings.txt").toAbsolutePath();
			Files.createDirectories(current.getParent());
			Files.write(current, GoldenFindings.render(result.steps(), findings));
			result.failure()
				.ifPresent((failure) -> fail("The dry run of " + corpus + " failed: " + failure.getMessage()));

			Path golden = corpus.root().resolve("expected-findings.txt");
			if (!Files.isRegularFile(golden)) {
				fail("No reviewed golden file for " + corpus + " yet: review " + current + " and commit it as "
						+ "src/test/resources/corpora/" + corpus.name() + "/expected-findings.txt");
			}
			List<String> expected = GoldenFindings.parse(golden.toString(), Files.readAllLines(golden));
			List<String> actual = findings.stream().map(GoldenFindings::line).sorted().toList();
			String diff = SchemaDump.diff("golden", expected, "gate", actual);
			assertThat(diff).as("findings on %s that differ from the golden file (current ones in %s)", corpus, current)
				.isEmpty();
		}
	}

	private static MigrationConfiguration configuration(String location) {
		return MigrationConfiguration.builder().locations(location).compatPolicy(CompatPolicy.WARN).build();
	}

}
