package de.paliad.migration.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The runner builds exactly what psql builds: every vendored corpus applied by
 * {@link Migrator#migrate()} (a transaction per migration, {@code no-transaction} files
 * in autocommit) into one fresh database and by {@code psql -f}, file by file, into
 * another; the two catalog dumps must be equal. Runs on the default server (PostgreSQL
 * 17) only: the corpora use features of PostgreSQL 14 and later.
 */
class CorpusSchemaTests {

	static final List<Corpus> corpora = Corpus.ALL;

	private static final String TRACKER = "public.applied_migrations";

	@ParameterizedTest
	@FieldSource("corpora")
	void theRunnerBuildsTheSameSchemaAsPsql(Corpus corpus) throws IOException {
		Psql psql = Psql.onPath();
		List<Path> files = corpus.files();
		try (TestDatabase byRunner = TestDatabases.create(); TestDatabase byPsql = TestDatabases.create()) {
			corpus.setup().ifPresent((setup) -> {
				psql.apply(byRunner, setup);
				psql.apply(byPsql, setup);
			});
			MigrateResult result = new Migrator(byRunner.dataSource(),
					MigrationConfiguration.builder().locations("filesystem:" + corpus.migrations()).build())
				.migrate();
			psql.apply(byPsql, files);

			assertThat(result.applied()).as("migrations the runner applied").hasSize(files.size());
			List<String> runnerSchema = SchemaDump.of(byRunner.dataSource(), TRACKER);
			List<String> psqlSchema = SchemaDump.of(byPsql.dataSource(), TRACKER);
			Path output = write(corpus, runnerSchema, psqlSchema);
			assertThat(psqlSchema.stream().filter((line) -> line.startsWith("relation ")))
				.as("tables psql built for %s (an empty schema on both sides proves nothing)", corpus)
				.hasSizeGreaterThan(10);
			String diff = SchemaDump.diff("psql", psqlSchema, "runner", runnerSchema);
			if (!diff.isEmpty()) {
				fail("The runner and psql built different schemas from the " + corpus + " corpus (both dumps in "
						+ output + "):\n" + diff);
			}
		}
	}

	/** Both dumps, for inspection: target/corpora/<name>/{runner,psql}-schema.txt. */
	private static Path write(Corpus corpus, List<String> runner, List<String> psql) throws IOException {
		Path folder = Paths.get("target", "corpora", corpus.name()).toAbsolutePath();
		Files.createDirectories(folder);
		Files.write(folder.resolve("runner-schema.txt"), runner);
		Files.write(folder.resolve("psql-schema.txt"), psql);
		return folder;
	}

}
